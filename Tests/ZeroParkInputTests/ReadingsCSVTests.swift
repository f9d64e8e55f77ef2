import Testing
@testable import ZeroParkInput

/// The readings CSV: exact header, BOM, line ends, RFC 4180 quoting, problems with line and field number.
struct ReadingsCSVTests {
    func problems(_ text: String, limits: ReadingLimits = .default) -> [InputProblem] {
        do throws(InputError) {
            _ = try ReadingsPayload.csv(Array(text.utf8), limits: limits)
            return []
        } catch {
            return error.problems
        }
    }

    @Test("BOM, CRLF, quoted fields and blank lines; records keep the line they start on")
    func accepted() throws {
        let text = "\u{FEFF}meter,ts,value\r\nm-001,2026-11-26T08:15:00+08:00,123.45\r\n\r\n\"m-002\",\"2026-11-26T00:30:00Z\",\"-7\"\r\nm-001,2026-11-26T00:45:00Z,1e3"
        let batch = try ReadingsPayload.csv(Array(text.utf8))
        #expect(batch.meters == ["m-001", "m-002"])
        #expect(batch.readings.map(\.meter) == [0, 1, 0])
        // 1,795,651,200 (2026-11-26T00:00Z) + 900, + 1,800, + 2,700.
        #expect(batch.readings.map(\.ts) == [1_795_652_100, 1_795_653_000, 1_795_653_900])
        #expect(batch.readings.map(\.value) == [123.45, -7, 1000])
        #expect(batch.readings.map(\.line) == [2, 4, 5])
        // A lone CR also ends a line.
        #expect(try ReadingsPayload.csv(Array("meter,ts,value\rm,2026-11-26T00:00:00Z,1\r".utf8)).readings.map(\.line) == [2])
        #expect(try ReadingsPayload.csv(Array("meter,ts,value\n".utf8)).readings.isEmpty)
    }

    @Test("problems name line, field number and column name; all are collected")
    func collected() {
        let text = """
        meter,ts,value
        m-001,2026-11-26T08:15:00+08:00,1
        m 1,2026-11-26 08:15,nan
        m-001,2026-11-26T08:15:00+08:00
        m-001,2026-11-26T08:15:00+08:00,1,extra
        m-001,"2026-11-26T08:15:00+08:00",1e13
        "m-""1",2026-11-26T08:15:00+08:00,+1
        """
        let found = problems(text)
        let summary = found.map { "\($0.field)@\($0.line ?? 0):\($0.column ?? 0) \($0.code)" }
        #expect(summary == [
            "meter@3:1 bad_meter",
            "ts@3:2 bad_timestamp",
            "value@3:3 bad_number",
            "csv@4:3 field_count",
            "csv@5:4 field_count",
            "value@6:3 value_out_of_range",
            "meter@7:1 bad_meter",
            "value@7:3 bad_number",
        ])
        #expect(found[2].description == "line 3, column 3: value is not a number: nan")
        #expect(found[3].en == "has 2 fields, expected 3 (meter,ts,value)")
        #expect(found[6].en.contains("U+0022"))
    }

    @Test("header must be exactly meter,ts,value; empty file; quoting errors")
    func structure() {
        #expect(problems("Meter,ts,value\n").first?.code == "bad_header")
        #expect(problems("meter,ts,value,unit\n").first?.en == "must be exactly meter,ts,value, got meter,ts,value,…")
        #expect(problems("meter;ts;value\n").first?.line == 1)
        #expect(problems("").first?.code == "empty")
        #expect(problems("\u{FEFF}").first?.code == "empty")
        let unterminated = problems("meter,ts,value\nm,\"2026-11-26T00:00:00Z,1\n").first
        #expect(unterminated?.code == "unterminated_quote" && unterminated?.line == 2 && unterminated?.column == 2)
        let stray = problems("meter,ts,value\nm\"x,2026-11-26T00:00:00Z,1\n")
        #expect(stray.map(\.code) == ["stray_quote"] && stray.first?.line == 2)
        let after = problems("meter,ts,value\n\"m\"x,2026-11-26T00:00:00Z,1\n")
        #expect(after.map(\.code) == ["text_after_quote"])
        // A quoted field spanning lines: the next record starts on line 4.
        let spanning = problems("meter,ts,value\n\"m\n1\",2026-11-26T00:00:00Z,1\nm,x,1\n")
        #expect(spanning.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["2:1", "4:2"])
    }

    @Test("limits: readings per file, field length, problem cap")
    func limits() {
        let rows = (0..<3).map { _ in "m,2026-11-26T00:00:00Z,1" }.joined(separator: "\n")
        #expect(problems("meter,ts,value\n" + rows, limits: ReadingLimits(maxReadings: 3)).isEmpty)
        let tooMany = problems("meter,ts,value\n" + rows, limits: ReadingLimits(maxReadings: 2))
        #expect(tooMany.first?.code == "too_many_readings" && tooMany.first?.line == 4)
        #expect(problems("meter,ts,value\n" + String(repeating: "m", count: 2_000) + ",2026-11-26T00:00:00Z,1").first?.code == "field_too_long")
        let bad = Array(repeating: "m,x,1", count: 300).joined(separator: "\n")
        #expect(problems("meter,ts,value\n" + bad).count == 100)
    }
}
