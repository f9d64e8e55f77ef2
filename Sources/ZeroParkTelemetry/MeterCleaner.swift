/// Turns one meter's raw readings into cleaned per-slot values with quality flags and events.
///
/// Serves STANDARD.md 1.1.29–1.1.33 (real-time collection, cleaning and aggregation; accurate, traceable data
/// meeting national data-quality rules) and 1.1.8/1.1.31 (the series behind the monitoring charts).
///
/// Common rules:
/// - Output: one `MeterDay` per target day (days outside 2000-01-01 … 2100-12-31 are left out), events sorted
///   by ts. Events are reported when their ts (or, for rollover/reset/gap, their reading interval) touches
///   the target days, so cleaning day by day reports boundary events on both days (the store dedupes them).
/// - Readings are expected sorted by ts with unique ts; if they are not, they are sorted (stable) and, for a
///   repeated ts, the last one wins. Readings more than 8 days outside the target days are ignored.
/// - Non-finite values never trap: they are dropped (event `glitch`). Empty input gives all-missing days.
/// - Invalid spec: unsupported interval → no days; any other invalid field (see `MeterSpec.validate`) →
///   all-missing days.
/// - `profile` is used only if it has one finite value per slot of the day; otherwise it counts as absent.
/// - Missing slots hold NaN with quality `.missing`; a missing slot is never booked as 0.
///
/// Kind-specific rules are in `CounterCleaning` (cumulative) and `SlotSeriesCleaning` (interval,
/// instantaneous); thresholds are the `static let`s of `MeterCleaner` and `HampelFilter`.
public enum MeterCleaner {
    /// Gaps up to this many intervals are filled by even spread / linear interpolation.
    public static let maxInterpolatedIntervals = 4
    /// Gaps up to this many days are filled (by profile when longer than 4 intervals); longer stay missing.
    public static let maxFilledGapDays = 7
    /// Counter: a drop is a rollover when the previous reading is ≥ (1 − this) × counterModulus.
    public static let rolloverWindowFraction = 0.1
    /// Counter: timing jitter tolerated when comparing the time between readings with whole intervals,
    /// as a fraction of the interval (90 s at 15 minutes).
    public static let timingToleranceFraction = 0.1
    /// Readings further than this many days outside the target days are ignored.
    static let readingWindowDays: Int64 = 8

    /// Cleans `readings` (effective values, sorted by ts, unique ts, may extend beyond the target days — the
    /// caller passes up to 8 readings before the first target day and after the last, as context).
    /// `profile`: per-slot typical value (from `MeterProfile.build` over the previous 7 cleaned days) or nil.
    public static func clean(_ spec: MeterSpec, readings: [RawReading], days: ClosedRange<Int32>,
                             profile: [Double]?) -> CleaningResult {
        guard let slotsPerDay = spec.slotsPerDay else { return CleaningResult(days: [], events: []) }
        let firstDay = Swift.max(days.lowerBound, TelemetryCalendar.firstSupportedDay)
        let lastDay = Swift.min(days.upperBound, TelemetryCalendar.lastSupportedDay)
        guard firstDay <= lastDay, let targetStart = TelemetryCalendar.dayStart(firstDay) else {
            return CleaningResult(days: [], events: [])
        }
        let dayCount = Int(lastDay) - Int(firstDay) + 1
        let slotSeconds = Int64(spec.intervalMinutes * 60)
        do throws(TelemetryError) {
            try spec.validate()
        } catch {
            let rows = (0..<dayCount).map { MeterDay.missing(day: firstDay + Int32($0), slots: slotsPerDay) }
            return CleaningResult(days: rows, events: [])
        }

        let targetEnd = targetStart + Int64(dayCount) * TelemetryCalendar.secondsPerDay
        let window = readingWindowDays * TelemetryCalendar.secondsPerDay
        let input = normalized(readings, from: targetStart - window, to: targetEnd + window)
        let weights: [Double]? = profile.flatMap { p in
            p.count == slotsPerDay && p.allSatisfy(\.isFinite) ? p : nil
        }

        var events: [MeterEvent] = []
        let rows: [MeterDay]
        switch spec.readingKind {
        case .cumulative:
            let grid = SlotGrid(slotSeconds: slotSeconds, slotsPerDay: slotsPerDay, firstDay: firstDay,
                                dayCount: dayCount, targetStart: targetStart,
                                padBefore: HampelFilter.halfWindow, padAfter: HampelFilter.halfWindow)
            let (v, q) = CounterCleaning.clean(spec, input, grid: grid, weights: weights, events: &events)
            rows = grid.meterDays(values: v, quality: q)
        case .interval:
            // Pad up to 7 days (+ the Hampel window) on each side, but only as far as the readings reach.
            let maxPad = maxFilledGapDays * slotsPerDay + 2 * HampelFilter.halfWindow + 2
            let minPad = 2 * HampelFilter.halfWindow + 2
            let probe = SlotGrid(slotSeconds: slotSeconds, slotsPerDay: slotsPerDay, firstDay: firstDay,
                                 dayCount: dayCount, targetStart: targetStart, padBefore: 0, padAfter: 0)
            let before = input.first.map { probe.slotsBetween($0.ts, targetStart) } ?? 0
            let after = input.last.map { probe.slotsBetween(targetEnd, $0.ts + 1) } ?? 0
            let grid = SlotGrid(slotSeconds: slotSeconds, slotsPerDay: slotsPerDay, firstDay: firstDay,
                                dayCount: dayCount, targetStart: targetStart,
                                padBefore: Swift.min(maxPad, Swift.max(minPad, before)),
                                padAfter: Swift.min(maxPad, Swift.max(minPad, after)))
            let (v, q) = SlotSeriesCleaning.cleanInterval(spec, input, grid: grid, weights: weights, events: &events)
            rows = grid.meterDays(values: v, quality: q)
        case .instantaneous:
            let pad = 2 * HampelFilter.halfWindow + 2
            let grid = SlotGrid(slotSeconds: slotSeconds, slotsPerDay: slotsPerDay, firstDay: firstDay,
                                dayCount: dayCount, targetStart: targetStart, padBefore: pad, padAfter: pad)
            let (v, q) = SlotSeriesCleaning.cleanInstantaneous(spec, input, grid: grid, events: &events)
            rows = grid.meterDays(values: v, quality: q)
        }
        return CleaningResult(days: rows, events: sortedEvents(events))
    }

    /// Readings inside [from, to], sorted by ts, unique ts (last wins). Copies only what it keeps.
    static func normalized(_ readings: [RawReading], from: Int64, to: Int64) -> [RawReading] {
        var out: [RawReading] = []
        out.reserveCapacity(readings.count)
        var ordered = true
        for r in readings where r.ts >= from && r.ts <= to {
            if let last = out.last, last.ts >= r.ts { ordered = false }
            out.append(r)
        }
        guard !ordered else { return out }
        // Stable sort by ts, then keep the last of each run of equal ts.
        let sorted = out.enumerated().sorted { ($0.element.ts, $0.offset) < ($1.element.ts, $1.offset) }
        var unique: [RawReading] = []
        unique.reserveCapacity(sorted.count)
        for (_, r) in sorted {
            if let last = unique.last, last.ts == r.ts { unique[unique.count - 1] = r } else { unique.append(r) }
        }
        return unique
    }

    private static func sortedEvents(_ events: [MeterEvent]) -> [MeterEvent] {
        var ordered = true
        for i in events.indices.dropFirst() where events[i - 1].ts > events[i].ts { ordered = false; break }
        if ordered { return events }
        return events.enumerated().sorted { ($0.element.ts, $0.offset) < ($1.element.ts, $1.offset) }.map(\.element)
    }
}
