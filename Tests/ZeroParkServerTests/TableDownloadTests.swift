import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkSpreadsheet
import ZeroParkStore
@testable import ZeroParkServer

/// Every table of the dashboard downloads as CSV and XLSX (issue #12 defect 9): the writer itself, the
/// record tables' workbooks, the sinks-and-offsets tables, the energy cost and the dispatch page's results.
struct TableDownloadTests {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A row's cell in a column, nil when the row is shorter or the cell empty.
    static func cell(_ row: XLSXReadings.Row?, _ column: Int) -> XLSXReadings.Cell? {
        guard let row, row.cells.indices.contains(column) else { return nil }
        return row.cells[column]
    }

    @Test func oneTableIsHeaderAndRowsAndSeveralAreTitled() throws {
        let one = TableDownload(fileName: "f", tables: [DownloadTable(title: "碳汇", header: ["编号", "tCO2"], rows: [["a", "1.5"], ["=b", "-2"]])])
        let text = String(decoding: try one.data(.csv).dropFirst(3), as: UTF8.self)
        // The header, then the rows; a name starting with = is guarded, a negative number is not.
        #expect(text == "编号,tCO2\r\na,1.5\r\n'=b,-2\r\n")
        #expect(Array(try one.data(.csv).prefix(3)) == Self.bom)
        let two = TableDownload(fileName: "f", tables: [DownloadTable(title: "A", header: ["x"], rows: [["1"]]),
                                                       DownloadTable(title: "B", header: ["y"], rows: [])])
        #expect(String(decoding: try two.data(.csv).dropFirst(3), as: UTF8.self) == "A\r\nx\r\n1\r\n\r\nB\r\ny\r\n")
    }

    @Test func aWorkbookWritesNumericColumnsAsNumbers() throws {
        let table = DownloadTable(title: "计量表", header: ["编号", "倍率", "说明"],
                                  rows: [["001", "1,234.5", "12.3%"], ["002", "—", "7"]], numericColumns: [1])
        let data = try TableDownload(fileName: "f", tables: [table]).data(.xlsx)
        let (sheet, rows) = try XLSXReadings.rows(data, columns: ["a", "b", "c"])
        #expect(sheet == "计量表")
        #expect(rows.map { $0.cells.map { $0?.text } } == [["编号", "倍率", "说明"], ["001", "1234.5", "12.3%"], ["002", "—", "7"]])
        // The numeric column's number is a number; the id column keeps its leading zeros as text, and so does
        // a text column that happens to hold a digit; a dash stays text.
        #expect(rows[1].cells.map { $0?.kind } == [.text, .number, .text])
        #expect(rows[2].cells.map { $0?.kind } == [.text, .text, .text])
    }

    @Test func numbersAsThePagesShowThemReadBack() {
        #expect(TableDownload.numeric("1,234.5") == 1_234.5)
        #expect(TableDownload.numeric("-12,345,678") == -12_345_678)
        #expect(TableDownload.numeric("0.25") == 0.25)
        #expect(TableDownload.numeric("1,23") == nil)
        #expect(TableDownload.numeric("1,234.") == nil)
        #expect(TableDownload.numeric("12.3%") == nil)
        #expect(TableDownload.numeric("—") == nil)
        #expect(TableDownload.numeric("inf") == nil)
        #expect(TableDownload.numeric("") == nil)
    }

    @Test func sheetNamesAreWhatExcelTakes() {
        var used = Set<String>()
        #expect(TableDownload.sheetName("方案第 1 版逐年", used: &used) == "方案第 1 版逐年")
        #expect(TableDownload.sheetName("a/b:c", used: &used) == "a_b_c")
        #expect(TableDownload.sheetName("A/B:C", used: &used) == "A_B_C 2")
        #expect(TableDownload.sheetName(String(repeating: "x", count: 40), used: &used) == String(repeating: "x", count: 28))
        #expect(TableDownload.sheetName("", used: &used) == "Sheet")
    }

    @Test func recordTablesHaveWorkbooksToo() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            for (path, first) in [("audit", "时间（北京时间）"), ("meters", "编号"), ("alerts", "编号")] {
                let (status, type, bytes) = try await client.execute(uri: "/parks/nansha-demo/\(path).xlsx", method: .get, headers: [.cookie: manager]) {
                    ($0.status, $0.headers[.contentType], Data($0.body.readableBytesView))
                }
                #expect(status == .ok && type == DownloadFormat.xlsx.contentType)
                let (_, rows) = try XLSXReadings.rows(bytes, columns: (0..<10).map(String.init))
                #expect(rows.first?.cells.first??.text == first, "\(path)")
            }
            // The meters workbook: the demo's main meter, its multiplier as a number.
            let meters = try await client.execute(uri: "/parks/nansha-demo/meters.xlsx", method: .get, headers: [.cookie: manager]) { Data($0.body.readableBytesView) }
            let (_, rows) = try XLSXReadings.rows(meters, columns: (0..<10).map(String.init))
            let main = try #require(rows.first { $0.cells.first??.text == "grid-main" })
            #expect(Self.cell(main, 6)?.kind == .number)
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/audit.xlsx", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/parks/xihu-creative/meters.xlsx", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .notFound) }
            let page = try await client.execute(uri: "/parks/nansha-demo/meters", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(page.contains("id=\"export-meters-xlsx\""))
        }
    }

    @Test func sinksOffsetsAndCertificatesDownloadAsThePageShowsThem() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/sinks-offsets?year=2025", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(page.contains("id=\"export-sinks-offsets-csv\"") && page.contains("id=\"export-sinks-offsets-xlsx\""))
            let csv = try await client.execute(uri: "/parks/nansha-demo/sinks-offsets.csv?year=2025", method: .get, headers: [.cookie: manager]) {
                response -> String in
                #expect(response.status == .ok && response.headers[.contentDisposition]?.contains("zeropark-nansha-demo-2025-sinks-offsets.csv") == true)
                return String(decoding: Array(response.body.readableBytesView).dropFirst(3), as: UTF8.self)
            }
            let sections = csv.components(separatedBy: "\r\n\r\n")
            #expect(sections.count == 3)
            #expect(sections[0].hasPrefix("碳汇\r\n编号,名称,类型,说明,tCO2 2025\r\n"))
            #expect(sections[1].hasPrefix("碳抵消\r\n编号,名称,类型,申报 tCO2,计入 tCO2,盈余 tCO2,计入,本地,"))
            #expect(sections[2].hasPrefix("绿色电力证书（绿证）\r\n证书编号,排放源,MWh,"))
            // The green belt's tonnes unrounded, as the inventory computed them.
            let inventory = try await InventoryService(store: server.store, cache: InventoryCache()).compute(
                parkKey: "nansha-demo", year: 2025, caller: try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["manager"] ?? "")))).inventory
            let belt = try #require(inventory.sinks.first { $0.id == "green-belt" })
            #expect(sections[0].contains("\r\ngreen-belt,") && sections[0].contains(",\(String(belt.tco2))"))
            let xlsx = try await client.execute(uri: "/parks/nansha-demo/sinks-offsets.xlsx?year=2025&lang=en", method: .get, headers: [.cookie: manager]) {
                Data($0.body.readableBytesView)
            }
            let (sheet, rows) = try XLSXReadings.rows(xlsx, columns: (0..<5).map(String.init))
            #expect(sheet == "Sinks" && rows.first?.cells.first??.text == "Key")
            let beltRow = try #require(rows.first { $0.cells.first??.text == "green-belt" })
            #expect(Self.cell(beltRow, 4)?.kind == .number && Double(Self.cell(beltRow, 4)?.text ?? "") == belt.tco2)
            // Not a member: not found.
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/xihu-creative/sinks-offsets.csv?year=2025", method: .get, headers: [.cookie: tenant]) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func theEnergyCostDownloadsWithTheFiguresOfThePage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "\(TariffAPITests.park)/tariff", method: .put, headers: server.auth("manager", TariffAPITests.json),
                                     body: ByteBuffer(string: #"{"id":"cn-gd-tou-2021-331","base_price_cny_per_kwh":0.6725,"demand_charge_cny_per_kw_month":40}"#)) {
                #expect($0.status == .ok)
            }
            // The main meter (cumulative, × 200): 0.125 a quarter-hour = 25 kWh = 100 kW all day on 2026-11-20.
            let readings = (0...96).map { k in
                let ts = k == 96 ? "2026-11-21T00:00:00+08:00" : String(format: "2026-11-20T%02d:%02d:00+08:00", k / 4, (k % 4) * 15)
                return #"{"meter":"grid-main","ts":"\#(ts)","value":\#(1_000 + 0.125 * Double(k))}"#
            }
            try await client.execute(uri: "\(TariffAPITests.park)/readings", method: .post, headers: server.auth("manager", TariffAPITests.json),
                                     body: ByteBuffer(string: "{\"readings\":[\(readings.joined(separator: ","))]}")) { #expect($0.status == .ok) }
            try await server.store.cleanAll()
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: "/parks/nansha-demo/tariff?from=2026-11-20&to=2026-11-20", method: .get, headers: [.cookie: manager]) { $0.text }
            #expect(page.contains("/parks/nansha-demo/energy-cost.csv?from=2026-11-20&amp;to=2026-11-20"))
            let csv = try await client.execute(uri: "/parks/nansha-demo/energy-cost.csv?from=2026-11-20&to=2026-11-20", method: .get,
                                               headers: [.cookie: manager]) { String(decoding: Array($0.body.readableBytesView).dropFirst(3), as: UTF8.self) }
            let lines = csv.components(separatedBy: "\r\n")
            // valley 800 kWh × 0.2556 + peak 700 × 1.1433 + flat 900 × 0.6725 = 204.48 + 800.31 + 605.25 = 1,610.04 CNY of energy;
            // demand 100 kW × 40 = 4,000 CNY; 5,610.04 CNY in all (the same bill as TariffAPITests).
            #expect(lines[0] == "时段" && lines[1] == "时段,电量（kWh）,电费（元）,均价（元/kWh）")
            let total = try #require(lines.first { $0.hasPrefix("合计,") }?.split(separator: ","))
            #expect(abs((Double(total[1]) ?? 0) - 2_400) < 1e-6 && abs((Double(total[2]) ?? 0) - 1_610.04) < 1e-6)
            let november = try #require(lines.first { $0.hasPrefix("2026-11,") }?.split(separator: ",", omittingEmptySubsequences: false))
            #expect(abs((Double(november[3]) ?? 0) - 100) < 1e-6 && abs((Double(november[6]) ?? 0) - 4_000) < 1e-6)
            let whole = try #require(lines.first { $0.hasPrefix("合计（元）,") }?.split(separator: ","))
            #expect(abs((Double(whole[1]) ?? 0) - 5_610.04) < 1e-6)
            let xlsx = try await client.execute(uri: "/parks/nansha-demo/energy-cost.xlsx?from=2026-11-20&to=2026-11-20&lang=en", method: .get,
                                                headers: [.cookie: manager]) { Data($0.body.readableBytesView) }
            let (sheet, rows) = try XLSXReadings.rows(xlsx, columns: (0..<4).map(String.init))
            #expect(sheet == "Period" && Self.cell(rows.last, 2)?.kind == .number)
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/energy-cost.csv", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .forbidden) }
        }
    }

    @Test func aDispatchStudyDownloadsItsTablesAndSchedule() async throws {
        let server = try await TestServer.make()
        try await DispatchStudyPageTests.seedReadings(server.store)
        try await server.run { client in
            let cookie = try await WebTests.login(client, "manager", "zeropark-manager")
            let page = try await client.execute(uri: DispatchStudyPageTests.page, method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(page.contains("id=\"dispatch-export-csv\"") && page.contains("id=\"dispatch-export-xlsx\""))
            let token = try #require(WebTests.csrf(in: page))
            let form = DispatchStudyPageTests.form(token, start: "2025-11-02", days: 2) + "&study=dispatch&capacity=500&power=250"
            let csv = try await client.execute(uri: DispatchStudyPageTests.page, method: .post, headers: DispatchStudyPageTests.formHeaders(cookie),
                                               body: ByteBuffer(string: form + "&export=csv")) { response -> String in
                #expect(response.status == .ok && response.headers[.contentType] == DownloadFormat.csv.contentType)
                #expect(response.headers[.contentDisposition]?.contains("zeropark-nansha-demo-dispatch-2025-11-02.csv") == true)
                return String(decoding: Array(response.body.readableBytesView).dropFirst(3), as: UTF8.self)
            }
            let sections = csv.components(separatedBy: "\r\n\r\n")
            #expect(sections.count == 3)
            #expect(sections[0].hasPrefix("结果\r\n项目,优化,基准（无储能）,差额\r\n电量电费（元）,"))
            // Two days at hourly steps: 48 rows after the title and the header, the first at 00:00 China time.
            let schedule = sections[2].components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(schedule.count == 2 + 48 && schedule[1].hasPrefix("时间（北京时间）,负荷（kW）,电网购电（kW）"))
            #expect(schedule[2].hasPrefix("2025-11-02 00:00"))
            // The same study without the button answers with the page.
            try await client.execute(uri: DispatchStudyPageTests.page, method: .post, headers: DispatchStudyPageTests.formHeaders(cookie),
                                     body: ByteBuffer(string: form)) { #expect($0.text.contains("id=\"dispatch-result\"")) }
            // A refused form is the page with its problems, not a file.
            try await client.execute(uri: DispatchStudyPageTests.page, method: .post, headers: DispatchStudyPageTests.formHeaders(cookie),
                                     body: ByteBuffer(string: form.replacingOccurrences(of: "days=2", with: "days=0") + "&export=xlsx")) { response in
                #expect(response.status == .unprocessableContent && response.text.contains("id=\"form-error\""))
            }
            let xlsx = try await client.execute(uri: DispatchStudyPageTests.page, method: .post, headers: DispatchStudyPageTests.formHeaders(cookie),
                                                body: ByteBuffer(string: form + "&export=xlsx")) { Data($0.body.readableBytesView) }
            let (sheet, rows) = try XLSXReadings.rows(xlsx, columns: (0..<4).map(String.init))
            #expect(sheet == "结果" && rows.count > 2 && Self.cell(rows[1], 1)?.kind == .number)
        }
    }
}
