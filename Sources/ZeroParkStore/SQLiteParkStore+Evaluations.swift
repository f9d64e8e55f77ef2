import Foundation
import GRDB

/// Where an evaluation is in its workflow (issue #11 item 2): the evaluator drafts and submits; the
/// issuer decides (awarding a certificate or not) or returns it to the evaluator.
public enum EvaluationState: String, Codable, Sendable, CaseIterable {
    case draft, submitted, decided
}

/// A third-party evaluation of a park as stored (issue #11 item 2; STANDARD.md 1.1.12, 1.1.41–1.1.43):
/// the body (basis, snapshots, the evaluator's answers) and, from submission on, the result — both JSON
/// checked by the server before they are stored — with who did what when.
public struct StoredEvaluation: Codable, Hashable, Sendable {
    public let id: Int64
    public let parkKey: String
    public let state: EvaluationState
    public let body: String
    public let result: String?
    public let openedAt: String
    public let openedBy: String
    public let submittedAt: String?
    public let submittedBy: String?
    public let decidedAt: String?
    public let decidedBy: String?
    /// The issuer's note: why it was returned, or the decision's remark.
    public let note: String?
    public let certificateID: String?
}

/// A signed park certificate as stored (issue #11 items 4–5): the document exactly as signed, the key id
/// it was signed with, and its revocation when revoked.
public struct StoredParkCertificate: Codable, Hashable, Sendable {
    public let id: String
    public let parkKey: String
    public let evaluationID: Int64
    public let keyID: String
    public let document: String
    public let issuedAt: String
    public let issuedBy: String
    public let revokedAt: String?
    public let revokedBy: String?
    public let revocationReason: String?
}

/// A certificate to store with a decision.
public struct NewParkCertificate: Sendable {
    public let id: String
    public let keyID: String
    public let document: String

    public init(id: String, keyID: String, document: String) {
        self.id = id
        self.keyID = keyID
        self.document = document
    }
}

extension SQLiteParkStore {
    static let evaluationBodyLimit = 64 << 10
    static let evaluationResultLimit = 256 << 10

    /// Opens an evaluation of a park in draft. Its auditors and system administrators; audited.
    public func openEvaluation(parkKey: String, body: String, caller: Caller) async throws -> StoredEvaluation {
        try Self.checkSize(body, "body", Self.evaluationBodyLimit)
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEvaluate(parkID: park.id) else { throw StoreError.forbidden("只有园区的第三方核查人员（评价人）可以发起评价 / only the park's evaluators (auditors) open evaluations") }
            try db.execute(sql: "INSERT INTO evaluation (park_id, state, body, opened_at, opened_by) VALUES (?, 'draft', ?, ?, ?)",
                           arguments: [park.id, body, at, caller.username])
            let id = db.lastInsertedRowID
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evaluation", key: String(id), action: "create",
                           before: nil, after: body)
            return try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        }
    }

    /// Replaces a draft's body. The park's evaluators, while it is a draft; audited.
    public func updateEvaluation(parkKey: String, id: Int64, body: String, caller: Caller) async throws -> StoredEvaluation {
        try Self.checkSize(body, "body", Self.evaluationBodyLimit)
        let at = timestamp()
        return try await pool.write { db in
            let (park, before) = try Self.evaluationForEvaluator(db, parkKey: parkKey, id: id, caller: caller, state: .draft)
            try db.execute(sql: "UPDATE evaluation SET body = ? WHERE id = ?", arguments: [body, id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evaluation", key: String(id), action: "update",
                           before: before.body, after: body)
            return try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        }
    }

    /// Submits a draft with its result for the issuer's decision. The park's evaluators; audited.
    public func submitEvaluation(parkKey: String, id: Int64, body: String, result: String, caller: Caller) async throws -> StoredEvaluation {
        try Self.checkSize(body, "body", Self.evaluationBodyLimit)
        try Self.checkSize(result, "result", Self.evaluationResultLimit)
        let at = timestamp()
        return try await pool.write { db in
            let (park, before) = try Self.evaluationForEvaluator(db, parkKey: parkKey, id: id, caller: caller, state: .draft)
            try db.execute(sql: """
                UPDATE evaluation SET state = 'submitted', body = ?, result = ?, submitted_at = ?, submitted_by = ?, note = NULL WHERE id = ?
                """, arguments: [body, result, at, caller.username, id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evaluation", key: String(id), action: "submit",
                           before: before.body, after: result)
            return try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        }
    }

    /// The issuer's decision on a submitted evaluation: `certificate` (when the grade is an award) is stored
    /// with it in one transaction. System administrators only, and not the user who submitted it (four
    /// eyes); audited.
    public func decideEvaluation(parkKey: String, id: Int64, result: String, note: String?, certificate: NewParkCertificate?,
                                 caller: Caller) async throws -> StoredEvaluation {
        try Self.checkSize(result, "result", Self.evaluationResultLimit)
        try Self.checkSize(note ?? "", "note", 4 << 10)
        if let certificate { try Self.checkSize(certificate.document, "certificate", 1 << 20) }
        let at = timestamp()
        return try await pool.write { db in
            let (park, before) = try Self.evaluationForIssuer(db, parkKey: parkKey, id: id, caller: caller)
            if let certificate {
                try db.execute(sql: """
                    INSERT INTO park_certificate (id, park_key, evaluation_id, key_id, document, issued_at, issued_by) VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [certificate.id, park.key, id, certificate.keyID, certificate.document, at, caller.username])
                try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "certificate", key: certificate.id, action: "create",
                               before: nil, after: certificate.document)
            }
            try db.execute(sql: """
                UPDATE evaluation SET state = 'decided', result = ?, decided_at = ?, decided_by = ?, note = ?, certificate_id = ? WHERE id = ?
                """, arguments: [result, at, caller.username, note, certificate?.id, id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evaluation", key: String(id), action: "decide",
                           before: before.result, after: result)
            return try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        }
    }

    /// Returns a submitted evaluation to its evaluator as a draft, with the issuer's reason. System
    /// administrators, not the submitter; audited.
    public func returnEvaluation(parkKey: String, id: Int64, note: String, caller: Caller) async throws -> StoredEvaluation {
        let reason = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.invalid(field: "note", message: "退回评价须写明原因 / a returned evaluation needs the reason") }
        try Self.checkSize(reason, "note", 4 << 10)
        let at = timestamp()
        return try await pool.write { db in
            let (park, _) = try Self.evaluationForIssuer(db, parkKey: parkKey, id: id, caller: caller)
            try db.execute(sql: "UPDATE evaluation SET state = 'draft', result = NULL, note = ? WHERE id = ?", arguments: [reason, id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "evaluation", key: String(id), action: "return",
                           before: nil, after: Self.json(["note": reason]))
            return try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        }
    }

    /// The park's evaluations, newest first (every member but tenants).
    public func evaluations(parkKey: String, caller: Caller) async throws -> [StoredEvaluation] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM evaluation WHERE park_id = ? ORDER BY id DESC", arguments: [park.id])
                .map { Self.evaluation($0, parkKey: park.key) }
        }
    }

    /// One evaluation of the park (every member but tenants; otherwise not found).
    public func evaluation(parkKey: String, id: Int64, caller: Caller) async throws -> StoredEvaluation {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.notFound("evaluation \(id)") }
            return try Self.evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        }
    }

    // MARK: - Certificates and issuer keys

    /// Records an issuer's public key (base64 of the raw 32 bytes) under its key id; a known key stays as
    /// it was. Called by the server when it starts with a signing key.
    public func registerIssuerKey(keyID: String, publicKey: String) async throws {
        try StoreChecks.key(keyID.replacingOccurrences(of: ":", with: "-"), "key_id")
        let at = timestamp()
        try await pool.write { db in
            try db.execute(sql: "INSERT INTO issuer_key (key_id, public_key, registered_at) VALUES (?, ?, ?) ON CONFLICT(key_id) DO NOTHING",
                           arguments: [keyID, publicKey, at])
        }
    }

    /// Every issuer public key the platform has signed with: (key id, base64 public key, registered at), oldest first.
    public func issuerKeys() async throws -> [(keyID: String, publicKey: String, registeredAt: String)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM issuer_key ORDER BY registered_at, key_id").map { ($0["key_id"], $0["public_key"], $0["registered_at"]) }
        }
    }

    /// A certificate by id, for anyone (the online check, `/verify/{id}`); nil when unknown.
    public func parkCertificate(id: String) async throws -> StoredParkCertificate? {
        guard id.utf8.count <= 100 else { return nil }
        return try await pool.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM park_certificate WHERE id = ?", arguments: [id]).map(Self.certificate)
        }
    }

    /// The certificates of a park: for its members but tenants; for anyone when `caller` is nil and the
    /// park is published (its disclosure, 1.1.2(d)); otherwise none. Newest first.
    public func parkCertificates(parkKey: String, caller: Caller?) async throws -> [StoredParkCertificate] {
        try await pool.read { db in
            if let caller {
                let park = try Self.parkRow(db, key: parkKey, caller: caller)
                guard caller.tenantEnterprise(parkID: park.id) == nil else { return [] }
            } else {
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM park WHERE key = ? AND published = 1", arguments: [parkKey]) != nil else { return [] }
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM park_certificate WHERE park_key = ? ORDER BY issued_at DESC, id", arguments: [parkKey])
                .map(Self.certificate)
        }
    }

    /// Every revoked certificate: (id, reason), by revocation time — the public revocation list.
    public func revokedCertificates() async throws -> [(id: String, reason: String)] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, revocation_reason FROM park_certificate WHERE revoked_at IS NOT NULL ORDER BY revoked_at, id")
                .map { ($0["id"], $0["revocation_reason"] ?? "") }
        }
    }

    /// Revokes a certificate with a reason (shown by the online check). System administrators; a revoked
    /// certificate stays revoked; audited.
    public func revokeCertificate(id: String, reason: String, caller: Caller) async throws -> StoredParkCertificate {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw StoreError.invalid(field: "reason", message: "撤销证书须写明原因 / a revocation needs its reason") }
        try Self.checkSize(why, "reason", 4 << 10)
        guard caller.isSystemAdmin else { throw StoreError.forbidden("只有签发方（系统管理员）可以撤销证书 / only the issuer (a system administrator) revokes certificates") }
        let at = timestamp()
        return try await pool.write { db in
            guard let before = try Row.fetchOne(db, sql: "SELECT * FROM park_certificate WHERE id = ?", arguments: [id]).map(Self.certificate) else {
                throw StoreError.notFound("certificate \(id.prefix(100))")
            }
            guard before.revokedAt == nil else { throw StoreError.conflict("证书 \(id) 已被撤销 / certificate \(id) is already revoked") }
            try db.execute(sql: "UPDATE park_certificate SET revoked_at = ?, revoked_by = ?, revocation_reason = ? WHERE id = ?",
                           arguments: [at, caller.username, why, id])
            let parkID = try Int64.fetchOne(db, sql: "SELECT id FROM park WHERE key = ?", arguments: [before.parkKey])
            try Self.audit(db, at: at, actor: caller.username, parkID: parkID, entity: "certificate", key: id, action: "revoke",
                           before: nil, after: Self.json(["reason": why]))
            guard let after = try Row.fetchOne(db, sql: "SELECT * FROM park_certificate WHERE id = ?", arguments: [id]).map(Self.certificate) else {
                throw StoreError.notFound("certificate \(id.prefix(100))")
            }
            return after
        }
    }

    // MARK: - Rows

    static func checkSize(_ text: String, _ field: String, _ limit: Int) throws {
        guard text.utf8.count <= limit else { throw StoreError.invalid(field: field, message: "至多 \(limit / 1024) KiB / at most \(limit / 1024) KiB") }
    }

    /// The evaluation for its evaluator in `state` (forbidden for other roles, conflict in another state).
    static func evaluationForEvaluator(_ db: Database, parkKey: String, id: Int64, caller: Caller,
                                       state: EvaluationState) throws -> (ParkRow, StoredEvaluation) {
        let park = try parkRow(db, key: parkKey, caller: caller)
        guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.notFound("evaluation \(id)") }
        let evaluation = try evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        guard caller.canEvaluate(parkID: park.id) else { throw StoreError.forbidden("只有园区的第三方核查人员（评价人）可以编辑和提交评价 / only the park's evaluators (auditors) edit and submit evaluations") }
        guard evaluation.state == state else { throw StoreError.conflict("评价 #\(id) 当前状态为 \(evaluation.state.rawValue)，不是 \(state.rawValue) / evaluation \(id) is \(evaluation.state.rawValue), not \(state.rawValue)") }
        return (park, evaluation)
    }

    /// A submitted evaluation for the issuer: a system administrator who did not submit it.
    static func evaluationForIssuer(_ db: Database, parkKey: String, id: Int64, caller: Caller) throws -> (ParkRow, StoredEvaluation) {
        let park = try parkRow(db, key: parkKey, caller: caller)
        let evaluation = try evaluationRow(db, parkID: park.id, parkKey: park.key, id: id)
        guard caller.isSystemAdmin else { throw StoreError.forbidden("只有签发方（系统管理员）可以决定评价 / only the issuer (a system administrator) decides evaluations") }
        guard evaluation.state == .submitted else { throw StoreError.conflict("评价 #\(id) 当前状态为 \(evaluation.state.rawValue)，尚未提交 / evaluation \(id) is \(evaluation.state.rawValue), not submitted") }
        guard evaluation.submittedBy != caller.username else {
            throw StoreError.forbidden("提交评价的人不能决定该评价（四眼原则） / the evaluator who submitted an evaluation does not decide it (four eyes)")
        }
        return (park, evaluation)
    }

    static func evaluationRow(_ db: Database, parkID: Int64, parkKey: String, id: Int64) throws -> StoredEvaluation {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM evaluation WHERE park_id = ? AND id = ?", arguments: [parkID, id]) else {
            throw StoreError.notFound("evaluation \(id)")
        }
        return evaluation(row, parkKey: parkKey)
    }

    static func evaluation(_ row: Row, parkKey: String) -> StoredEvaluation {
        StoredEvaluation(id: row["id"], parkKey: parkKey, state: EvaluationState(rawValue: row["state"]) ?? .draft, body: row["body"],
                         result: row["result"], openedAt: row["opened_at"], openedBy: row["opened_by"], submittedAt: row["submitted_at"],
                         submittedBy: row["submitted_by"], decidedAt: row["decided_at"], decidedBy: row["decided_by"], note: row["note"],
                         certificateID: row["certificate_id"])
    }

    static func certificate(_ row: Row) -> StoredParkCertificate {
        StoredParkCertificate(id: row["id"], parkKey: row["park_key"], evaluationID: row["evaluation_id"], keyID: row["key_id"],
                              document: row["document"], issuedAt: row["issued_at"], issuedBy: row["issued_by"], revokedAt: row["revoked_at"],
                              revokedBy: row["revoked_by"], revocationReason: row["revocation_reason"])
    }
}
