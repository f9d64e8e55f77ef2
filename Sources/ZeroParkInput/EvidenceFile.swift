import Foundation

/// A file an evaluator attaches as evidence (STANDARD.md 1.1.12, 1.1.41–1.1.43: the evaluation rests on
/// documents — operating permits, design approvals, adoption letters). Its kind is read from its first
/// bytes, never from the name or type the browser claims; only kinds a reviewer opens safely are taken:
/// PDF, PNG, JPEG, Office Open XML (xlsx, docx, pptx) and UTF-8 text or CSV. The name is kept for the
/// reader only — without any directory part or control characters, and at most 120 characters.
public struct EvidenceFile: Sendable, Equatable {
    public let fileName: String
    public let mediaType: String

    public static let maxNameCharacters = 120

    /// The file's checked name and kind, or the problem naming `field`.
    public static func check(fileName raw: String, bytes: [UInt8], field: String, maxBytes: Int) throws(InputError) -> EvidenceFile {
        guard !bytes.isEmpty else {
            throw InputError(InputProblem(code: "empty", field: field, zh: "文件为空", en: "the file is empty"))
        }
        guard bytes.count <= maxBytes else {
            throw InputError(InputProblem(code: "too_large", field: field, zh: "文件超过 \(maxBytes >> 20) MiB", en: "the file exceeds \(maxBytes >> 20) MiB"))
        }
        let name = Self.name(raw)
        guard let mediaType = Self.mediaType(bytes, fileName: name) else {
            throw InputError(InputProblem(code: "file_type", field: field,
                                          zh: "不支持的文件类型：仅接受 PDF、PNG、JPEG、Office 文档（xlsx、docx、pptx）、CSV 与 UTF-8 纯文本",
                                          en: "unsupported file type: PDF, PNG, JPEG, Office documents (xlsx, docx, pptx), CSV and UTF-8 text only"))
        }
        return EvidenceFile(fileName: name, mediaType: mediaType)
    }

    /// The last path component, without control characters, trimmed to `maxNameCharacters` (keeping
    /// the extension); "evidence" when nothing is left.
    public static func name(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(String.UnicodeScalarView(last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && $0 != "\u{FEFF}" }))
            .trimmingCharacters(in: .whitespaces)
        if cleaned == "." || cleaned == ".." { cleaned = "" }
        if cleaned.count > maxNameCharacters {
            let ext = cleaned.split(separator: ".").last.map { "." + $0 } ?? ""
            cleaned = ext.count < 12 && ext.count < cleaned.count ? String(cleaned.prefix(maxNameCharacters - ext.count)) + ext : String(cleaned.prefix(maxNameCharacters))
        }
        return cleaned.isEmpty ? "evidence" : cleaned
    }

    /// The kind of the bytes (with the name deciding only between kinds that share a container).
    public static func mediaType(_ bytes: [UInt8], fileName: String) -> String? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        let lower = fileName.lowercased()
        if starts(Array("%PDF-".utf8)) { return "application/pdf" }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            if lower.hasSuffix(".xlsx") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
            if lower.hasSuffix(".docx") { return "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }
            if lower.hasSuffix(".pptx") { return "application/vnd.openxmlformats-officedocument.presentationml.presentation" }
            return nil
        }
        // Text: valid UTF-8 without NUL or other control characters but tab, line feed and carriage return.
        guard String(validating: bytes, as: UTF8.self) != nil,
              !bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F }) else { return nil }
        return lower.hasSuffix(".csv") ? "text/csv; charset=utf-8" : "text/plain; charset=utf-8"
    }
}
