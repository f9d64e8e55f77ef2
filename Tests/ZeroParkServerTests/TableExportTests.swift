import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// CSV exports of the record tables (issue #12 defect 9): audit log, meters and alerts, with a BOM, a
/// header in one language and the caller's own view (tenants: own meters; no audit log).
struct TableExportTests {
    @Test func recordTablesExportAsTheCallerSeesThem() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            func get(_ uri: String, _ cookie: String) async throws -> (HTTPResponse.Status, [UInt8]) {
                try await client.execute(uri: uri, method: .get, headers: [.cookie: cookie]) { ($0.status, Array($0.body.readableBytesView)) }
            }
            func text(_ bytes: [UInt8]) -> String { String(decoding: bytes.dropFirst(3), as: UTF8.self) }
            var (status, bytes) = try await get("/parks/nansha-demo/audit.csv", manager)
            #expect(status == .ok && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
            #expect(text(bytes).hasPrefix("时间（北京时间）,操作人,操作,对象,对象编号,修改前,修改后\r\n") && text(bytes).contains("CST"))
            (_, bytes) = try await get("/parks/nansha-demo/audit.csv?lang=en", manager)
            #expect(text(bytes).hasPrefix("time (CST),actor,action,entity,entity key,before,after\r\n"))
            (status, bytes) = try await get("/parks/nansha-demo/meters.csv", manager)
            let all = text(bytes)
            #expect(status == .ok && all.hasPrefix("编号,名称,计量量,单位") && all.contains("\r\ngrid-main,"))
            (_, bytes) = try await get("/parks/nansha-demo/alerts.csv", manager)
            #expect(text(bytes).hasPrefix("编号,状态,计量表,规则"))
            // A tenant: its own enterprise's meters only, and no audit log.
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            (status, bytes) = try await get("/parks/nansha-demo/meters.csv", tenant)
            let own = text(bytes)
            let ownRows = own.split(separator: "\r\n").dropFirst()
            #expect(status == .ok && !own.contains("\r\ngrid-main,") && !ownRows.isEmpty && ownRows.allSatisfy { $0.contains("logistics") })
            (status, _) = try await get("/parks/nansha-demo/audit.csv", tenant)
            #expect(status == .forbidden)
            (status, _) = try await get("/parks/xihu-creative/meters.csv", tenant)
            #expect(status == .notFound)
        }
    }
}
