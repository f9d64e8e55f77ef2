/// Pure evaluation of an alert condition against cleaned meter-days; the server keeps the alert state.
///
/// Serves STANDARD.md 1.1.35 (leak detection), 1.1.40 (early warning) and 1.1.33 (data-quality warning).
///
/// Rules:
/// - Only slots that have ended by `now` count (slot end ≤ now). Days are taken in day order; a day row with
///   the wrong slot count is ignored; absent days and missing slots are gaps.
/// - above / below: the latest run of ≥ N consecutive non-missing slots with value > x (< x) fires; a missing
///   slot breaks a run. Finding ts = the run's first slot.
/// - nightBaseline: the latest night window [fromHour, toHour) CST that has ended by `now`; fires when at
///   least half of its slots have values and their minimum is > `minimum`.
/// - offline: fires when no reading was ever seen, or now − lastReadingTS ≥ N × interval.
/// - qualityBelow: window = the `overHours` × slots-per-hour slots ending at the last slot boundary ≤ now;
///   completeness = slots flagged measured or suspect / window slots; fires when below the threshold.
/// - An invalid condition (see `AlertCondition.validate`) or spec interval never fires.
public enum AlertEvaluator {
    /// Share of a night window's slots that must have values for `nightBaseline` to be judged.
    public static let nightMinimumCoverage = 0.5

    public static func evaluate(_ c: AlertCondition, spec: MeterSpec, days: [MeterDay], lastReadingTS: Int64?,
                                now: Int64) -> AlertFinding? {
        do throws(TelemetryError) { try c.validate() } catch { return nil }
        guard let slotsPerDay = spec.slotsPerDay,
              TelemetryCalendar.supportedTimestamps.contains(now) else { return nil }
        let slotSeconds = Int64(spec.intervalMinutes * 60)
        let series = SlotSeries(days: days, slotsPerDay: slotsPerDay, slotSeconds: slotSeconds)

        switch c {
        case .above(let x, let n):
            return run(series, now: now, count: n, c, threshold: x) { $0 > x }
        case .below(let x, let n):
            return run(series, now: now, count: n, c, threshold: x) { $0 < x }
        case .nightBaseline(let from, let to, let minimum):
            guard let nowDay = TelemetryCalendar.day(of: now) else { return nil }
            let lengthHours = (to - from + 24) % 24
            // Latest window start (day d at `from`) whose end is ≤ now.
            for d in stride(from: nowDay, through: nowDay - 2, by: -1) {
                guard let dayStart = TelemetryCalendar.dayStart(d) else { continue }
                let start = dayStart + Int64(from) * 3_600
                let end = start + Int64(lengthHours) * 3_600
                guard end <= now else { continue }
                let slots = Int((end - start) / slotSeconds)
                var lowest = Double.infinity, valued = 0
                for i in 0..<slots {
                    if let v = series.value(at: start + Int64(i) * slotSeconds) {
                        valued += 1
                        lowest = Swift.min(lowest, v)
                    }
                }
                guard slots > 0, Double(valued) >= nightMinimumCoverage * Double(slots) else { return nil }
                guard lowest > minimum else { return nil }
                return AlertFinding(ts: start, condition: c, observed: lowest, threshold: minimum, slots: slots)
            }
            return nil
        case .offline(let n):
            guard let last = lastReadingTS else {
                return AlertFinding(ts: now, condition: c, observed: nil, threshold: Double(n), slots: n)
            }
            guard now > last else { return nil }
            // `last` may be any Int64: clamp so the subtraction cannot overflow (now is in the supported range).
            let elapsed = now - Swift.max(last, TelemetryCalendar.supportedTimestamps.lowerBound - 366 * 86_400)
            guard elapsed >= Int64(n) * slotSeconds else { return nil }
            return AlertFinding(ts: last, condition: c, observed: Double(elapsed) / Double(slotSeconds),
                                threshold: Double(n), slots: Int(elapsed / slotSeconds))
        case .qualityBelow(let threshold, let hours):
            guard let nowDay = TelemetryCalendar.day(of: now), let ds = TelemetryCalendar.dayStart(nowDay) else {
                return nil
            }
            let end = ds + (now - ds) / slotSeconds * slotSeconds
            let slots = hours * 3_600 / Int(slotSeconds)
            let start = end - Int64(slots) * slotSeconds
            var good = 0
            for i in 0..<slots {
                if let q = series.quality(at: start + Int64(i) * slotSeconds), q == .measured || q == .suspect {
                    good += 1
                }
            }
            let completeness = Double(good) / Double(slots)
            guard completeness < threshold else { return nil }
            return AlertFinding(ts: start, condition: c, observed: completeness, threshold: threshold, slots: slots)
        }
    }

    private static func run(_ series: SlotSeries, now: Int64, count n: Int, _ c: AlertCondition,
                            threshold: Double, _ test: (Double) -> Bool) -> AlertFinding? {
        var best: AlertFinding?
        var runStart: Int64 = 0, runLength = 0, peak = 0.0
        let above: Bool = { if case .above = c { return true } else { return false } }()
        func close() {
            if runLength >= n {
                best = AlertFinding(ts: runStart, condition: c, observed: peak, threshold: threshold, slots: runLength)
            }
            runLength = 0
        }
        var expected: Int64?
        series.forEach(endingBy: now) { ts, value in
            if expected != ts { close() }
            expected = ts + series.slotSeconds
            guard let v = value, test(v) else { close(); return }
            if runLength == 0 { runStart = ts; peak = v } else { peak = above ? Swift.max(peak, v) : Swift.min(peak, v) }
            runLength += 1
        }
        close()
        return best
    }
}

/// Day rows as one time-ordered slot series (lookups by ts; rows with a wrong slot count ignored).
struct SlotSeries {
    let rows: [MeterDay]
    let slotsPerDay: Int
    let slotSeconds: Int64

    init(days: [MeterDay], slotsPerDay: Int, slotSeconds: Int64) {
        rows = days.filter { $0.values.count == slotsPerDay && $0.quality.count == slotsPerDay
            && TelemetryCalendar.isSupported($0.day) }.sorted { $0.day < $1.day }
        self.slotsPerDay = slotsPerDay
        self.slotSeconds = slotSeconds
    }

    private func row(for ts: Int64) -> (MeterDay, Int)? {
        guard let d = TelemetryCalendar.day(of: ts), let start = TelemetryCalendar.dayStart(d) else { return nil }
        var lo = 0, hi = rows.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if rows[mid].day < d { lo = mid + 1 } else { hi = mid }
        }
        guard lo < rows.count, rows[lo].day == d else { return nil }
        return (rows[lo], Int((ts - start) / slotSeconds))
    }

    /// Value of the slot starting at ts, nil if absent or missing.
    func value(at ts: Int64) -> Double? {
        guard let (row, i) = row(for: ts), row.quality[i] != .missing, row.values[i].isFinite else { return nil }
        return row.values[i]
    }

    /// Quality of the slot starting at ts, nil if its day is absent.
    func quality(at ts: Int64) -> IntervalQuality? {
        guard let (row, i) = row(for: ts) else { return nil }
        return row.quality[i]
    }

    /// Every slot of the rows whose end is ≤ now, in time order: (slot start, value or nil if missing).
    func forEach(endingBy now: Int64, _ body: (Int64, Double?) -> Void) {
        for row in rows {
            guard let start = TelemetryCalendar.dayStart(row.day) else { continue }
            for i in 0..<slotsPerDay {
                let ts = start + Int64(i) * slotSeconds
                guard ts + slotSeconds <= now else { return }
                let v = row.values[i]
                body(ts, row.quality[i] != .missing && v.isFinite ? v : nil)
            }
        }
    }
}
