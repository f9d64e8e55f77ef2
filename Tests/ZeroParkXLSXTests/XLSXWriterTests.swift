import Foundation
import Testing
@testable import ZeroParkXLSX

/// The report workbook's writer (issue #11 item 1): a real XLSX (a zip holding the sheets' XML), the same
/// bytes for the same sheets and creation time, numbers stored as numbers, and bad sheet names refused.
/// The browser test opens the demo's report workbook with openpyxl.
struct XLSXWriterTests {
    static let sheets = [
        XLSXWriter.Sheet(name: "排放源", header: ["编号", "tCO2"], rows: [[.text("grid"), .number(30_369.999, format: "#,##0.00")],
                                                                      [.text("gas"), .number(.nan, format: "0.00")]], widths: [20, 12]),
        XLSXWriter.Sheet(name: "溯源", header: ["项目", "内容"], rows: [[.text("SHA-256"), .text(String(repeating: "a", count: 64))]]),
    ]
    static let created = Date(timeIntervalSince1970: 1_764_000_000)

    @Test func theSameSheetsGiveTheSameBytes() async throws {
        let first = try XLSXWriter.data(Self.sheets, title: "园区碳排放与碳吸收报告", author: "ZeroPark", created: Self.created)
        // libxlsxwriter reads a creation time of 0 as "now": the writer's floor (1980-01-01) keeps that fixed too.
        let epochFirst = try XLSXWriter.data(Self.sheets, title: "t", author: "a", created: Date(timeIntervalSince1970: 0))
        // Written in another second (libxlsxwriter stamps zip entries with the time of writing; the writer resets them).
        try await Task.sleep(for: .milliseconds(2_100))
        let second = try XLSXWriter.data(Self.sheets, title: "园区碳排放与碳吸收报告", author: "ZeroPark", created: Self.created)
        #expect(first == second)
        #expect(try XLSXWriter.data(Self.sheets, title: "t", author: "a", created: Date(timeIntervalSince1970: 0)) == epochFirst)
        #expect(first.starts(with: Data([0x50, 0x4B, 0x03, 0x04])))  // a zip
        // The sheet names, the shared strings and the number (as a number, not text) are in the package.
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains("xl/worksheets/sheet2.xml") && text.contains("xl/sharedStrings.xml"))
        let other = try XLSXWriter.data(Self.sheets, title: "园区碳排放与碳吸收报告", author: "ZeroPark", created: Self.created.addingTimeInterval(86_400))
        #expect(other != first)
    }

    @Test func badSheetNamesAndOversizedSheetsAreRefused() {
        for name in ["", "a/b", "[x]", String(repeating: "长", count: 32)] {
            #expect(throws: XLSXWriter.WriteError.badSheetName(name)) {
                try XLSXWriter.data([.init(name: name, header: [], rows: [])], title: "", author: "", created: Self.created)
            }
        }
        #expect(throws: XLSXWriter.WriteError.badSheetName("Sheet")) {
            try XLSXWriter.data([.init(name: "sheet", header: [], rows: []), .init(name: "Sheet", header: [], rows: [])], title: "", author: "", created: Self.created)
        }
        #expect(throws: XLSXWriter.WriteError.tooLarge) {
            try XLSXWriter.data([.init(name: "a", header: Array(repeating: "h", count: XLSXWriter.maximumColumns + 1), rows: [])],
                                title: "", author: "", created: Self.created)
        }
    }
}
