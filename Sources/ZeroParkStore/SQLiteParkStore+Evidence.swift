import Crypto
import Foundation
import GRDB

/// A file attached as evidence to an evaluation, as stored (issue #11 item 2; STANDARD.md 1.1.41–1.1.43):
/// which checklist item it supports, its checked name and kind, its size and SHA-256, who attached it
/// when. The bytes are read separately (`evidenceContent`).
public struct EvaluationEvidence: Codable, Hashable, Sendable {
    public let id: Int64
    public let evaluationID: Int64
    /// `operation` (the start of operation), a judgement item id, or `adoption`.
    public let item: String
    public let fileName: String
    public let mediaType: String
    public let size: Int
    public let sha256: String
    public let uploadedAt: String
    public let uploadedBy: String
}

extension SQLiteParkStore {
    /// Bytes of one evidence file.
    public static let evidenceFileLimit = 8 << 20
    /// Files per evaluation.
    public static let evidenceFilesPerEvaluation = 40

    /// Attaches a file to a draft: the park's evaluators only, while it is a draft; audited (name, kind,
    /// size and hash — not the bytes). Refused beyond the size and count limits.
    public func addEvidence(parkKey: String, evaluationID: Int64, item: String, fileName: String, mediaType: String, content: [UInt8],
                            caller: Caller) async throws -> EvaluationEvidence {
        guard !content.isEmpty, content.count <= Self.evidenceFileLimit else {
            throw StoreError.invalid(field: "file", message: "文件须为 1 字节至 \(Self.evidenceFileLimit >> 20) MiB / a file is 1 byte to \(Self.evidenceFileLimit >> 20) MiB")
        }
        guard (1...64).contains(item.utf8.count), item.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || $0 == "_" || $0 == "-" }) else {
            throw StoreError.invalid(field: "item", message: "未知的核查项 / unknown checklist item")
        }
        try Self.checkSize(fileName, "file_name", 1 << 10)
        try Self.checkSize(mediaType, "media_type", 200)
        let hash = SHA256.hash(data: content).map { String(format: "%02x", $0) }.joined()
        let at = timestamp()
        return try await pool.write { db in
            let (park, _) = try Self.evaluationForEvaluator(db, parkKey: parkKey, id: evaluationID, caller: caller, state: .draft)
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM evaluation_evidence WHERE evaluation_id = ?", arguments: [evaluationID]) ?? 0
            guard count < Self.evidenceFilesPerEvaluation else {
                throw StoreError.invalid(field: "file", message: "每项评价至多 \(Self.evidenceFilesPerEvaluation) 个证据文件 / at most \(Self.evidenceFilesPerEvaluation) evidence files per evaluation")
            }
            try db.execute(sql: """
                INSERT INTO evaluation_evidence (evaluation_id, item, file_name, media_type, size, sha256, content, uploaded_at, uploaded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [evaluationID, item, fileName, mediaType, content.count, hash, Data(content), at, caller.username])
            let id = db.lastInsertedRowID
            let stored = EvaluationEvidence(id: id, evaluationID: evaluationID, item: item, fileName: fileName, mediaType: mediaType,
                                            size: content.count, sha256: hash, uploadedAt: at, uploadedBy: caller.username)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evidence", key: "\(evaluationID)/\(id)", action: "create",
                           before: nil, after: Self.json(stored))
            return stored
        }
    }

    /// Removes a file from a draft: the park's evaluators only, while it is a draft; audited.
    public func removeEvidence(parkKey: String, evaluationID: Int64, evidenceID: Int64, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let (park, _) = try Self.evaluationForEvaluator(db, parkKey: parkKey, id: evaluationID, caller: caller, state: .draft)
            guard let before = try Self.evidenceRow(db, evaluationID: evaluationID, id: evidenceID) else { throw StoreError.notFound("evidence \(evidenceID)") }
            try db.execute(sql: "DELETE FROM evaluation_evidence WHERE id = ?", arguments: [evidenceID])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evidence", key: "\(evaluationID)/\(evidenceID)", action: "delete",
                           before: Self.json(before), after: nil)
        }
    }

    /// The files of an evaluation, in the order attached (every member but tenants, like the evaluation).
    public func evidence(parkKey: String, evaluationID: Int64, caller: Caller) async throws -> [EvaluationEvidence] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.notFound("evaluation \(evaluationID)") }
            _ = try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: evaluationID)
            return try Row.fetchAll(db, sql: "SELECT \(Self.evidenceColumns) FROM evaluation_evidence WHERE evaluation_id = ? ORDER BY id",
                                    arguments: [evaluationID]).map(Self.evidence)
        }
    }

    /// One file with its bytes (every member but tenants).
    public func evidenceContent(parkKey: String, evaluationID: Int64, evidenceID: Int64, caller: Caller) async throws -> (EvaluationEvidence, [UInt8]) {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.notFound("evaluation \(evaluationID)") }
            _ = try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: evaluationID)
            guard let row = try Row.fetchOne(db, sql: "SELECT \(Self.evidenceColumns), content FROM evaluation_evidence WHERE evaluation_id = ? AND id = ?",
                                             arguments: [evaluationID, evidenceID]) else { throw StoreError.notFound("evidence \(evidenceID)") }
            let content: Data = row["content"]
            return (Self.evidence(row), [UInt8](content))
        }
    }

    static let evidenceColumns = "id, evaluation_id, item, file_name, media_type, size, sha256, uploaded_at, uploaded_by"

    static func evidenceRow(_ db: Database, evaluationID: Int64, id: Int64) throws -> EvaluationEvidence? {
        try Row.fetchOne(db, sql: "SELECT \(evidenceColumns) FROM evaluation_evidence WHERE evaluation_id = ? AND id = ?",
                         arguments: [evaluationID, id]).map(evidence)
    }

    static func evidence(_ row: Row) -> EvaluationEvidence {
        EvaluationEvidence(id: row["id"], evaluationID: row["evaluation_id"], item: row["item"], fileName: row["file_name"], mediaType: row["media_type"],
                           size: row["size"], sha256: row["sha256"], uploadedAt: row["uploaded_at"], uploadedBy: row["uploaded_by"])
    }
}
