import Foundation
import Testing
@testable import ZeroParkInput

/// Request-body schemas: the checks they apply and the OpenAPI text they publish say the same thing.
struct SchemaTests {
    func problems(_ schema: Schema, _ text: String) -> [InputProblem] {
        do throws(InputError) {
            _ = try schema.check(Array(text.utf8))
            return []
        } catch {
            return error.problems
        }
    }

    @Test("every problem of a body is reported with its path, line and column")
    func paths() {
        let found = problems(RequestBodies.offset, """
            {"id": "bad id!", "name": "x", "type": "CCER",
             "quantity": {"value": -1, "unit": "tCO2"}, "year": 2025.5, "colour": "red"}
            """)
        #expect(Set(found.map(\.field)) == ["id", "quantity.value", "year", "colour"])
        let value = found.first { $0.field == "quantity.value" }
        #expect(value?.code == "out_of_range" && value?.line == 2 && value?.column == 24)
        #expect(found.first { $0.field == "colour" }?.code == "unknown_field")
        #expect(found.first { $0.field == "year" }?.code == "not_whole")
    }

    @Test("years: 2025.0 is whole, 2025.5 is not, 1e30 is out of range, each with its own message")
    func integers() {
        #expect(problems(RequestBodies.snapshot, #"{"year": 2025.0}"#).isEmpty)
        #expect(problems(RequestBodies.snapshot, #"{"year": 2025.5}"#).first?.code == "not_whole")
        let huge = problems(RequestBodies.snapshot, #"{"year": 1e30}"#).first
        #expect(huge?.code == "out_of_range" && huge?.en.contains("[1990, 2100]") == true)
        #expect(problems(RequestBodies.snapshot, #"{"year": 1989}"#).first?.code == "out_of_range")
    }

    @Test("text: NUL, bidi overrides and over-long strings are refused; comments may have line breaks")
    func text() {
        #expect(problems(RequestBodies.comment, #"{"target":"park","text":"a\u0000b"}"#).first?.code == "control_character")
        #expect(problems(RequestBodies.comment, #"{"target":"park","text":"a\u202Eb"}"#).first?.code == "control_character")
        #expect(problems(RequestBodies.comment, #"{"target":"park","text":"line 1\nline 2"}"#).isEmpty)
        #expect(problems(RequestBodies.source, #"{"key":"k","name":"a\nb","system":"energy","method":"fuel_combustion","unit":"t"}"#)
            .first?.code == "control_character")
        let long = String(repeating: "名", count: 201)
        #expect(problems(RequestBodies.source, #"{"key":"k","name":"\#(long)","system":"energy","method":"fuel_combustion","unit":"t"}"#)
            .first?.code == "too_long")
        #expect(problems(RequestBodies.comment, #"{"target":"inventory:2101","text":"x"}"#).first?.code == "bad_format")
        #expect(problems(RequestBodies.comment, #"{"target":"inventory:2025","text":"x"}"#).isEmpty)
    }

    @Test("variants: a greenery sink needs area and rate, a CCUS sink its captured quantity; a tenant needs its enterprise")
    func variants() {
        #expect(problems(RequestBodies.sink, #"{"id":"s","name":"s","kind":"ccus"}"#).map(\.field) == ["captured"])
        #expect(Set(problems(RequestBodies.sink, #"{"id":"s","name":"s","kind":"greenery"}"#).map(\.field)) == ["area_m2", "rate"])
        #expect(problems(RequestBodies.sink, #"{"id":"s","name":"s","kind":"forest"}"#).first?.field == "kind")
        #expect(problems(RequestBodies.member, #"{"role":"tenant"}"#).map(\.field) == ["enterprise"])
        #expect(problems(RequestBodies.member, #"{"role":"viewer"}"#).isEmpty)
    }

    @Test("the published schema states every bound the check applies")
    func published() {
        let yaml = RequestBodies.activity.document(inline: true).yaml
        #expect(yaml.contains("minimum: 1990") && yaml.contains("maximum: 2100"))
        #expect(yaml.contains("maximum: 1000000000000000"))
        #expect(yaml.contains("additionalProperties: false"))
        let source = RequestBodies.source.document(inline: true).yaml
        #expect(source.contains("maxLength: 200") && source.contains("maxLength: 1000") && source.contains("pattern:"))
        let sink = RequestBodies.sink.document(inline: true).yaml
        #expect(sink.contains("oneOf:"))
    }

    @Test("the text policy's published pattern and its check agree on every control and bidi character")
    func patternAgreesWithPolicy() throws {
        // ICU reads the ECMA-262 `\uXXXX` escapes as they are; its `$` also matches before a final line
        // break (ECMA-262's does not), so the end is anchored with `\z` here.
        let pattern = try NSRegularExpression(pattern: String(TextPolicy.singleLinePattern.dropLast()) + "\\z")
        for value in Array(0...0x3000) + [0x202E, 0x2066, 0xFDD0, 0xFFFE, 0xFFFF] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = String(Character(scalar))
            let matches = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let accepted = TextPolicy.name.problem(text, field: "x") == nil
            #expect(matches == accepted, "U+\(String(value, radix: 16))")
        }
    }
}
