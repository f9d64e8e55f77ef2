import Foundation
import GRDB
import ZeroParkCore

/// A park definition for a date range (issue #8 §6; STANDARD.md 1.1.2, 1.1.9 trial year): each source's
/// activity over the range, month by month from the best data there is — its meters' cleaned days where
/// its meters have data in that month, else its typed month pro-rated by the days of the month in the
/// range, else its typed annual figure pro-rated by the days of the year in the range — with the basis
/// of every source said in words. The activity is monthly (one value per calendar month the range
/// touches), so a range crossing a new year takes each year's factors for its own months (effective-
/// dated factors, `EffectiveDatedFactors` in the core). Offsets and green certificates are claimed per calendar year and are not applied to a range.
public struct RangeDefinition: Sendable {
    public var definition: ParkDefinition
    /// Sources with no data anywhere in the range.
    public var missing: [String]
    /// Per source: where its activity came from (`metered 31 d, typed 0 d`).
    public var basis: [String: String]
    /// Per source: whether each calendar month of the range had data (metered or typed); a month
    /// without is 0 in the activity, and a trial year does not judge it (issue #10 item 6).
    public var monthsWithData: [String: [Bool]] = [:]
}

extension SQLiteParkStore {
    /// The longest range an inventory may cover (a leap year).
    public static let maximumRangeDays = 366

    public func definition(parkKey: String, from: CalendarDate, to: CalendarDate, caller: Caller) async throws -> RangeDefinition {
        guard let period = AccountingPeriod(start: from, end: to) else {
            throw StoreError.invalid(field: "from", message: "不能晚于结束日期 / must not be after to")
        }
        guard period.days <= Self.maximumRangeDays else {
            throw StoreError.invalid(field: "to", message: "范围至多 \(Self.maximumRangeDays) 天，实际 \(period.days) 天 / a range covers at most \(Self.maximumRangeDays) days, got \(period.days)")
        }
        return try await pool.read { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            return try Self.rangeDefinition(db, parkID: park.id, period: period, caller: caller)
        }
    }

    /// Days since 1970-01-01 (the telemetry tables' CST day numbers) of a calendar date.
    static func telemetryDay(_ date: CalendarDate) -> Int32 {
        let epoch = CalendarDate(year: 1970, month: 1, day: 1)?.dayNumber ?? 719_468
        return Int32(date.dayNumber - epoch)
    }

    static func rangeDefinition(_ db: Database, parkID: Int64, period: AccountingPeriod, caller: Caller) throws -> RangeDefinition {
        let stored = try storedPark(db, id: parkID)
        let months = RangeMonth.months(in: period)
        let tenant = caller.tenantEnterprise(parkID: parkID)
        var typed: [Int64: [Int: [Int: Double]]] = [:]  // source id → year → month (0 = annual) → value
        for row in try Row.fetchAll(db, sql: """
            SELECT a.source_id, a.year, a.month, a.value FROM activity a JOIN source s ON s.id = a.source_id
            WHERE s.park_id = ? AND a.year BETWEEN ? AND ?
            """, arguments: [parkID, period.start.year, period.end.year]) {
            typed[row[0], default: [:]][row[1], default: [:]][row[2]] = row[3]
        }
        let metered = try RangeMetering.load(db, parkID: parkID, months: months)
        var sources: [EmissionSource] = [], missing: [String] = [], basis: [String: String] = [:], withData: [String: [Bool]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM source WHERE park_id = ? ORDER BY id", arguments: [parkID]) {
            var spec = sourceSpec(row)
            guard caller.canSeeSource(parkID: parkID, enterprise: spec.enterprise) else { continue }
            guard let unit = try? QuantityUnit.parse(spec.unit) else { missing.append(spec.key); continue }
            let values = typed[row["id"] as Int64] ?? [:]
            var monthly: [Double] = [], meteredDays = 0, typedDays = 0, present: [Bool] = []
            for month in months {
                if let amount = metered.amount(source: spec.key, month: month, unit: unit) {
                    monthly.append(amount)
                    meteredDays += month.days
                } else if let value = values[month.year]?[month.month] {
                    monthly.append(value * Double(month.days) / Double(month.daysInMonth))
                    typedDays += month.days
                } else if let annual = values[month.year]?[0] {
                    monthly.append(annual * Double(month.days) / Double(CalendarDate.daysInYear(month.year)))
                    typedDays += month.days
                } else {
                    monthly.append(0)
                    present.append(false)
                    continue
                }
                present.append(true)
            }
            withData[spec.key] = present
            guard meteredDays + typedDays > 0 else { missing.append(spec.key); continue }
            basis[spec.key] = "metered \(meteredDays) d, typed \(typedDays) d of \(period.days) d"
            if meteredDays > 0 {
                spec.dataSource = "计量表 meters: " + (metered.meters[spec.key] ?? []).joined(separator: ", ") + (spec.dataSource.map { "; " + $0 } ?? "")
            }
            guard let source = spec.emissionSource(unit: unit, values: .monthly(monthly)) else { missing.append(spec.key); continue }
            sources.append(source)
        }
        let sinks = tenant == nil ? try sinks(db, parkID: parkID, year: period.end.year) : []
        let definition = ParkDefinition(profile: stored.profile, period: period, factors: try parkFactors(db, parkID: parkID),
                                        fuels: try parkFuels(db, parkID: parkID), sources: sources, sinks: sinks, offsets: [],
                                        certificates: [], rules: stored.rules)
        return RangeDefinition(definition: definition, missing: missing, basis: basis, monthsWithData: withData)
    }
}

/// The part of one calendar month inside a range: its first and last day and how many days that is.
struct RangeMonth: Sendable {
    let year: Int
    let month: Int
    let first: CalendarDate
    let last: CalendarDate
    var days: Int { last.dayNumber - first.dayNumber + 1 }
    var daysInMonth: Int { CalendarDate.daysInMonth(year: year, month: month) }

    static func months(in period: AccountingPeriod) -> [RangeMonth] {
        var result: [RangeMonth] = []
        var year = period.start.year, month = period.start.month
        while (year, month) <= (period.end.year, period.end.month) {
            guard let monthStart = CalendarDate(year: year, month: month, day: 1),
                  let monthEnd = CalendarDate(year: year, month: month, day: CalendarDate.daysInMonth(year: year, month: month)) else { break }
            result.append(RangeMonth(year: year, month: month, first: max(monthStart, period.start), last: min(monthEnd, period.end)))
            if month == 12 { year += 1; month = 1 } else { month += 1 }
        }
        return result
    }
}

/// The cleaned meter data a range draws on: per fed source, its top-most meters; per meter, the months
/// with data and the day totals inside the range.
struct RangeMetering {
    struct Meter {
        let id: Int64
        let key: String
        let unit: QuantityUnit
    }

    var bySource: [String: [Meter]] = [:]
    var meters: [String: [String]] = [:]
    var monthsWithData: Set<String> = []       // "meterID-YYYYMM"
    var dayTotals: [Int64: [Int32: Double]] = [:]

    static func load(_ db: Database, parkID: Int64, months: [RangeMonth]) throws -> RangeMetering {
        var result = RangeMetering()
        let rows = try Row.fetchAll(db, sql: "SELECT id, key, unit, feeds, parent_key FROM meter WHERE park_id = ? AND feeds IS NOT NULL",
                                    arguments: [parkID])
        let feedsByKey = Dictionary(rows.map { ($0["key"] as String, $0["feeds"] as String) }, uniquingKeysWith: { first, _ in first })
        guard let first = months.first, let last = months.last else { return result }
        let firstDay = SQLiteParkStore.telemetryDay(first.first), lastDay = SQLiteParkStore.telemetryDay(last.last)
        for row in rows {
            let key: String = row["key"], feeds: String = row["feeds"]
            if let parent: String = row["parent_key"], feedsByKey[parent] == feeds { continue }  // inside its main meter
            guard let unit = try? QuantityUnit.parse(row["unit"]) else { continue }
            let meter = Meter(id: row["id"], key: key, unit: unit)
            result.bySource[feeds, default: []].append(meter)
            result.meters[feeds, default: []].append(key)
            for month in try Int.fetchAll(db, sql: "SELECT month FROM meter_month WHERE meter_id = ? AND month BETWEEN ? AND ?",
                                          arguments: [meter.id, first.year * 100 + first.month, last.year * 100 + last.month]) {
                result.monthsWithData.insert("\(meter.id)-\(month)")
            }
            for day in try Row.fetchAll(db, sql: "SELECT day, total FROM meter_day WHERE meter_id = ? AND day BETWEEN ? AND ?",
                                        arguments: [meter.id, firstDay, lastDay]) {
                result.dayTotals[meter.id, default: [:]][day["day"]] = day["total"]
            }
        }
        return result
    }

    /// The source's metered amount in the month's part of the range (in the source's unit), or nil when
    /// none of its meters has data in that calendar month.
    func amount(source: String, month: RangeMonth, unit: QuantityUnit) -> Double? {
        let meters = (bySource[source] ?? []).filter { monthsWithData.contains("\($0.id)-\(month.year * 100 + month.month)") }
        guard !meters.isEmpty else { return nil }
        let from = SQLiteParkStore.telemetryDay(month.first), to = SQLiteParkStore.telemetryDay(month.last)
        var total = 0.0
        for meter in meters {
            let days = dayTotals[meter.id] ?? [:]
            let sum = (from...to).reduce(0.0) { $0 + (days[$1] ?? 0) }
            guard let converted = try? meter.unit.convert(sum, to: unit), converted.isFinite else { continue }
            total += converted
        }
        return total
    }
}
