import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkReports
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

    /// A snapshot saved after a plan and a trial year carries them, and its report draws them beside the
    /// balance and the systems: the plan's path and the trial's actual net against the plan, month by month.
    @Test func aSnapshotWithPlanAndTrialDrawsTheirCharts() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            _ = try await TrialAPITests.savePlan(client, server)
            try await client.execute(uri: "\(TrialAPITests.park)/trial", method: .put, headers: server.auth("manager", TrialAPITests.json),
                                     body: ByteBuffer(string: #"{"start":"2025-01-01","plan_version":1,"threshold":0.01}"#)) { #expect($0.status == .ok) }
            let id = try await client.execute(uri: "\(TrialAPITests.park)/inventories", method: .post, headers: server.auth("manager", TrialAPITests.json),
                                              body: ByteBuffer(string: #"{"year":2025}"#)) { response in
                #expect(response.status == .created)
                return try #require((try response.json() as? [String: Any])?["id"] as? Int)
            }
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let html = try await client.execute(uri: "/parks/nansha-demo/inventories/\(id)/report", method: .get, headers: [.cookie: manager]) { $0.text }
            for title in ["碳平衡", "按系统排放", "中和方案路径（第 1 版）", "试运行：实际净排放与方案（月）"] {
                #expect(html.contains("aria-label=\"\(title)\""), "chart \(title)")
            }
            // Twelve months compared: twelve measured points on the trial chart, and the legend's dot.
            let trial = try #require(html.components(separatedBy: "aria-label=\"试运行：实际净排放与方案（月）\"").last?.components(separatedBy: "</svg>").first)
            #expect(trial.components(separatedBy: "<circle").count - 1 == 12 + 1)
            let english = try await client.execute(uri: "/parks/nansha-demo/inventories/\(id)/report?lang=en", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(english.contains("aria-label=\"Trial year: actual net against the plan (monthly)\""))
            // The creative park's snapshot has no meters, plan or trial: only the two inventory charts.
            let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
            let creative = try #require(try await server.store.snapshots(parkKey: "xihu-creative", caller: admin).first)
            let other = try await client.execute(uri: "/parks/xihu-creative/inventories/\(creative.id)/report", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(other.components(separatedBy: "<svg").count - 1 == 2)
        }
    }

    /// Metered sources recorded with a snapshot draw their completeness in per cent.
    @Test func meteredQualityIsDrawnInPerCent() {
        let quality = SnapshotContext.Quality(source: "grid", name: "外购电网电力", expected: 35_040, completeness: 0.875, estimatedShare: 0.05, flagged: 3)
        let charts = ReportPrint.contextCharts(SnapshotContext(meters: 4, quality: [quality], plan: nil, trial: nil), t: Strings(language: .zh))
        #expect(charts.count == 1)
        // 0.875 → 87.5 %.
        #expect(charts.first?.contains("aria-label=\"计量数据完整率\"") == true && charts.first?.contains("87.5") == true)
        #expect(ReportPrint.contextCharts(SnapshotContext(meters: 0, quality: [], plan: nil, trial: nil), t: Strings(language: .zh)).isEmpty)
    }

    /// The plan bars stack a year's emissions as sinks, then offsets, then the rest.
    @Test func planYearsStackIntoTheirEmissions() {
        // 100 t, 30 t of sinks, 50 t of offsets: 30 + 50 + 20 = 100.
        let a = ReportPrint.planSplit(.init(year: 2027, emissions: 100, sinks: 30, offsets: 50))
        #expect(a.sinks == 30 && a.offsets == 50 && a.remaining == 20)
        // Offsets beyond what the sinks leave (90 > 70) are drawn up to it: 30 + 70 + 0.
        let b = ReportPrint.planSplit(.init(year: 2030, emissions: 100, sinks: 30, offsets: 90))
        #expect(b.sinks == 30 && b.offsets == 70 && b.remaining == 0)
        // Sinks beyond the emissions (a net-negative year, 1.1.13): 40 of 120 drawn, nothing else.
        let c = ReportPrint.planSplit(.init(year: 2035, emissions: 40, sinks: 120, offsets: 10))
        #expect(c.sinks == 40 && c.offsets == 0 && c.remaining == 0)
    }
}

/// The print pages carry their styles inline; the dashboard's policy (`style-src 'self'`) left them unstyled
/// on screen, tables wider than a phone (issue #12: found by the page sweep). They state their own policy:
/// inline styles and data: images, nothing else; every other page keeps the strict one.
struct PrintPagePolicyTests {
    @Test func printPagesAllowTheirInlineStylesAndNothingMore() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
        let snapshot = try #require(try await server.store.snapshots(parkKey: "xihu-creative", caller: admin).first)
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            for path in ["/parks/xihu-creative/inventories/\(snapshot.id)/report", "/parks/nansha-demo/export?year=2025"] {
                try await client.execute(uri: path, method: .get, headers: [.cookie: manager]) { response in
                    #expect(response.status == .ok)
                    let policy = response.headers[.contentSecurityPolicy] ?? ""
                    #expect(policy == "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'", "\(path)")
                    #expect(!policy.contains("script") && response.text.contains("<style>"))
                }
            }
            try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.headers[.contentSecurityPolicy] == "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
            }
        }
    }
}
