import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkInput
import ZeroParkStore
import ZeroParkXLSX
@testable import ZeroParkServer

/// Activity data from a file (issue #12 defect 8): CSV or XLSX uploaded on the sources page, every problem
/// listed at once with its line and column, template rows skipped, a downloadable template per caller.
struct ActivityImportTests {
    @Test func everyProblemIsListedInLineOrderAndNothingIsKept() throws {
        let csv = """
        source,year,month,value,data_source
        water,2025,1,100,抄表
        sludge,20x5,1,5,
        water,2025,13,-1,
        ,2025,2,1,
        water,2025,2,7,ok
        """
        do {
            _ = try ActivityImport.parse(csv: csv, visibleSources: ["water", "sludge"])
            Issue.record("a file with bad rows was accepted")
        } catch let error as InputError {
            // Line 3: the year; line 4: the month and the value; line 5: the source — four problems at once.
            #expect(error.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.field)" } == ["3:2:year", "4:3:month", "4:4:value", "5:1:source"])
        }
    }

    @Test func templateRowsWithoutAValueAreSkippedAndCounted() throws {
        let csv = "\u{FEFF}source,year,month,value,data_source,evidence\nwater,2025,,,,\nsludge,2025,3,12.5,,\n\n"
        let parsed = try ActivityImport.parse(csv: csv, visibleSources: ["water", "sludge"])
        #expect(parsed.rows.map(\.input) == [ActivityInput(sourceKey: "sludge", year: 2025, month: 3, value: 12.5)])
        #expect(parsed.skipped == [2])
        // A file of template rows only parses to nothing to store (the page says so: see below).
        let onlyTemplate = try ActivityImport.parse(csv: "source,year,value\nwater,2025,\n", visibleSources: ["water"])
        #expect(onlyTemplate.rows.isEmpty && onlyTemplate.skipped == [2])
    }

    @Test func anXLSXWorkbookIsReadLikeTheCSV() throws {
        // Numbers as Excel stores them (a year of 2025.0, a month of 4), text and a row left as in the template.
        let sheet = XLSXWriter.Sheet(name: "activity", header: ActivityImport.columns, rows: [
            [.text("water"), .number(2025, format: "0"), .number(4, format: "0"), .number(1_234.5, format: "0.0"), .text("水务公司账单"), .text("")],
            [.text("sludge"), .number(2025, format: "0"), .text(""), .text(""), .text(""), .text("")],
        ])
        let data = try XLSXWriter.data([sheet], title: "t", author: "test", created: Date(timeIntervalSince1970: 1_700_000_000))
        let parsed = try ActivityImport.parse(xlsx: data, visibleSources: ["water", "sludge"])
        #expect(parsed.rows.map(\.input) == [ActivityInput(sourceKey: "water", year: 2025, month: 4, value: 1_234.5, dataSource: "水务公司账单")])
        #expect(parsed.skipped == [3])
        // A bad cell names its row and column on the sheet.
        let bad = XLSXWriter.Sheet(name: "activity", header: ActivityImport.columns, rows: [[.text("water"), .number(2025, format: "0"), .number(1, format: "0"), .text("很多")]])
        do {
            _ = try ActivityImport.parse(xlsx: try XLSXWriter.data([bad], title: "t", author: "test", created: Date(timeIntervalSince1970: 1_700_000_000)),
                                         visibleSources: ["water"])
            Issue.record("a text value was accepted")
        } catch let error as InputError {
            #expect(error.problems.map { "\($0.line ?? 0):\($0.column ?? 0):\($0.field)" } == ["2:4:value"])
        }
    }

    static let boundary = "----ZeroParkImportBoundary"

    static func upload(_ session: WebTests.Session, fileName: String, bytes: [UInt8], csv: String = "") async throws -> (HTTPResponse.Status, String, String?) {
        let (_, page) = try await session.get("/parks/nansha-demo/sources?year=2025")
        let token = WebTests.csrf(in: page) ?? ""
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csv\"\r\n\r\n\(csv)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await session.client.execute(uri: "/parks/nansha-demo/activity-csv?year=2025", method: .post,
                                                headers: [.cookie: session.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                                body: ByteBuffer(bytes: body)) { ($0.status, $0.text, $0.headers[.location]) }
    }

    @Test func theSourcesPageTakesAFileListsEveryProblemAndOffersTemplates() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
        let store = server.store
        try await server.run { client in
            let tenant = WebTests.Session(client: client, cookie: try await WebTests.login(client, "logistics", "zeropark-tenant"))
            // The tenant's template: BOM, the header, and its own sources only (not the park's water).
            let template = try await client.execute(uri: "/parks/nansha-demo/activity-template.csv?year=2025", method: .get,
                                                    headers: [.cookie: tenant.cookie]) { response in
                #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
                return Array(response.body.readableBytesView)
            }
            #expect(template.starts(with: [0xEF, 0xBB, 0xBF]))
            let text = String(decoding: template.dropFirst(3), as: UTF8.self)
            #expect(text.hasPrefix("source,year,month,value,data_source,evidence\r\n") && text.contains("fleet-diesel,2025,,,,") && !text.contains("water,"))
            // Uploaded as it is: nothing to import, said so.
            var (status, page, _) = try await Self.upload(tenant, fileName: "template.csv", bytes: template)
            #expect(status == .unprocessableContent && page.contains("没有填写数值的行"))
            // Two bad rows: both listed; nothing stored.
            let bad = Array("source,year,month,value\nfleet-diesel,2025,1,abc\nwater,2025,1,5\n".utf8)
            (status, page, _) = try await Self.upload(tenant, fileName: "bad.csv", bytes: bad)
            #expect(status == .unprocessableContent && page.contains("第 2 行第 4 列") && page.contains("第 3 行第 1 列") && page.contains("未导入任何数据"))
            // The template filled in as a workbook: imported, the template rows counted as skipped.
            let xlsx = try await client.execute(uri: "/parks/nansha-demo/activity-template.xlsx?year=2025", method: .get,
                                                headers: [.cookie: tenant.cookie]) { Array($0.body.readableBytesView) }
            let rows = try ActivityImport.parse(xlsx: Data(xlsx), visibleSources: nil)
            #expect(rows.rows.isEmpty && !rows.skipped.isEmpty)
            let filled = XLSXWriter.Sheet(name: "activity", header: ActivityImport.columns, rows: [
                [.text("fleet-diesel"), .number(2025, format: "0"), .number(6, format: "0"), .number(321, format: "0"), .text("加油卡记录"), .text("")],
                [.text("fleet-diesel"), .number(2025, format: "0"), .text(""), .text(""), .text(""), .text("")],
            ])
            let workbook = try XLSXWriter.data([filled], title: "t", author: "test", created: Date(timeIntervalSince1970: 1_700_000_000))
            let location: String?
            (status, _, location) = try await Self.upload(tenant, fileName: "活动数据.xlsx", bytes: Array(workbook))
            #expect(status == .seeOther && location?.contains("imported=1&skipped=1") == true)
            (_, page) = try await tenant.get(try #require(location))
            #expect(page.contains("已导入 1 行；跳过 1 行"))
            let stored = try await store.activity(parkKey: "nansha-demo", sourceKey: "fleet-diesel", caller: admin)
            #expect(stored.contains { $0.year == 2025 && $0.month == 6 && $0.value == 321 && $0.dataSource == "加油卡记录" })
            // A viewer of the park is refused before the body is read.
            let viewer = WebTests.Session(client: client, cookie: try await WebTests.login(client, "auditor", "zeropark-auditor"))
            (status, _, _) = try await Self.upload(viewer, fileName: "a.csv", bytes: Array("source,year,value\nwater,2025,1\n".utf8))
            #expect(status == .forbidden)
        }
    }
}

/// An uploaded activity workbook is bounded well below the readings importer (issue #12 defect 8, hostile input).
struct ActivityWorkbookBoundTests {
    @Test func aWorkbookOfMoreRowsThanAnActivityFileNeedsIsRefused() throws {
        let rows: [[XLSXWriter.Cell]] = (0..<50_001).map { _ in [.text("water"), .number(2025, format: "0"), .text(""), .number(1, format: "0")] }
        let data = try XLSXWriter.data([XLSXWriter.Sheet(name: "activity", header: ActivityImport.columns, rows: rows)], title: "t", author: "test",
                                       created: Date(timeIntervalSince1970: 1_700_000_000))
        do {
            _ = try ActivityImport.parse(xlsx: data, visibleSources: ["water"])
            Issue.record("a 50,002-row workbook was read")
        } catch let error as InputError {
            #expect(error.problems.first?.code == "too_many_rows")
        }
    }
}
