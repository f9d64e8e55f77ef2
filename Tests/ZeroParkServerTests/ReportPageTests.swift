import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkStore
@testable import ZeroParkServer

/// The emissions-and-sequestration report of a stored snapshot (issue #11 item 1): its sections, the
/// same HTML and XLSX bytes every time, and the same refusals as the snapshot (tenants see none).
struct ReportPageTests {
    @Test func theReportOfASnapshotIsTheSameBytesEachTimeAndTenantsGetNone() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
        // The demo's 2025 snapshot of the creative park.
        let snapshot = try #require(try await server.store.snapshots(parkKey: "xihu-creative", caller: admin).first)
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let path = "/parks/xihu-creative/inventories/\(snapshot.id)/report"
            let html = try await client.execute(uri: path, method: .get, headers: [.cookie: manager]) { response in
                #expect(response.status == .ok)
                return response.text
            }
            for section in ["profile", "sources", "factors", "systems", "sinks", "offsets", "balance", "indicator", "quality", "pathway", "lineage"] {
                #expect(html.contains("<section id=\"\(section)\">"), "section \(section)")
            }
            #expect(html.contains("园区碳排放与碳吸收报告") && html.contains(snapshot.outputHash) && html.contains(snapshot.inputHash))
            #expect(html.contains("default-src 'none'"))  // nothing fetched when printed
            // The demo saved the snapshot with its context: no plan or trial for this park, said so.
            #expect(html.contains("尚未保存方案") && html.contains("尚未声明试运行期") && !html.contains("本快照保存于记录此项之前"))
            // The ccer-hydro credits count only up to the residual: 10,605.38 − 8,000 = 2,605.38 counted, 394.62 surplus.
            #expect(html.contains("2,605.38") && html.contains("394.62"))
            let again = try await client.execute(uri: path, method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(again == html)
            let xlsx = try await client.execute(uri: path + ".xlsx", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                return Data(buffer: response.body)
            }
            // In another second: nothing of the time of writing is in the workbook (its times are the snapshot's).
            try await Task.sleep(for: .milliseconds(1_100))
            let xlsxAgain = try await client.execute(uri: path + ".xlsx", method: .get, headers: [.cookie: manager]) { Data(buffer: $0.body) }
            #expect(xlsx == xlsxAgain && xlsx.starts(with: Data([0x50, 0x4B])))
            try await client.execute(uri: path + "?lang=en", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.text.contains("Park emissions and sequestration report") && response.text.contains("Factors and parameters"))
            }
            // A tenant of the other park, and an unknown snapshot: not found.
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: path, method: .get, headers: [.cookie: tenant]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/parks/nansha-demo/inventories/\(snapshot.id)/report", method: .get, headers: [.cookie: tenant]) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/parks/xihu-creative/inventories/999/report.xlsx", method: .get, headers: [.cookie: manager]) {
                #expect($0.status == .notFound)
            }
        }
    }
}
