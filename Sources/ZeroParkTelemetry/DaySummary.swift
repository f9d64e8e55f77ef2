/// Totals and counts of one cleaned meter-day (the day level of the rollup pyramid; the store keeps them
/// beside the slot values).
///
/// Serves STANDARD.md 1.1.30 (aggregation) and 1.1.33 (completeness kept with the data).
public struct DaySummary: Sendable, Equatable, Hashable, Codable {
    public var day: Int32
    /// Slot count of the day (96 at 15 minutes).
    public var slots: Int
    /// Sum of non-missing values.
    public var total: Double
    public var measuredCount: Int
    public var estimatedCount: Int
    public var missingCount: Int
    public var flaggedCount: Int
    /// Smallest / largest non-missing value, nil if none.
    public var min: Double?
    public var max: Double?

    public init(day: Int32, slots: Int, total: Double, measuredCount: Int, estimatedCount: Int,
                missingCount: Int, flaggedCount: Int, min: Double?, max: Double?) {
        self.day = day
        self.slots = slots
        self.total = total
        self.measuredCount = measuredCount
        self.estimatedCount = estimatedCount
        self.missingCount = missingCount
        self.flaggedCount = flaggedCount
        self.min = min
        self.max = max
    }

    /// Slots with a value (every slot that is not missing).
    public var valuedCount: Int { slots - missingCount }
    /// Mean of the non-missing values, nil if none.
    public var mean: Double? { valuedCount > 0 ? total / Double(valuedCount) : nil }
}

/// Month rollup of day summaries for one meter (the month level of the rollup pyramid).
///
/// Serves STANDARD.md 1.1.30 and 1.1.33 (monthly reporting; completeness = valued slots / expected slots
/// of the whole calendar month, so absent days count as missing).
public struct MonthSummary: Sendable, Equatable, Hashable, Codable {
    public var year: Int
    public var month: Int
    /// Days in the calendar month (28…31).
    public var daysInMonth: Int
    /// Day rows present.
    public var dayCount: Int
    /// Slot count per day of the rows.
    public var slotsPerDay: Int
    public var total: Double
    public var measuredCount: Int
    public var estimatedCount: Int
    /// Missing slots of the rows present plus every slot of the absent days.
    public var missingCount: Int
    public var flaggedCount: Int
    public var min: Double?
    public var max: Double?

    /// daysInMonth × slotsPerDay.
    public var expectedSlots: Int { daysInMonth * slotsPerDay }
    /// Slots with a value / expected slots (0…1).
    public var completeness: Double {
        expectedSlots > 0 ? Double(expectedSlots - missingCount) / Double(expectedSlots) : 0
    }
    /// Mean of the valued slots, nil if none.
    public var mean: Double? {
        let n = expectedSlots - missingCount
        return n > 0 ? total / Double(n) : nil
    }

    /// Rolls day rows up into one summary per calendar month, ascending. Rows may come in any order.
    /// Throws for a day outside 2000…2100, a duplicate day, or rows with different slot counts.
    public static func rollup(_ days: [DaySummary]) throws(TelemetryError) -> [MonthSummary] {
        let sorted = days.sorted { $0.day < $1.day }
        var out: [MonthSummary] = []
        var previousDay: Int32?
        for row in sorted {
            guard let (y, m) = TelemetryCalendar.month(of: row.day),
                  let length = TelemetryCalendar.daysInMonth(year: y, month: m) else { throw .dayOutOfRange(row.day) }
            if previousDay == row.day { throw .duplicateDay(row.day) }
            previousDay = row.day
            if let first = out.first, first.slotsPerDay != row.slots {
                throw .slotCountMismatch(day: row.day, expected: first.slotsPerDay, found: row.slots)
            }
            if out.last?.year != y || out.last?.month != m {
                out.append(MonthSummary(year: y, month: m, daysInMonth: length, dayCount: 0, slotsPerDay: row.slots,
                                        total: 0, measuredCount: 0, estimatedCount: 0,
                                        missingCount: length * row.slots, flaggedCount: 0, min: nil, max: nil))
            }
            out[out.count - 1].add(row)
        }
        return out
    }

    private mutating func add(_ row: DaySummary) {
        dayCount += 1
        total += row.total
        measuredCount += row.measuredCount
        estimatedCount += row.estimatedCount
        flaggedCount += row.flaggedCount
        // The month started with every slot missing; a present row replaces its day's slots by its own counts.
        missingCount -= row.slots - row.missingCount
        if let lo = row.min { min = Swift.min(min ?? lo, lo) }
        if let hi = row.max { max = Swift.max(max ?? hi, hi) }
    }
}
