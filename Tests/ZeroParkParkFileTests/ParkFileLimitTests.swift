import Foundation
import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// Issue #6 for park files: bounded expansion and depth, documented number domains, text hygiene —
/// each refusal with its line and column.
struct ParkFileLimitTests {
    func issues(_ text: String) -> [ParkIssue] {
        do {
            _ = try ParkFileReader.read(yaml: text)
            return []
        } catch let error as ParkInputError {
            return error.issues
        } catch {
            return [ParkIssue(code: "unexpected", field: "", message: "\(error)", zh: "意外错误：\(error)", location: nil)]
        }
    }

    func variant(_ old: String, _ new: String) throws -> String {
        let text = try ExampleParkTests.exampleText()
        try #require(text.contains(old), "fixture text not found: \(old)")
        return text.replacingOccurrences(of: old, with: new)
    }

    @Test("a 522-byte alias bomb (9^9 ≈ 387 million nodes expanded) is refused before composing, at the alias that overflows")
    func aliasBomb() {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        let text = lines.joined(separator: "\n") + "\n"
        let found = issues(text)
        #expect(found.map(\.code) == ["too_many_nodes"])
        // The budget is 522 + 64 = 586 values. Line 1 holds 12 (a0 is 10: the list and its 9 items),
        // line 2 adds 2 + 9 × 10 = 92 (a1 is 91), line 3 would add 2 + 9 × 91 = 821: refused there.
        #expect(found.first?.location?.line == 3)
    }

    @Test("nesting deeper than 32 levels is refused with its line")
    func depth() {
        let deep = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
        #expect(issues("zeropark: 1\nx: " + deep + "\n").first?.code == "too_deep")
        let shallow = String(repeating: "[", count: 20) + String(repeating: "]", count: 20)
        #expect(issues("zeropark: 1\nx: " + shallow + "\n").first?.code != "too_deep")
    }

    @Test("numbers outside their documented domains are refused at their line")
    func domains() throws {
        for (old, new, code) in [("area_m2: 850000", "area_m2: 0", "out_of_range"), ("year: 2025", "year: 2200", "out_of_range"),
                                 ("quantity: 1450, unit: t", "quantity: 1e17, unit: t", "out_of_range")] {
            let text = try variant(old, new)
            let found = issues(text)
            #expect(found.first?.code == code, "\(new)")
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(new) }.map { $0 + 1 }
            #expect(found.first?.location?.line == line, "\(new)")
        }
    }

    @Test("NUL and bidi-override characters in any text are refused, never cut")
    func text() throws {
        let nul = try variant("name: 南沙智造产业园", #"name: "南沙\u0000智造""#)
        #expect(issues(nul).first?.code == "control_character")
        let rlo = try variant("name: 南沙智造产业园", "name: 南沙\u{202E}智造")
        #expect(issues(rlo).first?.code == "control_character")
    }
}
