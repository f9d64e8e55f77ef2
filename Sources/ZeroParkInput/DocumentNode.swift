/// A JSON-shaped tree (ordered maps, lists, scalars) written out as YAML: the form in which the
/// OpenAPI document is built from the same schemas that check request bodies.
public indirect enum DocumentNode: Sendable, Equatable {
    case map([(String, DocumentNode)])
    case list([DocumentNode])
    case string(String)
    case number(Double)
    case bool(Bool)

    public static func == (lhs: DocumentNode, rhs: DocumentNode) -> Bool { lhs.yaml == rhs.yaml }

    /// Block-style YAML; strings are JSON-quoted (always valid YAML) unless they are plain words.
    public var yaml: String {
        var out = ""
        write(into: &out, indent: 0, inList: false)
        return out
    }

    private func write(into out: inout String, indent: Int, inList: Bool) {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case let .map(entries):
            if entries.isEmpty { out += " {}\n"; return }
            var first = true
            for (key, value) in entries {
                let prefix = (first && inList) ? "" : pad
                first = false
                out += prefix + Self.scalar(key) + ":"
                switch value {
                case let .map(inner) where !inner.isEmpty:
                    out += "\n"
                    value.write(into: &out, indent: indent + 2, inList: false)
                case let .list(inner) where !inner.isEmpty:
                    out += "\n"
                    value.write(into: &out, indent: indent + 2, inList: false)
                default:
                    value.write(into: &out, indent: indent + 2, inList: false)
                }
            }
        case let .list(items):
            if items.isEmpty { out += " []\n"; return }
            for item in items {
                out += pad + "- "
                switch item {
                case let .map(inner) where !inner.isEmpty:
                    item.write(into: &out, indent: indent + 2, inList: true)
                case let .list(inner) where !inner.isEmpty:
                    out += "\n"
                    item.write(into: &out, indent: indent + 2, inList: false)
                default:
                    var line = ""
                    item.write(into: &line, indent: 0, inList: false)
                    out += line.drop(while: { $0 == " " })
                }
            }
        case let .string(text): out += " " + Self.scalar(text) + "\n"
        case let .number(number): out += " " + Schema.plain(number) + "\n"
        case let .bool(flag): out += flag ? " true\n" : " false\n"
        }
    }

    /// A plain word stays as it is; anything else is written as a JSON string.
    static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F || byte == 0x2F
        } && !["true", "false", "null", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
            && !(text.first.map { $0.isNumber } ?? false)
        return plain ? text : quoted(text)
    }

    /// A YAML double-quoted scalar: JSON string escapes, which YAML reads the same way.
    public static func quoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}

extension Schema {
    /// The schema as published in the OpenAPI document; named object schemas become `$ref`s
    /// unless `inline`.
    public func document(inline: Bool = false) -> DocumentNode {
        if !inline, let name {
            let reference = DocumentNode.map([("$ref", .string("#/components/schemas/\(name)"))])
            return nullable ? .map([("anyOf", .list([reference, .map([("type", .string("null"))])]))]) : reference
        }
        if !variants.isEmpty {
            var entries: [(String, DocumentNode)] = []
            if let summary { entries.append(("description", .string(summary))) }
            entries.append(("oneOf", .list(variants.map { $0.document(inline: true) })))
            return .map(entries)
        }
        var entries: [(String, DocumentNode)] = []
        if nullable {
            entries.append(("type", .list([.string(kind.rawValue), .string("null")])))
        } else {
            entries.append(("type", .string(kind.rawValue)))
        }
        if let summary { entries.append(("description", .string(summary))) }
        switch kind {
        case .object:
            if !required.isEmpty { entries.append(("required", .list(required.map(DocumentNode.string)))) }
            entries.append(("properties", .map(properties.map { ($0.name, $0.schema.document()) })))
            entries.append(("additionalProperties", .bool(false)))
        case .array:
            if let item = items.first { entries.append(("items", item.document())) }
            if let maxItems { entries.append(("maxItems", .number(Double(maxItems)))) }
        case .string:
            if let choices {
                entries.append(("enum", .list(choices.map(DocumentNode.string))))
            } else if unrestricted {
                break
            } else {
                if let minLength { entries.append(("minLength", .number(Double(minLength)))) }
                entries.append(("maxLength", .number(Double((text ?? .name).maxLength))))
                if let shape {
                    entries.append(("pattern", .string(shape.pattern)))
                    if shape == .date { entries.append(("format", .string("date"))) }
                } else {
                    // The text policy as a pattern: no C0/C1 controls (line breaks only in multi-line
                    // text), no bidirectional controls.
                    entries.append(("pattern", .string((text ?? .name).pattern(minLength: minLength ?? 0))))
                }
            }
        case .number, .integer:
            if let minimum { entries.append(("minimum", .number(minimum))) }
            if let exclusiveMinimum { entries.append(("exclusiveMinimum", .number(exclusiveMinimum))) }
            if let maximum { entries.append(("maximum", .number(maximum))) }
        case .boolean:
            break
        }
        return .map(entries)
    }
}

extension TextPolicy {
    /// The ECMA-262 pattern equivalent to `problem(_:field:)`, length bounds included (so that
    /// generators that follow the pattern also respect `maxLength`).
    public func pattern(minLength: Int) -> String {
        let characters = multiline ? Self.multilinePattern : Self.singleLinePattern
        return characters.replacingOccurrences(of: "]*$", with: "]{\(minLength),\(maxLength)}$")
    }

    /// ECMA-262 patterns equivalent to `problem(_:field:)`'s character rule (length is `maxLength`).
    public static let singleLinePattern = "^[^\\u0000-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]*$"
    public static let multilinePattern = "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]*$"
}
