import Foundation
import GRDB
import ZeroParkCore
import ZeroParkInput

/// The park's area and output value in one year, with where the figures come from (issue #10 item 7;
/// STANDARD.md 1.1.14): that year's inventory divides by them, and the plan tracks output per area and
/// emissions per output year by year.
public struct YearOutput: Codable, Hashable, Sendable {
    public let year: Int
    public let areaM2: Double
    public let outputValueCNY: Double?
    public let dataSource: String
    public let updatedAt: String
    public let updatedBy: String
}

extension SQLiteParkStore {
    /// Records (or replaces) a year's area and output value. Park admins and managers; audited; the
    /// same ranges as the park profile's.
    public func setYearOutput(parkKey: String, year: Int, areaM2: Double, outputValueCNY: Double?, dataSource: String,
                              caller: Caller) async throws -> YearOutput {
        try StoreChecks.integer(year, "year", Domain.year)
        try StoreChecks.number(areaM2, "area_m2", 0...Domain.areaM2Maximum, above: 0)
        if let outputValueCNY { try StoreChecks.number(outputValueCNY, "output_value_cny", Domain.outputValueCNY) }
        try StoreChecks.text(dataSource, "data_source", .note)
        guard !dataSource.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid(field: "data_source", message: "请写明数据来源 / say where the figures come from")
        }
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot record output values") }
            let before = try Self.yearOutputRow(db, parkID: park.id, year: year)
            try db.execute(sql: """
                INSERT INTO year_output (park_id, year, area_m2, output_value_cny, data_source, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(park_id, year) DO UPDATE SET area_m2 = excluded.area_m2, output_value_cny = excluded.output_value_cny,
                    data_source = excluded.data_source, updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """, arguments: [park.id, year, areaM2, outputValueCNY, dataSource, at, caller.username])
            let output = YearOutput(year: year, areaM2: areaM2, outputValueCNY: outputValueCNY, dataSource: dataSource,
                                    updatedAt: at, updatedBy: caller.username)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "year_output", key: String(year),
                           action: before == nil ? "create" : "update", before: before.flatMap(Self.summary), after: Self.summary(output))
            return output
        }
    }

    /// The years with a recorded area and output value, oldest first (every member but tenants).
    public func yearOutputs(parkKey: String, caller: Caller) async throws -> [YearOutput] {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM year_output WHERE park_id = ? ORDER BY year", arguments: [park.id]).map(Self.yearOutput)
        }
    }

    static func yearOutputRow(_ db: Database, parkID: Int64, year: Int) throws -> YearOutput? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM year_output WHERE park_id = ? AND year = ?"), arguments: [parkID, year])
            .map(yearOutput)
    }

    static func yearOutput(_ row: Row) -> YearOutput {
        YearOutput(year: row["year"], areaM2: row["area_m2"], outputValueCNY: row["output_value_cny"], dataSource: row["data_source"],
                   updatedAt: row["updated_at"], updatedBy: row["updated_by"])
    }

    static func summary(_ output: YearOutput) -> String? {
        json(["area_m2": String(output.areaM2), "output_value_cny": output.outputValueCNY.map { String($0) } ?? "", "data_source": output.dataSource])
    }
}
