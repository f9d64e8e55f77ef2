import Foundation
import PropertyBased
import Testing
@testable import ZeroParkInput

/// The bounded JSON reader: positions of syntax errors, limits, strict RFC 8259 grammar.
struct JSONValueTests {
    func problem(_ text: String, limits: JSONLimits = .default) -> InputProblem? {
        do throws(InputError) {
            _ = try JSONValue.parse(Array(text.utf8), limits: limits)
            return nil
        } catch {
            return error.first
        }
    }

    @Test("syntax errors name line and column (code points, 1-based)")
    func positions() {
        // Line 3 is `  "b": tru`; the bad literal starts at column 8.
        let found = problem("{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(found?.code == "json_syntax")
        #expect(found?.line == 3 && found?.column == 8)
        // Columns count characters, not bytes: `{"名称": x}` — "名称" is 2 code points (6 bytes), so x is column 8.
        let wide = problem("{\"名称\": x}")
        #expect(wide?.line == 1 && wide?.column == 8)
        #expect(problem("[1, 2")?.en.contains("incomplete") == true)
    }

    @Test("nesting, member and value limits are enforced before memory is spent")
    func limits() {
        #expect(problem(String(repeating: "[", count: 100_000))?.code == "too_deep")
        #expect(problem(String(repeating: "[", count: 16) + String(repeating: "]", count: 16)) == nil)
        #expect(problem(String(repeating: "[", count: 17) + String(repeating: "]", count: 17))?.code == "too_deep")
        let members = (0..<201).map { "\"k\($0)\": 0" }.joined(separator: ",")
        #expect(problem("{\(members)}")?.code == "too_many_members")
        let small = JSONLimits(maxDepth: 4, maxMembers: 4, maxItems: 3, maxValues: 100)
        #expect(problem("[1,2,3,4]", limits: small)?.code == "too_many_items")
    }

    @Test("strict grammar: duplicates, leading zeros, lone surrogates, raw controls, NaN and BOM are refused")
    func strictness() {
        #expect(problem(#"{"a":1,"a":2}"#)?.code == "duplicate_key")
        #expect(problem("01")?.code == "json_syntax")
        #expect(problem(#""\uD800""#)?.code == "bad_escape")
        #expect(problem("\"a\u{01}b\"")?.code == "json_syntax")
        #expect(problem("NaN")?.code == "json_syntax")
        #expect(problem("1e400")?.code == "number_out_of_range")
        #expect(problem("\u{FEFF}{}")?.code == "bom")
        #expect(problem("{} x")?.code == "json_syntax")
        #expect(problem(#""\uD83D\uDE00""#) == nil)
    }

    @Test("invalid UTF-8 inside strings is refused with its position")
    func badUTF8() throws {
        let bytes: [UInt8] = Array("[\"ab".utf8) + [0xC3, 0x28] + Array("\"]".utf8)
        #expect(throws: InputError.self) { try JSONValue.parse(bytes) }
    }

    @Test("property: whatever Foundation writes, the reader reads back to the same values")
    func roundTrip() async {
        let leaf = Gen.oneOf(
            Gen.int(in: -1_000_000...1_000_000).map { JSONSample.int($0) },
            Gen.double(in: -1e12...1e12).map { JSONSample.double($0) },
            anyCharacter.string(of: 0...12).map { JSONSample.text($0) },
            Gen.bool.map { JSONSample.flag($0) })
        await propertyCheck(count: 400, input: leaf.array(of: 0...8), Gen.letterOrNumber.string(of: 1...6).array(of: 0...8)) { values, keys in
            var object: [String: Any] = [:]
            for (key, value) in zip(keys, values) { object[key] = value.any }
            let array = values.map(\.any)
            for root in [object as Any, array as Any] {
                guard let data = try? JSONSerialization.data(withJSONObject: root) else { continue }
                let parsed = try? JSONValue.parse(Array(data))
                #expect(parsed != nil, "\(String(decoding: data, as: UTF8.self))")
                if let parsed, let original = try? JSONSerialization.jsonObject(with: data) {
                    // The canonical form reads back (with Foundation) to what Foundation reads from its own text.
                    let again = try? JSONSerialization.jsonObject(with: Data(parsed.canonicalJSON()))
                    #expect(again.map { NSDictionary(dictionary: ["v": $0]).isEqual(to: ["v": original]) } == true)
                }
            }
        }
    }

    @Test("property: random bytes never trap; errors always carry a position inside the input")
    func randomBytes() async {
        await propertyCheck(count: 1_000, input: Gen.uint8().array(of: 0...64)) { bytes in
            do throws(InputError) {
                _ = try JSONValue.parse(bytes)
            } catch {
                let problem = error.first
                #expect(problem?.line.map { $0 >= 1 } == true)
                #expect(problem?.column.map { $0 >= 1 && $0 <= bytes.count + 1 } == true)
            }
        }
    }
}

/// One generated JSON leaf.
enum JSONSample: Sendable {
    case int(Int), double(Double), text(String), flag(Bool)

    var any: Any {
        switch self {
        case let .int(value): return value
        case let .double(value): return value
        case let .text(value): return value
        case let .flag(value): return value
        }
    }
}

/// Any Unicode scalar (surrogates excluded) as a character.
let anyCharacter = Gen.oneOf(Gen.uint32(in: 0...0xD7FF), Gen.uint32(in: 0xE000...0x10FFFF))
    .map { Unicode.Scalar($0).map(Character.init) ?? "?" }
