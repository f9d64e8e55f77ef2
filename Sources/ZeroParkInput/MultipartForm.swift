import Foundation

/// A `multipart/form-data` body (RFC 7578) read from untrusted bytes: what a browser sends when a form
/// uploads a file — evidence attached to an evaluation (STANDARD.md 1.1.12, 1.1.41–1.1.43) or an
/// activity file (1.1.2(e)). The whole body is already bounded by the caller; here the number of parts,
/// each part's header block and each plain field are bounded too, and every refusal says what is wrong.
/// Only the `Content-Disposition` (`name`, `filename`) and `Content-Type` headers are read.
public struct MultipartForm: Sendable, Equatable {
    /// One part: a field's name, its file name when it is a file, its declared type and its bytes.
    public struct Part: Sendable, Equatable {
        public let name: String
        public let fileName: String?
        public let contentType: String?
        public let body: [UInt8]

        public init(name: String, fileName: String?, contentType: String?, body: [UInt8]) {
            self.name = name
            self.fileName = fileName
            self.contentType = contentType
            self.body = body
        }

        /// The body as text, for plain fields.
        public var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// How much of a body is read.
    public struct Limits: Sendable, Equatable {
        public var maxParts: Int
        public var maxHeaderBytes: Int
        /// Bytes of a part that is not a file.
        public var maxFieldBytes: Int

        public init(maxParts: Int = 16, maxHeaderBytes: Int = 4_096, maxFieldBytes: Int = 64 << 10) {
            self.maxParts = maxParts
            self.maxHeaderBytes = maxHeaderBytes
            self.maxFieldBytes = maxFieldBytes
        }
    }

    public let parts: [Part]

    /// The first plain field called `name`, as text.
    public func field(_ name: String) -> String? { parts.first { $0.name == name && $0.fileName == nil }?.text }

    /// The first file part called `name` (a file input left empty sends a part with an empty file name: not a file).
    public func file(_ name: String) -> Part? { parts.first { $0.name == name && !($0.fileName ?? "").isEmpty } }

    /// The boundary of a `multipart/form-data` content type (1–70 characters, RFC 2046 §5.1.1), or nil.
    public static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard pieces.first?.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            guard (1...70).contains(value.utf8.count), value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            return value
        }
        return nil
    }

    /// Reads a body; the problems name the part (by its 1-based position) and what is wrong with it.
    public static func parse(_ body: [UInt8], boundary: String, limits: Limits = Limits()) throws(InputError) -> MultipartForm {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [13, 10]
        // The first delimiter opens the body (a preamble before it is allowed and ignored).
        guard var cursor = Self.find(delimiter, in: body, from: 0).flatMap({ at -> Int? in
            at == 0 || (at >= 2 && body[at - 2] == 13 && body[at - 1] == 10) ? at + delimiter.count : nil
        }) else {
            throw Self.problem("body", zh: "不是 multipart/form-data 内容：找不到分隔符", en: "not multipart/form-data: no boundary delimiter found")
        }
        let closing = crlf + delimiter
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body; otherwise CRLF starts a part.
            if Self.matches([45, 45], in: body, at: cursor) { break }
            // Transport padding (spaces and tabs) may follow a delimiter.
            while cursor < body.count, body[cursor] == 32 || body[cursor] == 9 { cursor += 1 }
            guard Self.matches(crlf, in: body, at: cursor) else {
                throw Self.problem("body", zh: "第 \(parts.count + 1) 部分的分隔符后缺少换行", en: "part \(parts.count + 1): no line break after the delimiter")
            }
            cursor += 2
            guard parts.count < limits.maxParts else {
                throw Self.problem("body", zh: "部分过多（至多 \(limits.maxParts) 个）", en: "too many parts (at most \(limits.maxParts))")
            }
            let index = parts.count + 1
            guard let headerEnd = Self.find(crlf + crlf, in: body, from: cursor, limit: limits.maxHeaderBytes + 4) else {
                throw Self.problem("part \(index)", zh: "第 \(index) 部分的头部未结束或超过 \(limits.maxHeaderBytes) 字节",
                                   en: "part \(index): its headers do not end within \(limits.maxHeaderBytes) bytes")
            }
            let headers = try Self.headers(Array(body[cursor..<headerEnd]), index: index)
            let start = headerEnd + 4
            guard let end = Self.find(closing, in: body, from: start) else {
                throw Self.problem("part \(index)", zh: "第 \(index) 部分没有结束分隔符（内容被截断？）", en: "part \(index): no closing delimiter (truncated?)")
            }
            if headers.fileName == nil, end - start > limits.maxFieldBytes {
                throw Self.problem(headers.name, zh: "字段超过 \(limits.maxFieldBytes) 字节", en: "the field exceeds \(limits.maxFieldBytes) bytes")
            }
            parts.append(Part(name: headers.name, fileName: headers.fileName, contentType: headers.contentType, body: Array(body[start..<end])))
            cursor = end + closing.count
            guard cursor <= body.count else { break }
            if cursor == body.count {
                throw Self.problem("body", zh: "内容在最后一个分隔符后被截断", en: "the body ends right after a delimiter, without its closing \"--\"")
            }
        }
        return MultipartForm(parts: parts)
    }

    struct Headers {
        var name: String
        var fileName: String?
        var contentType: String?
    }

    static func headers(_ bytes: [UInt8], index: Int) throws(InputError) -> Headers {
        var name: String?, fileName: String?, contentType: String?
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else {
                throw problem("part \(index)", zh: "第 \(index) 部分的头部行没有冒号", en: "part \(index): a header line without a colon")
            }
            let field = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            switch field {
            case "content-disposition":
                let parameters = Self.parameters(value)
                guard parameters.kind.lowercased() == "form-data" else {
                    throw problem("part \(index)", zh: "第 \(index) 部分不是 form-data", en: "part \(index): not form-data")
                }
                name = parameters.values["name"]
                fileName = parameters.values["filename"]
            case "content-type":
                contentType = value
            default:
                continue
            }
        }
        guard let name, !name.isEmpty, name.utf8.count <= 200 else {
            throw problem("part \(index)", zh: "第 \(index) 部分没有字段名（Content-Disposition 的 name）",
                          en: "part \(index): no field name (Content-Disposition name)")
        }
        return Headers(name: name, fileName: fileName, contentType: contentType)
    }

    /// `form-data; name="a"; filename="b.pdf"` → ("form-data", [name: a, filename: b.pdf]); quoted values
    /// may hold `;`.
    static func parameters(_ value: String) -> (kind: String, values: [String: String]) {
        var values: [String: String] = [:]
        let scalars = Array(value.unicodeScalars)
        var index = 0
        func skipSpaces() { while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 } }
        var kind = ""
        while index < scalars.count, scalars[index] != ";" { kind.unicodeScalars.append(scalars[index]); index += 1 }
        while index < scalars.count {
            index += 1  // the ';'
            skipSpaces()
            var key = ""
            while index < scalars.count, scalars[index] != "=", scalars[index] != ";" { key.unicodeScalars.append(scalars[index]); index += 1 }
            guard index < scalars.count, scalars[index] == "=" else { continue }
            index += 1
            skipSpaces()
            var parsed = ""
            if index < scalars.count, scalars[index] == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    parsed.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
                // Browsers send a quote, CR and LF in a name as %22, %0D and %0A (HTML's form-data encoding);
                // backslashes come as they are (a Windows path).
                parsed = parsed.replacingOccurrences(of: "%22", with: "\"").replacingOccurrences(of: "%0D", with: "\r")
                    .replacingOccurrences(of: "%0A", with: "\n")
                while index < scalars.count, scalars[index] != ";" { index += 1 }
            } else {
                while index < scalars.count, scalars[index] != ";" { parsed.unicodeScalars.append(scalars[index]); index += 1 }
                parsed = parsed.trimmingCharacters(in: .whitespaces)
            }
            values[key.trimmingCharacters(in: .whitespaces).lowercased()] = parsed
        }
        return (kind.trimmingCharacters(in: .whitespaces), values)
    }

    static func matches(_ needle: [UInt8], in haystack: [UInt8], at offset: Int) -> Bool {
        guard offset >= 0, offset + needle.count <= haystack.count else { return false }
        for index in needle.indices where haystack[offset + index] != needle[index] { return false }
        return true
    }

    /// The first offset of `needle` at or after `from`, looking at most `limit` bytes.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int, limit: Int = .max) -> Int? {
        guard let first = needle.first, from >= 0 else { return nil }
        let last = min(haystack.count - needle.count, limit == .max ? .max : from + limit - needle.count)
        guard from <= last else { return nil }
        var offset = from
        while offset <= last {
            if haystack[offset] == first, matches(needle, in: haystack, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    static func problem(_ field: String, zh: String, en: String) -> InputError {
        InputError(InputProblem(code: "multipart", field: field, zh: zh, en: en))
    }
}
