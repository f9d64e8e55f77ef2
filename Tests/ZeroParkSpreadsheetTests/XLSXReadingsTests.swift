import Foundation
import Testing
import ZIPFoundation
import ZeroParkInput
@testable import ZeroParkSpreadsheet

/// Readings from .xlsx files: openpyxl fixtures (Fixtures/make_xlsx.py), hand-built workbooks for
/// shared strings and relationships, and hostile containers (truncated, bomb-like, DTD).
struct XLSXReadingsTests {
    func fixture(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "xlsx", subdirectory: "Fixtures"))
        return try Data(contentsOf: url)
    }

    func problems(_ data: Data, limits: XLSXLimits = .default) -> [InputProblem] {
        do throws(InputError) {
            _ = try XLSXReadings.read(data, limits: limits)
            return []
        } catch {
            return error.problems
        }
    }

    /// A workbook built from parts (path → XML text), deflated unless `stored`.
    func workbook(_ parts: [(String, String)], stored: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count),
                                 compressionMethod: stored ? .none : .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    static func sheet(_ rows: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"
    }

    @Test("openpyxl workbook: inline strings, numbers, a text value, an empty row, sheet name from the workbook")
    func valid() throws {
        let batch = try XLSXReadings.read(try fixture("valid"))
        #expect(batch.meters == ["m-001", "m-002"])
        #expect(batch.readings.map(\.meter) == [0, 1, 0, 1])
        // 08:15+08:00 and 00:15Z are both 1,795,651,200 + 900; then +30 min (1,800) as +08:00 and Z.
        #expect(batch.readings.map(\.ts) == [1_795_652_100, 1_795_652_100, 1_795_653_000, 1_795_653_000])
        #expect(batch.readings.map(\.value) == [123.45, 7, 0.5, -0.001])
        #expect(batch.readings.map(\.line) == [2, 3, 4, 6])
        let (sheet, rows) = try XLSXReadings.rows(try fixture("valid"))
        #expect(sheet == "Readings")
        #expect(rows.first?.cells.map { $0?.text } == ["meter", "ts", "value"])
    }

    @Test("a numeric Excel date in ts is refused with a message to use text")
    func numericDate() throws {
        let found = problems(try fixture("numeric_date"))
        #expect(found.count == 1)
        #expect(found.first?.field == "Sheet1!B2" && found.first?.code == "date_cell")
        #expect(found.first?.line == 2 && found.first?.column == 2)
        #expect(found.first?.en.contains("enter the timestamp as text") == true)
    }

    @Test("every problem names its cell")
    func errors() throws {
        let found = problems(try fixture("errors"))
        #expect(found.map { "\($0.field) \($0.code)" } == [
            "Sheet1!B3 bad_timestamp",
            "Sheet1!C4 bad_number",
            "Sheet1!A5 bad_meter",
            "Sheet1!B6 invalid_date",
            "Sheet1!C7 missing_member",
        ])
        #expect(found.first?.description == "line 3, column 2: Sheet1!B3 is not an RFC 3339 timestamp with offset (e.g. 2026-11-26T08:15:00+08:00)")
        let header = problems(try fixture("bad_header"))
        #expect(header.first?.code == "bad_header" && header.first?.field == "Sheet1!A1")
    }

    @Test("shared strings (rich runs joined, phonetic runs left out) and the sheet found through the relationships")
    func sharedStringsAndRelationships() throws {
        let data = try workbook([
            ("xl/workbook.xml", "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"数据\" sheetId=\"3\" r:id=\"rId7\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"worksheets/data.xml\"/></Relationships>"),
            ("xl/sharedStrings.xml", "<sst xmlns=\"\(Self.main)\"><si><t>meter</t></si><si><t>ts</t></si><si><t>value</t></si><si><r><t>m-</t></r><r><t>001</t></r><rPh sb=\"0\" eb=\"1\"><t>ミ</t></rPh></si><si><t xml:space=\"preserve\">2026-11-26T08:15:00&#43;08:00</t></si></sst>"),
            ("xl/worksheets/data.xml", Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row><row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\"><v>1.5E-3</v></c></row><row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"B3\" t=\"str\"><f>A1</f><v>2026-11-26T08:30:00+08:00</v></c><c r=\"C3\"><v>2</v></c></row>")),
        ])
        let batch = try XLSXReadings.read(data)
        #expect(batch.meters == ["m-001"])
        #expect(batch.readings.map(\.ts) == [1_795_652_100, 1_795_653_000])
        #expect(batch.readings.map(\.value) == [0.0015, 2])
        // Errors use the workbook's sheet name.
        let bad = try workbook([
            ("xl/workbook.xml", "<workbook><sheets><sheet name=\"数据\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>meter</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>ts</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>value</t></is></c></row><row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>m</t></is></c><c r=\"B9\" t=\"inlineStr\"><is><t>2026-11-26T08:15:00+08:00</t></is></c><c r=\"C9\" t=\"b\"><v>1</v></c></row>")),
        ])
        #expect(problems(bad).map(\.field) == ["数据!C9"])
    }

    @Test("a cell beyond column C, a bad shared-string index and out-of-order cells are refused")
    func sheetStructure() throws {
        let header = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>meter</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>ts</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>value</t></is></c></row>"
        let extra = try workbook([("xl/worksheets/sheet1.xml", Self.sheet(header + "<row r=\"2\"><c r=\"D2\"><v>1</v></c></row>"))])
        #expect(problems(extra).first?.code == "extra_column")
        #expect(problems(extra).first?.en.contains("Sheet1!D2") == true)
        let shared = try workbook([("xl/worksheets/sheet1.xml", Self.sheet(header + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>99</v></c></row>"))])
        #expect(problems(shared).first?.code == "bad_xml")
        let order = try workbook([("xl/worksheets/sheet1.xml", Self.sheet(header + "<row r=\"2\"><c r=\"B2\"><v>1</v></c><c r=\"A2\"><v>1</v></c></row>"))])
        #expect(problems(order).first?.code == "bad_xml")
        let rows = (2...6).map { "<row r=\"\($0)\"><c r=\"A\($0)\" t=\"inlineStr\"><is><t>m</t></is></c><c r=\"B\($0)\" t=\"inlineStr\"><is><t>2026-11-26T00:00:00Z</t></is></c><c r=\"C\($0)\"><v>1</v></c></row>" }.joined()
        let five = try workbook([("xl/worksheets/sheet1.xml", Self.sheet(header + rows))])
        #expect(problems(five, limits: XLSXLimits(maxRows: 6)).isEmpty)
        #expect(problems(five, limits: XLSXLimits(maxRows: 5)).first?.code == "too_many_rows")
        #expect(problems(try workbook([("xl/workbook.xml", "<workbook/>")])).first?.code == "no_sheet")
    }

    @Test("hostile containers: not a zip, truncated, too many entries, bomb-like entry, total size, CRC mismatch")
    func hostileContainers() throws {
        #expect(problems(Data("meter,ts,value\n".utf8)).first?.code == "not_xlsx")
        #expect(problems(Data()).first?.code == "not_xlsx")
        let valid = try fixture("valid")
        #expect(problems(valid.prefix(valid.count / 2)).first?.code == "not_xlsx")
        #expect(problems(valid.prefix(valid.count - 10)).first?.code == "not_xlsx")
        #expect(problems(valid, limits: XLSXLimits(maxEntries: 3)).first?.code == "too_many_entries")
        // 4 MiB of spaces deflate to ~4 KiB (ratio ~1000:1): refused once 1 MiB is passed, before 4 MiB is held.
        let spaces = String(repeating: " ", count: 4 << 20)
        let bomb = try workbook([("xl/worksheets/sheet1.xml", Self.sheet(spaces))])
        #expect(bomb.count < 64 << 10)
        #expect(problems(bomb).first?.code == "compression_ratio")
        #expect(problems(bomb, limits: XLSXLimits(maxEntryUncompressed: 1 << 20, maxCompressionRatio: 10_000)).first?.code == "entry_too_large")
        #expect(problems(bomb, limits: XLSXLimits(maxTotalUncompressed: 1 << 20, maxCompressionRatio: 10_000)).first?.code == "too_large")
        // Stored (not deflated) parts are bounded the same way.
        let stored = try workbook([("xl/worksheets/sheet1.xml", Self.sheet(String(repeating: " ", count: 2 << 20)))], stored: true)
        #expect(problems(stored, limits: XLSXLimits(maxEntryUncompressed: 1 << 20)).first?.code == "entry_too_large")
        // One flipped byte inside a stored part: the CRC-32 no longer matches.
        var flipped = try workbook([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"A1\"><v>12345</v></c></row>"))], stored: true)
        let needle = Data("12345".utf8)
        let range = try #require(flipped.range(of: needle))
        flipped[range.lowerBound] = UInt8(ascii: "9")
        #expect(problems(flipped).first?.code == "corrupt_xlsx")
    }

    @Test("XML: DTDs and undeclared entities refused, predefined and numeric references resolved, depth bounded")
    func hostileXML() throws {
        let laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>"
        let dtd = problems(try workbook([("xl/worksheets/sheet1.xml", laughs)]))
        #expect(dtd.first?.code == "xml_dtd")
        let external = problems(try workbook([("xl/workbook.xml", "<!DOCTYPE workbook SYSTEM \"file:///etc/passwd\"><workbook/>")]))
        #expect(external.first?.code == "xml_dtd")
        let entity = problems(try workbook([("xl/worksheets/sheet1.xml", Self.sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&nbsp;</t></is></c></row>"))]))
        #expect(entity.first?.code == "bad_xml")
        let deep = String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100)
        #expect(problems(try workbook([("xl/worksheets/sheet1.xml", deep)])).first?.en.contains("nested deeper") == true)
        var scanner = BoundedXMLScanner(bytes: Array("<t a='&lt;&#x41;&#66;'>&amp;&quot;&apos;&gt;<![CDATA[<x>]]></t>".utf8))
        #expect(try scanner.next() == .start(name: "t", attributes: ["a": "<AB"], selfClosing: false))
        #expect(try scanner.next() == .text("&\"'>"))
        #expect(try scanner.next() == .text("<x>"))
        #expect(try scanner.next() == .end(name: "t"))
        #expect(try scanner.next() == .end_of_document)
        var unclosed = BoundedXMLScanner(bytes: Array("<a><b></a>".utf8))
        _ = try unclosed.next()
        _ = try unclosed.next()
        #expect(throws: BoundedXMLScanner.Failure.self) { try unclosed.next() }
    }

    @Test("column letters: 1 → A, 26 → Z, 27 → AA, 16,384 → XFD")
    func letters() {
        #expect(XLSXReadings.columnLetters(1) == "A")
        #expect(XLSXReadings.columnLetters(26) == "Z")
        #expect(XLSXReadings.columnLetters(27) == "AA")
        // 16,384 = 24 × 676 + 6 × 26 + 4 → X (24), F (6), D (4).
        #expect(XLSXReadings.columnLetters(16_384) == "XFD")
        #expect(XLSXReadings.split(reference: "XFD1048576")?.column == 16_384)
        #expect(XLSXReadings.split(reference: "A0") == nil)
        #expect(XLSXReadings.split(reference: "1A") == nil)
    }
}
