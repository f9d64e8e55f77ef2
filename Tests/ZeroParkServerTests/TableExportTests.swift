import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkStore
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
            // A tenant: its own enterprise's meters only (the enterprise by name, as on the page), and no audit log.
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            (status, bytes) = try await get("/parks/nansha-demo/meters.csv", tenant)
            let own = text(bytes)
            let ownRows = own.split(separator: "\r\n").dropFirst()
            #expect(status == .ok && !own.contains("\r\ngrid-main,") && !ownRows.isEmpty && ownRows.allSatisfy { $0.contains(",南沙园区物流有限公司,") })
            (status, _) = try await get("/parks/nansha-demo/audit.csv", tenant)
            #expect(status == .forbidden)
            (status, _) = try await get("/parks/xihu-creative/meters.csv", tenant)
            #expect(status == .notFound)
        }
    }
}

/// A published park's disclosure lists the projects of its latest plan version (issue #11 item 6): names,
/// kinds, stages, start years and tonnes — not costs.
struct DisclosedProjectsTests {
    @Test func thePublicPageListsThePlannedProjects() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
        try await server.store.setPublished(parkKey: "xihu-creative", published: true, reductionTarget: nil, caller: admin)
        try await server.run { client in
            _ = try await TrialAPITests.savePlan(client, server)
            let page = try await client.execute(uri: "/public/nansha-demo", method: .get) { $0.text }
            let section = try #require(page.components(separatedBy: "id=\"disclosure-plan\"").last?.components(separatedBy: "</section>").first)
            #expect(section.contains("方案版本 1") && section.contains("<td>减排</td>"))
            #expect(!section.contains("capex") && !section.contains("CNY"))
            // The creative park has no plan: no section.
            let (status, other) = try await client.execute(uri: "/public/xihu-creative", method: .get) { ($0.status, $0.text) }
            #expect(status == .ok && other.contains("西湖数字创意园") && !other.contains("id=\"disclosure-plan\""))
        }
    }
}

/// The trial year's months as CSV (issue #12 defect 9), unrounded, from the same tracking as the page.
struct TrialExportTests {
    @Test func theTrialMonthsExportWithTheirPlannedAndActualFigures() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            _ = try await TrialAPITests.savePlan(client, server)
            try await client.execute(uri: "\(TrialAPITests.park)/trial", method: .put, headers: server.auth("manager", TrialAPITests.json),
                                     body: ByteBuffer(string: #"{"start":"2025-01-01","plan_version":1,"threshold":0.01}"#)) { #expect($0.status == .ok) }
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/trial", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(page.contains("id=\"export-trial\""))
            let csv = try await client.execute(uri: "/parks/nansha-demo/trial.csv", method: .get, headers: [.cookie: manager]) { $0.text }
            let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("月份,试运行天数,已过天数,计划排放 tCO2") == true)
            // Twelve months of 2025, each compared (31 trial days in January, all elapsed).
            #expect(lines.count == 13 && lines[1].hasPrefix("2025-01,31,31,"))
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/trial.csv", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
        }
    }
}

/// A stored plan version's years and measures as CSV (issue #12 defect 9), unrounded, tenants refused.
struct PlanExportTests {
    @Test func aPlanVersionsTablesExport() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let pvTonnes = try await TrialAPITests.savePlan(client, server)
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/plan", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(page.contains("id=\"export-plan-years-1\"") && page.contains("id=\"export-plan-measures-1\""))
            let years = try await client.execute(uri: "/parks/nansha-demo/plans/1/years.csv", method: .get, headers: [.cookie: manager]) { $0.text }
            let yearLines = years.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(yearLines.first == "年份,基准情景 tCO2,减排 tCO2,排放 tCO2,碳汇 tCO2,本地抵消 tCO2,其他抵消 tCO2,净排放 tCO2,措施费用 元,抵消费用 元")
            #expect(yearLines.count > 2 && yearLines[1].hasPrefix("2025,"))
            let measures = try await client.execute(uri: "/parks/nansha-demo/plans/1/measures.csv?lang=en", method: .get, headers: [.cookie: manager]) { $0.text }
            // The PV measure with its tonnes a year unrounded, as the plan document holds them.
            let pv = try #require(measures.components(separatedBy: "\r\n").first { $0.hasPrefix("pv,") })
            #expect(pv.contains(",\(String(pvTonnes)),"))
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/plans/1/years.csv", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/parks/nansha-demo/plans/9/years.csv", method: .get, headers: [.cookie: manager]) { #expect($0.status == .notFound) }
        }
    }
}
