import Foundation
import PropertyBased
import Testing
@testable import ZeroParkInput

/// The multipart/form-data reader (issue #11 evidence files): what browsers send is read exactly, file
/// bytes round-trip whatever they hold, and malformed or oversized bodies are refused saying where.
struct MultipartFormTests {
    static let boundary = "----ZeroParkBoundary7MA4YWxkTrZu0gW"

    static func body(_ parts: [(name: String, fileName: String?, type: String?, bytes: [UInt8])], boundary: String = boundary) -> [UInt8] {
        var out: [UInt8] = []
        for part in parts {
            out += Array("--\(boundary)\r\n".utf8)
            var disposition = "Content-Disposition: form-data; name=\"\(part.name)\""
            if let fileName = part.fileName { disposition += "; filename=\"\(fileName)\"" }
            out += Array((disposition + "\r\n").utf8)
            if let type = part.type { out += Array("Content-Type: \(type)\r\n".utf8) }
            out += Array("\r\n".utf8) + part.bytes + Array("\r\n".utf8)
        }
        return out + Array("--\(boundary)--\r\n".utf8)
    }

    @Test func aBrowsersFormIsReadFieldByFieldWithTheFileBytesExact() throws {
        // A file whose bytes hold CRLF, "--" and a near-boundary, which must not end the part.
        let file: [UInt8] = Array("%PDF-1.4\r\n--\r\n----ZeroParkBoundary7MA4YWxk\r\n".utf8) + [0, 255, 13, 10]
        let form = try MultipartForm.parse(Self.body([("_csrf", nil, nil, Array("tok".utf8)), ("item", nil, nil, Array("compliance".utf8)),
                                                      ("file", "许可证 2025.pdf", "application/pdf", file)]), boundary: Self.boundary)
        #expect(form.parts.count == 3)
        #expect(form.field("_csrf") == "tok" && form.field("item") == "compliance")
        let part = try #require(form.file("file"))
        #expect(part.fileName == "许可证 2025.pdf" && part.contentType == "application/pdf" && part.body == file)
        // A file input left empty sends an empty file name: no file.
        let empty = try MultipartForm.parse(Self.body([("file", "", "application/octet-stream", [])]), boundary: Self.boundary)
        #expect(empty.file("file") == nil)
    }

    @Test func theBoundaryIsTakenFromTheContentType() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartForm.boundary(contentType: "Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == "a b")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "x", count: 71)) == nil)
    }

    @Test func quotedParametersAreReadAsBrowsersWriteThem() {
        // Chrome and Firefox write a quote as %22 and keep backslashes (HTML's multipart/form-data encoding).
        let parsed = MultipartForm.parameters(#"form-data; name="file"; filename="a;b %22c%22.pdf""#)
        #expect(parsed.kind == "form-data" && parsed.values["name"] == "file" && parsed.values["filename"] == #"a;b "c".pdf"#)
        #expect(MultipartForm.parameters(#"form-data; name="f"; filename="C:\dir\x.pdf""#).values["filename"] == #"C:\dir\x.pdf"#)
    }

    @Test func malformedBodiesAreRefusedSayingWhere() {
        func problem(_ bytes: [UInt8], limits: MultipartForm.Limits = .init()) -> InputProblem? {
            do { _ = try MultipartForm.parse(bytes, boundary: Self.boundary, limits: limits); return nil } catch { return error.problems.first }
        }
        #expect(problem(Array("no delimiter here".utf8))?.field == "body")
        // Truncated: the part never closes.
        let truncated = Array(Self.body([("file", "a.txt", nil, Array("hello".utf8))]).dropLast(30))
        #expect(problem(truncated)?.en.contains("no closing delimiter") == true)
        // A part without a name.
        let nameless = Array("--\(Self.boundary)\r\nContent-Disposition: form-data\r\n\r\nx\r\n--\(Self.boundary)--".utf8)
        #expect(problem(nameless)?.field == "part 1")
        // Headers without their blank line within the limit.
        let endless = Array("--\(Self.boundary)\r\nX: \(String(repeating: "y", count: 5_000))".utf8)
        #expect(problem(endless)?.en.contains("headers do not end") == true)
        // Too many parts, and a plain field beyond its limit.
        let many = Self.body((0..<5).map { ("f\($0)", nil, nil, Array("v".utf8)) })
        #expect(problem(many, limits: .init(maxParts: 4))?.en.contains("too many parts") == true)
        let long = Self.body([("note", nil, nil, Array(repeating: 65, count: 100))])
        #expect(problem(long, limits: .init(maxFieldBytes: 99))?.field == "note")
    }

    @Test func fileBytesRoundTripWhateverTheyHold() async {
        await propertyCheck(count: 300, input: Gen.uint8().array(of: 0...300), Gen.letterOrNumber.string(of: 1...12)) { bytes, name in
            let parsed = try? MultipartForm.parse(Self.body([("item", nil, nil, Array(name.utf8)), ("file", "\(name).bin", nil, bytes)]),
                                                  boundary: Self.boundary)
            #expect(parsed?.field("item") == name)
            #expect(parsed?.parts.last?.body == bytes)
        }
    }

    @Test func arbitraryBytesNeverTrap() async {
        await propertyCheck(count: 1_000, input: Gen.uint8().array(of: 0...200)) { bytes in
            let framed = Array("--\(Self.boundary)\r\n".utf8) + bytes
            _ = try? MultipartForm.parse(framed, boundary: Self.boundary)
            _ = try? MultipartForm.parse(bytes, boundary: Self.boundary)
        }
    }
}

/// Evidence files: the kind comes from the bytes, names lose their directories and control characters.
struct EvidenceFileTests {
    @Test func theKindIsReadFromTheBytes() throws {
        #expect(try EvidenceFile.check(fileName: "permit.bin", bytes: Array("%PDF-1.7\n".utf8), field: "file", maxBytes: 100).mediaType == "application/pdf")
        #expect(EvidenceFile.mediaType([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], fileName: "a") == "image/png")
        #expect(EvidenceFile.mediaType([0xFF, 0xD8, 0xFF, 0xE0], fileName: "a.jpg") == "image/jpeg")
        #expect(EvidenceFile.mediaType([0x50, 0x4B, 0x03, 0x04], fileName: "plan.XLSX") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(EvidenceFile.mediaType([0x50, 0x4B, 0x03, 0x04], fileName: "plan.zip") == nil)  // an archive of unknown content
        #expect(EvidenceFile.mediaType(Array("年份,值\r\n2025,1\n".utf8), fileName: "data.csv") == "text/csv; charset=utf-8")
        #expect(EvidenceFile.mediaType(Array("<script>alert(1)</script>".utf8), fileName: "x.html") == "text/plain; charset=utf-8")
        #expect(EvidenceFile.mediaType([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], fileName: "evil.pdf") == nil)  // an executable
        #expect(EvidenceFile.mediaType([0xC3, 0x28], fileName: "bad.txt") == nil)  // not UTF-8
    }

    @Test func emptyOversizedAndUnknownFilesAreRefusedNamingTheField() {
        func code(_ bytes: [UInt8]) -> String? {
            do { _ = try EvidenceFile.check(fileName: "a.pdf", bytes: bytes, field: "file", maxBytes: 8); return nil } catch { return error.problems.first?.code }
        }
        #expect(code([]) == "empty")
        #expect(code(Array("%PDF-1.7 and more".utf8)) == "too_large")
        #expect(code([0, 1, 2]) == "file_type")
    }

    @Test func namesLoseDirectoriesAndControlCharacters() {
        #expect(EvidenceFile.name("C:\\Users\\me\\许可证.pdf") == "许可证.pdf")
        #expect(EvidenceFile.name("../../etc/passwd") == "passwd")
        #expect(EvidenceFile.name("a\u{0}b\r\n.pdf") == "ab.pdf")
        #expect(EvidenceFile.name("..") == "evidence" && EvidenceFile.name("") == "evidence")
        let long = EvidenceFile.name(String(repeating: "长", count: 300) + ".pdf")
        #expect(long.count == EvidenceFile.maxNameCharacters && long.hasSuffix(".pdf"))
    }
}
