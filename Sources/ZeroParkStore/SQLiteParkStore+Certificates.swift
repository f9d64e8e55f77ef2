import Foundation
import GRDB
import ZeroParkCore
import ZeroParkInput

/// Green certificates claimed by a park (STANDARD.md 1.1.19, 1.1.36; docs/accounting-rules.md §1),
/// each for one accounting year. A certificate id is claimed at most once per park in any year: the
/// table's UNIQUE(park_id, key) refuses the second claim.
extension SQLiteParkStore {
    static func insertCertificate(_ db: Database, parkID: Int64, certificate: GreenCertificate, year: Int) throws {
        if let claimed = try Int.fetchOne(db, sql: "SELECT year FROM green_certificate WHERE park_id = ? AND key = ?",
                                          arguments: [parkID, certificate.id]) {
            throw StoreError.conflict("绿证 \(certificate.id) 已在 \(claimed) 年使用：一张证书只计一次 / certificate \(certificate.id) is already claimed (year \(claimed)): a certificate counts once")
        }
        try db.execute(sql: """
            INSERT INTO green_certificate (park_id, key, source_key, year, mwh, vintage, retired, registry) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [parkID, certificate.id, certificate.source, year, certificate.mwh, certificate.vintage,
                             certificate.retired?.description, certificate.registry])
    }

    /// The park's certificates for `year` (all years when nil), with the year each is claimed in.
    static func certificates(_ db: Database, parkID: Int64, year: Int?) throws -> [(certificate: GreenCertificate, year: Int)] {
        var sql = "SELECT * FROM green_certificate WHERE park_id = ?"
        var arguments: StatementArguments = [parkID]
        if let year {
            sql += " AND year = ?"
            arguments += [year]
        }
        return try Row.fetchAll(db, sql: sql + " ORDER BY id", arguments: arguments).map { row in
            let retired: String? = row["retired"]
            let certificate = GreenCertificate(id: row["key"], source: row["source_key"], mwh: row["mwh"], vintage: row["vintage"],
                                               retired: retired.flatMap(CalendarDate.init(iso:)), registry: row["registry"])
            return (certificate, row["year"])
        }
    }

    /// The park's certificates (park managers and readers of the whole park).
    public func certificates(parkKey: String, caller: Caller) async throws -> [(certificate: GreenCertificate, year: Int)] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.forbidden("certificates are the park's") }
            return try Self.certificates(db, parkID: park.id, year: nil)
        }
    }

    /// Records a certificate claimed in `year`; refused when its id was claimed before, in any year.
    public func createCertificate(parkKey: String, certificate: GreenCertificate, year: Int, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot add certificates") }
            try StoreChecks.certificate(certificate, year: year)
            guard let method = try String.fetchOne(db, sql: "SELECT method FROM source WHERE park_id = ? AND key = ?",
                                                   arguments: [park.id, certificate.source]) else {
                throw StoreError.invalid(field: "source", message: "没有排放源 \(certificate.source) / no source \(certificate.source)")
            }
            guard method == AccountingMethodKind.purchasedElectricity.rawValue else {
                throw StoreError.invalid(field: "source", message: "绿证只适用于外购电网电力；\(certificate.source) 的方法为 \(method) / certificates cover purchased grid electricity; \(certificate.source) uses \(method)")
            }
            try Self.insertCertificate(db, parkID: park.id, certificate: certificate, year: year)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "certificate", key: certificate.id,
                           action: "create", before: nil,
                           after: Self.json(["source": certificate.source, "mwh": String(certificate.mwh), "year": String(year),
                                             "vintage": String(certificate.vintage), "retired": certificate.retired?.description ?? ""]))
        }
    }

    public func deleteCertificate(parkKey: String, key: String, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot delete certificates") }
            try db.execute(sql: "DELETE FROM green_certificate WHERE park_id = ? AND key = ?", arguments: [park.id, key])
            guard db.changesCount > 0 else { throw StoreError.notFound("certificate \(key)") }
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "certificate", key: key, action: "delete",
                           before: key, after: nil)
        }
    }

    /// Sets the park's accounting rules (park admins and editors), audited with before and after.
    public func updateRules(parkKey: String, rules: AccountingRules, caller: Caller) async throws {
        let at = timestamp()
        try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot change accounting rules") }
            let before = try Self.storedPark(db, id: park.id).rules
            try db.execute(sql: "UPDATE park SET accounting_rules = ? WHERE id = ?", arguments: [Self.rulesJSON(rules), park.id])
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "rules", key: parkKey, action: "update",
                           before: Self.rulesJSON(before), after: Self.rulesJSON(rules))
        }
    }
}
