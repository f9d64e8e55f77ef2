import Foundation
import GRDB
import ZeroParkCore
import ZeroParkInput

/// A park's declared trial period (issue #10 item 6; STANDARD.md 1.1.9): one year of operation held
/// to a stored plan version, with the deviation share that makes a finding.
public struct TrialDeclaration: Codable, Hashable, Sendable {
    public let start: String
    public let end: String
    public let planVersion: Int
    /// Share of the planned net beyond which a month, or the trial to date, is a finding (0.01–1).
    public let threshold: Double
    public let declaredAt: String
    public let declaredBy: String

    public var period: AccountingPeriod? {
        guard let start = CalendarDate(iso: start), let end = CalendarDate(iso: end) else { return nil }
        return AccountingPeriod(start: start, end: end)
    }
}

extension SQLiteParkStore {
    /// Declares (or re-declares) the park's trial period: 365 or 366 days — one year, the guide's
    /// minimum (1.1.9), within the range an inventory covers — held to an existing plan version.
    /// Park admins and managers only; audited.
    public func declareTrial(parkKey: String, start: CalendarDate, end: CalendarDate, planVersion: Int, threshold: Double,
                             caller: Caller) async throws -> TrialDeclaration {
        guard let period = AccountingPeriod(start: start, end: end) else {
            throw StoreError.invalid(field: "end", message: "不能早于开始日期 / must not be before start")
        }
        guard (365...Self.maximumRangeDays).contains(period.days) else {
            throw StoreError.invalid(field: "end", message: "试运行期为一年（365 或 366 天），实际 \(period.days) 天 / a trial period is one year (365 or 366 days), got \(period.days)")
        }
        try StoreChecks.integer(start.year, "start", Domain.year)
        try StoreChecks.integer(end.year, "end", Domain.year)
        try StoreChecks.number(threshold, "threshold", 0.01...1)
        try StoreChecks.integer(planVersion, "plan_version", 1...1_000_000)
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot declare a trial period") }
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM plan_version WHERE park_id = ? AND version = ?", arguments: [park.id, planVersion]) == true else {
                throw StoreError.invalid(field: "plan_version", message: "没有第 \(planVersion) 版方案：请先保存方案 / no plan version \(planVersion): save the plan first")
            }
            let before = try Self.trialRow(db, parkID: park.id)
            try db.execute(sql: """
                INSERT INTO trial_period (park_id, start_date, end_date, plan_version, threshold, declared_at, declared_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(park_id) DO UPDATE SET start_date = excluded.start_date, end_date = excluded.end_date,
                    plan_version = excluded.plan_version, threshold = excluded.threshold, declared_at = excluded.declared_at,
                    declared_by = excluded.declared_by
                """, arguments: [park.id, start.description, end.description, planVersion, threshold, at, caller.username])
            let declaration = TrialDeclaration(start: start.description, end: end.description, planVersion: planVersion, threshold: threshold,
                                               declaredAt: at, declaredBy: caller.username)
            try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "trial", key: "trial",
                           action: before == nil ? "create" : "update", before: before.flatMap(Self.trialSummary),
                           after: Self.trialSummary(declaration))
            return declaration
        }
    }

    /// The park's trial period, or nil when none is declared (nil for tenants: a trial is the park's).
    public func trial(parkKey: String, caller: Caller) async throws -> TrialDeclaration? {
        try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.tenantEnterprise(parkID: park.id) == nil else { return nil }
            return try Self.trialRow(db, parkID: park.id)
        }
    }

    static func trialRow(_ db: Database, parkID: Int64) throws -> TrialDeclaration? {
        try Row.fetchOne(db, sql: "SELECT * FROM trial_period WHERE park_id = ?", arguments: [parkID]).map { row in
            TrialDeclaration(start: row["start_date"], end: row["end_date"], planVersion: row["plan_version"], threshold: row["threshold"],
                             declaredAt: row["declared_at"], declaredBy: row["declared_by"])
        }
    }

    static func trialSummary(_ trial: TrialDeclaration) -> String? {
        json(["start": trial.start, "end": trial.end, "plan_version": String(trial.planVersion), "threshold": String(trial.threshold)])
    }
}
