import Crypto
import Foundation
import GRDB

/// The tamper-evident trail (issue #8 §9; STANDARD.md 3.3): every accepted reading batch and every
/// inventory snapshot is a link in its park's append-only chain,
/// `link = SHA-256("zeropark-ledger-v1" ␊ previous link ␊ kind ␊ reference ␊ content hash ␊ recorded at)`,
/// where the content hash is recomputed from the stored rows. Editing a stored reading, revision,
/// batch or snapshot changes a recomputed hash; `zeropark verify` names the first link that no
/// longer matches.
enum Ledger {
    enum Kind: String { case readings, snapshot }

    /// The genesis "previous link" of every park's chain.
    static let genesis = String(repeating: "0", count: 64)

    /// Appends a link to the park's chain; returns its sequence number and hash.
    static func append(_ db: Database, parkID: Int64, kind: Kind, refID: Int64, content: String, at: String) throws -> (seq: Int64, hash: String) {
        let previous = try String.fetchOne(db, sql: "SELECT link_sha256 FROM ledger WHERE park_id = ? ORDER BY seq DESC LIMIT 1",
                                           arguments: [parkID]) ?? genesis
        let hash = link(previous: previous, kind: kind.rawValue, refID: refID, content: content, at: at)
        try db.execute(sql: """
            INSERT INTO ledger (park_id, kind, ref_id, recorded_at, content_sha256, previous_sha256, link_sha256)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [parkID, kind.rawValue, refID, at, content, previous, hash])
        return (db.lastInsertedRowID, hash)
    }

    static func link(previous: String, kind: String, refID: Int64, content: String, at: String) -> String {
        hex(SHA256.hash(data: Data("zeropark-ledger-v1\n\(previous)\n\(kind)\n\(refID)\n\(content)\n\(at)".utf8)))
    }

    /// A reading batch's content hash: the batch record, its new readings and its revisions, each in
    /// (meter, ts) order.
    static func batchContent(batchID: Int64, channel: String, actor: String, receivedAt: String,
                             readings: LedgerDigest, revisions: LedgerDigest) -> String {
        let text = """
            batch \(batchID) \(channel) \(actor) \(receivedAt)
            readings \(readings.count) \(readings.hexDigest)
            revisions \(revisions.count) \(revisions.hexDigest)
            """
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// A snapshot's content hash, from its stored input park file and inventory document (not from the
    /// hashes stored beside them, so editing either text is seen).
    static func snapshotContent(parkKey: String, year: Int, createdAt: String, createdBy: String, inputParkFile: String, document: String) -> String {
        let input = hex(SHA256.hash(data: Data(inputParkFile.utf8)))
        let output = hex(SHA256.hash(data: Data(document.utf8)))
        return hex(SHA256.hash(data: Data("snapshot\n\(parkKey)\n\(year)\n\(createdAt)\n\(createdBy)\n\(input)\n\(output)".utf8)))
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-256 over reading records in canonical binary form: meter key (UTF-8), 0x00, ts as 8 bytes
/// big-endian, the value's IEEE 754 bits big-endian and, for revisions, the replaced value's bits.
/// Records are buffered and hashed in blocks.
struct LedgerDigest {
    private var hasher = SHA256()
    private var buffer: [UInt8] = []
    private(set) var count = 0

    init() { buffer.reserveCapacity(8_192) }

    mutating func append(meter: String, ts: Int64, value: Double, previous: Double?) {
        buffer.append(contentsOf: meter.utf8)
        buffer.append(0)
        appendBigEndian(UInt64(bitPattern: ts))
        appendBigEndian(value.bitPattern)
        if let previous { appendBigEndian(previous.bitPattern) }
        count += 1
        if buffer.count >= 8_000 { flush() }
    }

    private mutating func appendBigEndian(_ word: UInt64) {
        var shift: UInt64 = 56
        while true {
            buffer.append(UInt8(truncatingIfNeeded: word >> shift))
            if shift == 0 { break }
            shift -= 8
        }
    }

    private mutating func flush() {
        hasher.update(data: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    var hexDigest: String {
        var copy = self
        copy.flush()
        return Ledger.hex(copy.hasher.finalize())
    }
}
