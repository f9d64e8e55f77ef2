import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkReports
@testable import ZeroParkServer

/// Exports of a year's live figures from the overview and the source list (issue #12 defect 9): CSV with
/// a UTF-8 BOM and a header in one language, XLSX, a printable page — each as the caller may see the
/// figures (a tenant its own enterprise's only) and each saying it is live, not a snapshot.
struct LiveExportTests {
    @Test func managersAndTenantsExportWhatTheySee() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let overview = try await client.execute(uri: "/parks/nansha-demo?year=2025", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(overview.contains("href=\"/parks/nansha-demo/export.csv?year=2025\"") && overview.contains("id=\"export-xlsx\""))
            let sourcesPage = try await client.execute(uri: "/parks/nansha-demo/sources?year=2025", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(sourcesPage.contains("id=\"export-print\""))
            let csv = try await client.execute(uri: "/parks/nansha-demo/export.csv?year=2025", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                return Array(response.body.readableBytesView)
            }
            #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: csv.dropFirst(3), as: UTF8.self)
            let header = text.components(separatedBy: "\r\n").first ?? ""
            // One language: every column named in Chinese (units aside).
            #expect(header == "类别,编号,名称,系统/类型,方法,排放量 tCO2,位置法排放量 tCO2,生物质排放 tCO2,占比,活动数据,活动数据单位,公式,计算,因子编号,因子值,因子单位,因子年份,因子由园区覆盖,因子出处,数据来源")
            #expect(text.contains("source,water,") && text.contains("source,fleet-diesel,"))
            let english = try await client.execute(uri: "/parks/nansha-demo/export.csv?year=2025&lang=en", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(english.dropFirst().hasPrefix("record,id,name,system_or_type"))
            let xlsx = try await client.execute(uri: "/parks/nansha-demo/export.xlsx?year=2025", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.headers[.contentDisposition] == "attachment; filename=\"zeropark-nansha-demo-2025-live.xlsx\"")
                return Array(response.body.readableBytesView)
            }
            #expect(xlsx.starts(with: [0x50, 0x4B, 0x03, 0x04]))
            let page = try await client.execute(uri: "/parks/nansha-demo/export?year=2025", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(page.contains("园区碳排放与碳吸收（实时数据导出）") && page.contains("实时数据，未保存为盘查快照"))
            // A tenant's export holds its own enterprise's sources only, and no park-wide plan or meters.
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            let own = try await client.execute(uri: "/parks/nansha-demo/export.csv?year=2025", method: .get, headers: [.cookie: tenant]) { $0.text }
            #expect(own.contains("source,fleet-diesel,") && !own.contains("source,water,"))
            let ownPage = try await client.execute(uri: "/parks/nansha-demo/export?year=2025", method: .get, headers: [.cookie: tenant]) { $0.text }
            #expect(!ownPage.contains("中和方案路径") && ownPage.contains("本导出不含此项"))
            // A year out of range, and a park the tenant is not in.
            try await client.execute(uri: "/parks/nansha-demo/export.csv?year=99999", method: .get, headers: [.cookie: manager]) {
                #expect($0.status == .unprocessableContent)
            }
            try await client.execute(uri: "/parks/xihu-creative/export.xlsx?year=2025", method: .get, headers: [.cookie: tenant]) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func csvCellsAreQuotedAndNeverRunAsFormulas() {
        // A name typed as a formula gets an apostrophe; numbers (also negative) stay numbers; commas and quotes are quoted.
        let text = CSVWriter.text([["名称", "值"], ["=HYPERLINK(\"x\")", "-5"], ["@cmd", "1,5"], ["普通", "-1e3"]])
        #expect(text == "\u{FEFF}名称,值\r\n\"'=HYPERLINK(\"\"x\"\")\",-5\r\n'@cmd,\"1,5\"\r\n普通,-1e3\r\n")
        #expect(CSVWriter.text([["a"]], bom: false, guardFormulas: false) == "a\r\n")
    }
}
