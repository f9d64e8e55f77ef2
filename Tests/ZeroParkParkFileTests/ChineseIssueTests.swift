import Foundation
import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// Every problem the park-file reader finds has a Chinese message beside the English one, with the same
/// field values, units, line numbers and "did you mean" (issue #12 defect 4).
struct ChineseIssueTests {
    static let base = """
        zeropark: 1
        park: { id: t, name: 测试, type: industrial_park, province: guangdong, area_m2: 100 }
        period: { year: 2025 }
        sources:
          - { id: g, name: 电, system: energy, method: purchased_electricity, activity: { quantity: 5, unit: MWh } }
        """

    /// (case, file text, the code expected, what the Chinese message must carry).
    static let cases: [(name: String, text: String, code: String, carries: [String])] = [
        ("mapping", base.replacingOccurrences(of: "period: { year: 2025 }", with: "period: 2025"), "wrong_type", ["2025"]),
        ("list", base + "\nfactors: 5", "wrong_type", ["5"]),
        ("unknown field", base.replacingOccurrences(of: "area_m2: 100", with: "area_m2: 100, provnce: x"), "unknown_field",
         ["provnce", "（是否应为 province？）", "area_m2"]),
        ("missing period", base.replacingOccurrences(of: "period: { year: 2025 }\n", with: ""), "missing_field", []),
        ("missing id", base.replacingOccurrences(of: "{ id: g, ", with: "{ "), "missing_field", []),
        ("out of range", base.replacingOccurrences(of: "method: purchased_electricity,", with: "method: purchased_electricity, scope: 9,"),
         "out_of_range", ["1", "3", "9"]),
        ("negative", base.replacingOccurrences(of: "quantity: 5", with: "quantity: -5"), "negative_quantity", ["-5"]),
        ("not a number", base.replacingOccurrences(of: "quantity: 5", with: "quantity: abc"), "wrong_type", ["abc"]),
        ("whole number", base.replacingOccurrences(of: "year: 2025", with: "year: 2025.5"), "wrong_type", ["2025.5"]),
        ("unit", base.replacingOccurrences(of: "unit: MWh", with: "unit: kWhh"), "unknown_unit", ["kWhh", "MWh"]),
        ("enum", base.replacingOccurrences(of: "system: energy", with: "system: energi"), "invalid_value", ["energi", "energy"]),
        ("version", base.replacingOccurrences(of: "zeropark: 1", with: "zeropark: 2"), "unsupported_version", ["2", "1"]),
        ("period both", base.replacingOccurrences(of: "{ year: 2025 }", with: "{ year: 2025, start: 2025-01-01, end: 2025-12-31 }"),
         "invalid_value", ["year", "start", "end"]),
        ("period end", base.replacingOccurrences(of: "{ year: 2025 }", with: "{ start: 2025-06-01, end: 2025-01-01 }"),
         "invalid_value", ["2025-01-01", "2025-06-01"]),
        ("date", base.replacingOccurrences(of: "{ year: 2025 }", with: "{ start: 2025-13-45, end: 2025-12-31 }"), "wrong_type", ["2025-13-45"]),
        ("bool", base + "\nrules: { combustion_non_co2: maybe }", "invalid_value", ["maybe", "true", "false"]),
        ("rule", base + "\nrules: { market_basis: foo }", "invalid_value", ["foo"]),
        ("quantity and monthly", base.replacingOccurrences(of: "quantity: 5, unit: MWh", with: "quantity: 5, unit: MWh, monthly: [1]"),
         "invalid_value", ["quantity", "monthly"]),
        ("sink kind", base + "\nsinks:\n  - { id: s, kind: forest }", "invalid_value", ["forest", "greenery", "ccus"]),
        ("meter feeds", base + "\nmeters:\n  - { id: m, name: 表, quantity: electricity_import, unit: kWh, reading_kind: interval, feeds: nowhere }",
         "unknown_reference", ["nowhere"]),
        ("meter interval", base + "\nmeters:\n  - { id: m, name: 表, quantity: electricity_import, unit: kWh, reading_kind: interval, interval_minutes: 7 }",
         "invalid_value", ["7", "15"]),
        ("meter parent", base + "\nmeters:\n  - { id: m, name: 表, quantity: electricity_import, unit: kWh, reading_kind: interval, parent: m }",
         "invalid_value", []),
        ("duplicate meter", base + """

            meters:
              - { id: m, name: 表, quantity: electricity_import, unit: kWh, reading_kind: interval }
              - { id: m, name: 表, quantity: electricity_import, unit: kWh, reading_kind: interval }
            """, "duplicate_id", ["m", "meters[0]"]),
        ("duplicate key", base.replacingOccurrences(of: "province: guangdong", with: "province: guangdong, province: fujian"),
         "duplicate_key", ["province"]),
        ("syntax", "zeropark: 1\npark: { id: x\n", "yaml_syntax", ["第 "]),
        ("empty", "", "empty_file", []),
        ("deep", String(repeating: "[", count: 40) + String(repeating: "]", count: 40), "too_deep", ["32"]),
        ("alias bomb", "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n", "too_many_nodes", []),
        ("accounting", base.replacingOccurrences(of: "unit: MWh", with: "unit: t"), "unit_mismatch", ["MWh", " t"]),
    ]

    /// The issues of reading, then accounting, `text` (the reader tests' own helper).
    static func issues(_ text: String) -> [ParkIssue] { ParkFileErrorTests().issues(text) }

    static func hasCJK(_ text: String) -> Bool { text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }

    /// Four or more English words in a row (scripts/zp_sweep.py's test for an untranslated sentence).
    static func hasEnglishSentence(_ text: String) -> Bool {
        guard let regex = try? Regex(#"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){3,}"#) else { return true }
        return text.contains(regex)
    }

    @Test(arguments: cases.map(\.name))
    func everyReadingProblemHasChinese(name: String) throws {
        let item = try #require(Self.cases.first { $0.name == name })
        let found = Self.issues(item.text)
        let issue = try #require(found.first { $0.code == item.code }, "\(name): \(found.map(\.code))")
        #expect(Self.hasCJK(issue.messageZh), "\(name): \(issue.messageZh)")
        #expect(!Self.hasEnglishSentence(issue.messageZh), "\(name): \(issue.messageZh)")
        for parameter in item.carries {
            #expect(issue.messageZh.contains(parameter), "\(name): \(parameter) missing from \(issue.messageZh)")
        }
        // The place stays with the issue whatever the language.
        if let location = issue.location {
            #expect(issue.rendered(file: "p.yaml", chinese: true).hasPrefix("p.yaml:\(location.line):\(location.column): \(issue.field): "))
        }
    }

    @Test func aSyntaxErrorNamesItsLineInChinese() {
        let issue = Self.issues("zeropark: 1\npark: { id: x\n").first
        #expect(issue?.code == "yaml_syntax")
        let line = issue?.location?.line ?? 0
        #expect(issue?.messageZh.hasPrefix("YAML 语法错误：第 \(line) 行") == true, "\(issue?.messageZh ?? "")")
    }

    /// Property: every issue raised by reading and accounting a broken park file — the fuzz corpus's
    /// park files, and the example broken in a number of ways — has a non-empty Chinese message with
    /// Chinese characters.
    @Test func everyIssueOfBrokenFilesHasAChineseMessage() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FuzzCorpus/parkfile")
        var texts = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted().compactMap { name in
            (try? Data(contentsOf: corpus.appendingPathComponent(name))).flatMap { String(data: $0, encoding: .utf8) }
        }
        let example = try ExampleParkTests.exampleText()
        let breakages = [("fuel: diesel", "fuel: dieselx"), ("unit: MWh", "unit: MWhh"), ("province: guangdong", "province: guangdng"),
                         ("system: energy", "system: energi"), ("  - id: direct-line", "  - id: grid-electricity"), ("zeropark: 1", "zeropark: 7"),
                         ("quantity: ", "quantity: -"), ("factor: park.water_supply", "factor: park.water_supplies"), ("name: ", "nmae: "),
                         ("unit: ", "unit: t"), (": ", ": ["), ("\n  ", "\n \t")]
        texts += breakages.map { example.replacingOccurrences(of: $0.0, with: $0.1) }
        texts += Self.cases.map(\.text)
        var checked = 0
        for text in texts {
            for issue in Self.issues(text) where issue.code != "unexpected" {
                checked += 1
                #expect(!issue.messageZh.isEmpty && Self.hasCJK(issue.messageZh), "\(issue.code): \(issue.messageZh)")
            }
        }
        #expect(checked >= 50, "only \(checked) issues found in \(texts.count) files")
    }
}
