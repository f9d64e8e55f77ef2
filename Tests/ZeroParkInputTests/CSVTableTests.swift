import PropertyBased
import Testing
@testable import ZeroParkInput

/// The CSV reader: RFC 4180 quoting, 1-based lines of records, every refusal with line and field.
struct CSVTableTests {
    func problem(_ text: String, limits: CSVLimits = .default) -> InputProblem? {
        do throws(InputError) {
            _ = try CSVTable.read(text, limits: limits)
            return nil
        } catch {
            return error.first
        }
    }

    @Test("quoted fields hold commas, quotes and line breaks; records keep the line they start on")
    func quoting() throws {
        let table = try CSVTable.read("source,note\r\nwater,\"a, \"\"b\"\"\nc\"\nsteam,x\n\n")
        #expect(table.header == ["source", "note"])
        #expect(table.records.map(\.fields) == [["water", "a, \"b\"\nc"], ["steam", "x"]])
        // The quoted field spans lines 2–3, so steam starts on line 4.
        #expect(table.records.map(\.line) == [2, 4])
    }

    @Test("a UTF-8 BOM before the header is accepted")
    func bom() throws {
        #expect(try CSVTable.read("\u{FEFF}source,year\nwater,2025\n").header == ["source", "year"])
    }

    @Test("unterminated quotes, stray quotes and text after a closing quote are refused where they are")
    func refusals() {
        let unterminated = problem("source,value\nwater,\"12\nsteam,3\n")
        #expect(unterminated?.code == "unterminated_quote")
        #expect(unterminated?.line == 2 && unterminated?.column == 2)
        let stray = problem("source,value\nwa\"ter,1\n")
        #expect(stray?.code == "stray_quote" && stray?.line == 2 && stray?.column == 1)
        let after = problem("source,value\n\"water\"x,1\n")
        #expect(after?.code == "text_after_quote" && after?.line == 2)
        #expect(problem("")?.code == "empty")
    }

    @Test("records, fields and field length are bounded")
    func limits() {
        let small = CSVLimits(maxRecords: 2, maxFields: 3, maxFieldLength: 5)
        #expect(problem("a\n1\n2\n3\n", limits: small)?.code == "too_many_records")
        #expect(problem("a,b,c,d\n", limits: small)?.code == "too_many_fields")
        #expect(problem("a\n123456\n", limits: small)?.code == "field_too_long")
        #expect(problem("a\n1\n2\n", limits: small) == nil)
    }

    @Test("property: fields written with RFC 4180 quoting read back unchanged")
    func roundTrip() async {
        let field = Gen.oneOf(Gen.letterOrNumber.string(of: 0...8), anyCharacter.string(of: 0...8))
        await propertyCheck(count: 500, input: field.array(of: 1...5).array(of: 1...5)) { rows in
            let clean = rows.map { $0.map { $0.replacingOccurrences(of: "\r", with: "") } }
            let text = clean.map { row in
                row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
            }.joined(separator: "\n")
            let header = Array(repeating: "h", count: clean[0].count).joined(separator: ",")
            let table = try? CSVTable.read(header + "\n" + text)
            let expected = clean.filter { !($0.count == 1 && $0[0].isEmpty) }
            #expect(table?.records.map(\.fields) == expected)
        }
    }

    @Test("property: arbitrary text never traps, and a refusal names a line within the text")
    func arbitraryText() async {
        await propertyCheck(count: 1_000, input: Gen.oneOf(anyCharacter, Gen.ascii).string(of: 0...80)) { text in
            do throws(InputError) {
                _ = try CSVTable.read(text)
            } catch {
                // Counted on scalars: "\r\n" is one Character in Swift, so Character-level counting missed CRLF
                // line breaks and the bound came out too small (a flaky failure). Each CR or LF ends at most one line.
                let lines = 1 + text.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count
                #expect((error.first?.line ?? 0) >= 1 && (error.first?.line ?? 0) <= max(lines, 1))
            }
        }
    }
}
