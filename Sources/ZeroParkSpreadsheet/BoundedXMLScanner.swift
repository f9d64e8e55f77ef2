/// A small pull scanner for the XML parts of an .xlsx file (workbook, relationships, shared strings,
/// worksheet), reading untrusted bytes within bounds (STANDARD.md 1.1.33 data quality, 3.3). It
/// knows elements, attributes, text, CDATA, comments and processing instructions; it refuses any
/// DTD (`<!DOCTYPE`, hence every declared entity), resolves only the five predefined entities and
/// numeric character references, and bounds depth, attributes per element, name and text lengths.
/// Names are returned without their namespace prefix (`x:row` → `row`); namespaces are not resolved.
struct BoundedXMLScanner {
    /// Why XML is refused.
    enum Failure: Error, Equatable {
        case dtd
        case malformed(String)
        case limit(String)

        var en: String {
            switch self {
            case .dtd: return "contains a DTD (<!DOCTYPE>), which is not accepted"
            case let .malformed(what): return "is not well-formed XML: \(what)"
            case let .limit(what): return "exceeds a limit: \(what)"
            }
        }

        var zh: String {
            switch self {
            case .dtd: return "含有 DTD（<!DOCTYPE>），不予接受"
            case let .malformed(what): return "不是格式正确的 XML：\(what)"
            case let .limit(what): return "超出限制：\(what)"
            }
        }
    }

    /// One step of the document.
    enum Event: Equatable {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
        case end_of_document
    }

    static let maxDepth = 64
    static let maxAttributes = 64
    static let maxNameLength = 256
    /// Text run or attribute value length in bytes (an Excel cell holds at most 32,767 characters).
    static let maxTextBytes = 131_072

    let bytes: [UInt8]
    var index = 0
    var depth = 0
    var openNames: [String] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { index = 3 }
    }

    func starts(with text: StaticString, at position: Int) -> Bool {
        text.withUTF8Buffer { expected in
            position + expected.count <= bytes.count && bytes[position..<position + expected.count].elementsEqual(expected)
        }
    }

    /// The next event; text between elements comes as `.text` (whitespace included).
    mutating func next() throws(Failure) -> Event {
        while true {
            guard index < bytes.count else {
                guard openNames.isEmpty else { throw .malformed("the document ends inside <\(openNames.last ?? "")>") }
                return .end_of_document
            }
            if bytes[index] != UInt8(ascii: "<") {
                return .text(try text(until: UInt8(ascii: "<")))
            }
            if starts(with: "<!--", at: index) {
                guard let close = find("-->", from: index + 4) else { throw .malformed("unterminated comment") }
                index = close + 3
                continue
            }
            if starts(with: "<![CDATA[", at: index) {
                guard let close = find("]]>", from: index + 9) else { throw .malformed("unterminated CDATA section") }
                guard close - (index + 9) <= Self.maxTextBytes else { throw .limit("text longer than \(Self.maxTextBytes) bytes") }
                let value = String(decoding: bytes[(index + 9)..<close], as: UTF8.self)
                index = close + 3
                return .text(value)
            }
            if starts(with: "<!", at: index) {
                // <!DOCTYPE …> and any other markup declaration.
                throw .dtd
            }
            if starts(with: "<?", at: index) {
                guard let close = find("?>", from: index + 2) else { throw .malformed("unterminated processing instruction") }
                index = close + 2
                continue
            }
            if starts(with: "</", at: index) {
                index += 2
                let name = try self.name()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { throw .malformed("expected '>' after </\(name)") }
                index += 1
                guard let open = openNames.popLast(), open == name else { throw .malformed("</\(name)> does not close the open element") }
                depth -= 1
                return .end(name: local(name))
            }
            index += 1
            let name = try self.name()
            var attributes: [String: String] = [:]
            while true {
                let hadSpace = skipSpace()
                guard index < bytes.count else { throw .malformed("unterminated tag <\(name)") }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    depth += 1
                    guard depth <= Self.maxDepth else { throw .limit("elements nested deeper than \(Self.maxDepth)") }
                    openNames.append(name)
                    return .start(name: local(name), attributes: attributes, selfClosing: false)
                }
                if starts(with: "/>", at: index) {
                    index += 2
                    return .start(name: local(name), attributes: attributes, selfClosing: true)
                }
                guard hadSpace else { throw .malformed("expected a space between attributes of <\(name)>") }
                let attribute = try self.name()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else { throw .malformed("expected '=' after attribute \(attribute)") }
                index += 1
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                    throw .malformed("attribute \(attribute) has no quoted value")
                }
                let quote = bytes[index]
                index += 1
                let value = try text(until: quote)
                guard index < bytes.count else { throw .malformed("unterminated attribute value") }
                index += 1
                guard attributes.updateValue(value, forKey: attribute) == nil else { throw .malformed("attribute \(attribute) appears twice") }
                guard attributes.count <= Self.maxAttributes else { throw .limit("more than \(Self.maxAttributes) attributes") }
            }
        }
    }

    func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    @discardableResult
    mutating func skipSpace() -> Bool {
        let start = index
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index > start
    }

    func find(_ marker: StaticString, from: Int) -> Int? {
        var position = from
        while position < bytes.count {
            if starts(with: marker, at: position) { return position }
            position += 1
        }
        return nil
    }

    mutating func name() throws(Failure) -> String {
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
                || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { break }
            index += 1
            guard index - start <= Self.maxNameLength else { throw .limit("a name longer than \(Self.maxNameLength) bytes") }
        }
        guard index > start else { throw .malformed("expected a name") }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Character data up to (not including) `terminator`, references resolved.
    mutating func text(until terminator: UInt8) throws(Failure) -> String {
        var out: [UInt8] = []
        var runStart = index
        while index < bytes.count, bytes[index] != terminator {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") { throw .malformed("'<' inside an attribute value") }
            if byte == UInt8(ascii: "&") {
                out.append(contentsOf: bytes[runStart..<index])
                try reference(into: &out)
                runStart = index
            } else {
                index += 1
            }
            guard out.count + (index - runStart) <= Self.maxTextBytes else { throw .limit("text longer than \(Self.maxTextBytes) bytes") }
        }
        out.append(contentsOf: bytes[runStart..<index])
        return String(decoding: out, as: UTF8.self)
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xH;`; anything else is refused.
    mutating func reference(into out: inout [UInt8]) throws(Failure) {
        let start = index + 1
        var end = start
        while end < bytes.count, end - start <= 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { throw .malformed("'&' that does not start a reference") }
        let body = String(decoding: bytes[start..<end], as: UTF8.self)
        index = end + 1
        switch body {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        default:
            var code: UInt32?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                code = UInt32(body.dropFirst(2), radix: 16)
            } else if body.hasPrefix("#") {
                code = UInt32(body.dropFirst(), radix: 10)
            } else {
                throw .malformed("entity &\(body.prefix(12)); is not one of the five predefined entities")
            }
            guard let code, code != 0, let scalar = Unicode.Scalar(code) else { throw .malformed("character reference &\(body); is not a character") }
            out.append(contentsOf: String(scalar).utf8)
        }
    }
}
