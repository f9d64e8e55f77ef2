/// What text a field accepts (issue #6 "Text hygiene"): a length bound in Unicode code points (as
/// JSON Schema's `maxLength` counts), no NUL or other control characters (line breaks and tabs
/// only where the field is multi-line), no bidirectional-override characters that make stored text
/// display differently from what it is (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), no
/// noncharacters of the Basic Multilingual Plane (U+FDD0–U+FDEF, U+FFFE, U+FFFF). Text is refused, never silently cut or cleaned.
public struct TextPolicy: Hashable, Sendable {
    public let maxLength: Int
    public let multiline: Bool

    public init(maxLength: Int, multiline: Bool = false) {
        self.maxLength = maxLength
        self.multiline = multiline
    }

    /// Identifiers and names on one line: 200 code points.
    public static let name = TextPolicy(maxLength: 200)
    /// Notes, data sources, evidence references, citations: 1,000 code points on one line.
    public static let note = TextPolicy(maxLength: 1_000)
    /// Free text with line breaks (review comments): 4,000 code points.
    public static let paragraph = TextPolicy(maxLength: 4_000, multiline: true)

    /// The problem with `text`, or nil when it is acceptable.
    public func problem(_ text: String, field: String) -> InputProblem? {
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if let refused = Self.refusal(scalar, multiline: multiline) {
                return InputProblem(code: "control_character", field: field,
                                    zh: "含有不允许的字符 \(refused)（第 \(count) 个字符）",
                                    en: "contains a character that is not allowed, \(refused) (character \(count))")
            }
        }
        if count > maxLength {
            return InputProblem(code: "too_long", field: field, zh: "过长：最多 \(maxLength) 个字符，实际 \(count) 个",
                                en: "is too long: at most \(maxLength) characters, got \(count)")
        }
        return nil
    }

    /// The code point's name (U+XXXX) when it is refused.
    static func refusal(_ scalar: Unicode.Scalar, multiline: Bool) -> String? {
        let value = scalar.value
        let refused: Bool
        switch value {
        case 0x0A, 0x0D, 0x09: refused = !multiline
        case 0x00...0x1F, 0x7F, 0x80...0x9F: refused = true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: refused = true
        case 0xFDD0...0xFDEF: refused = true
        case 0xFFFE, 0xFFFF: refused = true
        default: refused = false
        }
        guard refused else { return nil }
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
