import ZeroParkCore
import ZeroParkInput
import ZeroParkParkFile

/// The four readers of untrusted input that are fuzzed (issue #6): every input must make them
/// return or throw — never trap, hang or exhaust memory. A crash inside `run` is the finding.
enum FuzzTarget: String, CaseIterable {
    /// Park-file YAML: `ParkFileReader.read`, then `InventoryCalculator.compute` and the writer on
    /// whatever it accepts.
    case parkfile
    /// Activity CSV: `CSVTable.read`.
    case csv
    /// JSON request bodies: the first byte picks the body schema (see `JSONBodies.select`), the rest
    /// is the body.
    case json
    /// Upload bodies: `MultipartForm.parse` with the boundary `zpfuzz`, then `EvidenceFile.check` on
    /// every file part it accepts (issue #11 evidence files).
    case multipart

    func run(_ bytes: [UInt8]) {
        switch self {
        case .parkfile: Self.parkFile(bytes)
        case .csv: Self.csv(bytes)
        case .json: JSONBodies.check(bytes)
        case .multipart: Self.multipart(bytes)
        }
    }

    static func multipart(_ bytes: [UInt8]) {
        guard let form = try? MultipartForm.parse(bytes, boundary: "zpfuzz") else { return }
        for part in form.parts where part.fileName != nil {
            _ = try? EvidenceFile.check(fileName: part.fileName ?? "", bytes: part.body, field: part.name, maxBytes: 1 << 20)
        }
    }

    static func parkFile(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let definition = try? ParkFileReader.read(yaml: text) else { return }
        _ = try? InventoryCalculator.compute(definition)
        // What the reader accepts, the writer must write and the reader read back (no trap either way).
        _ = try? ParkFileReader.read(yaml: ParkFileWriter.write(definition))
    }

    static func csv(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? CSVTable.read(text)
    }
}

/// The request-body schemas of /api/v1, chosen by an input's first byte.
enum JSONBodies {
    static let schemas: [(name: String, schema: Schema)] = RequestBodies.all

    /// Selector byte → schema index: `A` is the first schema, `B` the second, … (the order of
    /// `RequestBodies.all`); any other byte (seed files use `~`) means "parse only" (`JSONValue.parse`),
    /// so adding a schema does not change what existing corpus files exercise.
    static func select(_ byte: UInt8) -> Int? {
        let index = Int(byte &- UInt8(ascii: "A"))
        return index < schemas.count ? index : nil
    }

    static func check(_ bytes: [UInt8]) {
        guard let first = bytes.first else {
            _ = try? JSONValue.parse(bytes)
            return
        }
        let body = Array(bytes.dropFirst())
        if let index = select(first) {
            _ = try? schemas[index].schema.check(body)
        } else {
            _ = try? JSONValue.parse(body)
        }
    }
}
