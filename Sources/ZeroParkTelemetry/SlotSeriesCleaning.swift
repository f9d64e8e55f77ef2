/// Cleaning of interval and instantaneous meters: values placed on the slot grid, range-checked,
/// Hampel-filtered, then holes filled.
///
/// Serves STANDARD.md 1.1.29–1.1.33 and 1.1.40 (pollutant and environmental monitoring points are
/// instantaneous meters with physical limits).
///
/// Interval meters:
/// 1. A reading's ts must be a slot start (on the grid); off-grid readings are dropped (event `glitch`).
///    Value = raw × multiplier; non-finite → dropped (event `glitch`).
/// 2. Range: below physicalMin or above physicalMax → replaced, `outOfRangeReplaced` (event `outOfRange`).
///    Without physicalMin, a negative value of a quantity that cannot be negative (everything except
///    temperature, power, other) is treated the same way (event `negativeInterval`).
/// 3. Spikes: the Hampel rule over the in-range values → replaced, `spikeReplaced` (event `spike`).
/// 4. Holes (runs of slots with no in-range, non-spike value) between two good values vL, vR:
///    - ≤ 4 slots: linear interpolation between the neighbours, `interpolated`;
///    - ≤ 7 days of slots: profile scaled to the neighbours' level, v = profile[slot] × (vL + vR) /
///      (profile[left] + profile[right]); linear if there is no profile or that ratio is not finite;
///      `profiled`;
///    - longer, or without a good value on both sides: `missing`.
///    Replaced slots keep their own flag (`spikeReplaced` / `outOfRangeReplaced`) when filled, and are
///    `missing` when their hole cannot be filled. A hole with a missing slot gives event `gapFilled`.
///
/// Instantaneous meters:
/// 1. Slot value = mean of the slot's finite, in-range readings (× multiplier), `measured`. Out-of-range
///    readings are dropped (one `outOfRange` event per slot, with the count).
/// 2. Spikes as for interval meters (replaced, `spikeReplaced`).
/// 3. Holes ≤ 4 slots interpolated linearly; longer holes stay `missing` (no profile filling).
enum SlotSeriesCleaning {
    private static let statusNone: UInt8 = 0, statusGood: UInt8 = 1, statusOutOfRange: UInt8 = 2,
                       statusSpike: UInt8 = 3

    static func cleanInterval(_ spec: MeterSpec, _ input: [RawReading], grid: SlotGrid, weights: [Double]?,
                              events: inout [MeterEvent]) -> ([Double], [IntervalQuality]) {
        var raw = [Double](repeating: .nan, count: grid.count)
        var status = [UInt8](repeating: statusNone, count: grid.count)
        let extStart = grid.extStart, extEnd = grid.extEnd, slotSeconds = grid.slotSeconds
        let (lo, hi, implicitZero) = bounds(spec)
        for r in input where r.ts >= extStart && r.ts < extEnd {
            let offset = r.ts - extStart
            guard offset % slotSeconds == 0 else {
                if grid.tsInTarget(r.ts) {
                    events.append(MeterEvent(ts: r.ts, kind: .glitch, detail:
                        .offGrid(value: r.value, intervalMinutes: spec.intervalMinutes)))
                }
                continue
            }
            let k = Int(offset / slotSeconds)
            let v = r.value * spec.multiplier
            guard v.isFinite else {
                if grid.tsInTarget(r.ts) {
                    events.append(MeterEvent(ts: r.ts, kind: .glitch, detail: .nonFinite(.interval)))
                }
                continue
            }
            raw[k] = v
            if let lo, v < lo {
                status[k] = statusOutOfRange
                if grid.tsInTarget(r.ts) {
                    events.append(implicitZero
                        ? MeterEvent(ts: r.ts, kind: .negativeInterval, detail:
                            .negativeInterval(value: v, quantity: spec.quantity.rawValue))
                        : MeterEvent(ts: r.ts, kind: .outOfRange, detail:
                            .belowMinimum(value: v, minimum: lo)))
                }
            } else if let hi, v > hi {
                status[k] = statusOutOfRange
                if grid.tsInTarget(r.ts) {
                    events.append(MeterEvent(ts: r.ts, kind: .outOfRange, detail:
                        .aboveMaximum(value: v, maximum: hi)))
                }
            } else {
                status[k] = statusGood
            }
        }
        return finish(spec, raw: &raw, status: &status, grid: grid, weights: weights, allowProfile: true,
                      events: &events)
    }

    static func cleanInstantaneous(_ spec: MeterSpec, _ input: [RawReading], grid: SlotGrid,
                                   events: inout [MeterEvent]) -> ([Double], [IntervalQuality]) {
        var sum = [Double](repeating: 0, count: grid.count)
        var count = [Int32](repeating: 0, count: grid.count)
        var status = [UInt8](repeating: statusNone, count: grid.count)
        let extStart = grid.extStart, extEnd = grid.extEnd, slotSeconds = grid.slotSeconds
        let (lo, hi, _) = bounds(spec)
        // Out-of-range readings of the current slot, reported once per slot.
        var droppedSlot = -1, droppedCount = 0, droppedFirst = 0.0
        func flushDropped() {
            guard droppedCount > 0, grid.isTarget(droppedSlot) else { droppedCount = 0; return }
            events.append(MeterEvent(ts: grid.start(droppedSlot), kind: .outOfRange, detail:
                .readingsOutOfRange(count: droppedCount, minimum: lo ?? -.infinity, maximum: hi ?? .infinity, first: droppedFirst)))
            droppedCount = 0
        }
        for r in input where r.ts >= extStart && r.ts < extEnd {
            let k = Int((r.ts - extStart) / slotSeconds)
            let v = r.value * spec.multiplier
            guard v.isFinite else {
                if grid.tsInTarget(r.ts) {
                    events.append(MeterEvent(ts: r.ts, kind: .glitch, detail: .nonFinite(.instantaneous)))
                }
                continue
            }
            if (lo.map { v < $0 } ?? false) || (hi.map { v > $0 } ?? false) {
                if droppedSlot != k { flushDropped(); droppedSlot = k; droppedFirst = v }
                droppedCount += 1
                if status[k] == statusNone { status[k] = statusOutOfRange }
                continue
            }
            sum[k] += v
            count[k] += 1
            status[k] = statusGood
        }
        flushDropped()
        var raw = [Double](repeating: .nan, count: grid.count)
        for k in 0..<grid.count where count[k] > 0 { raw[k] = sum[k] / Double(count[k]) }
        return finish(spec, raw: &raw, status: &status, grid: grid, weights: nil, allowProfile: false,
                      events: &events)
    }

    /// Effective range: explicit bounds, or 0 as the implicit minimum of a quantity that cannot be negative.
    private static func bounds(_ spec: MeterSpec) -> (lo: Double?, hi: Double?, implicitZero: Bool) {
        if let lo = spec.physicalMin { return (lo, spec.physicalMax, false) }
        return spec.quantity.allowsNegative ? (nil, spec.physicalMax, false) : (0, spec.physicalMax, true)
    }

    private static func finish(_ spec: MeterSpec, raw: inout [Double], status: inout [UInt8], grid: SlotGrid,
                               weights: [Double]?, allowProfile: Bool,
                               events: inout [MeterEvent]) -> ([Double], [IntervalQuality]) {
        let n = grid.count
        var values = [Double](repeating: .nan, count: n)
        var quality = [IntervalQuality](repeating: .missing, count: n)
        for k in 0..<n where status[k] == statusGood { values[k] = raw[k] }

        // Spikes: Hampel over the good values (values holds NaN elsewhere).
        let floor = HampelFilter.floorRawUnits * spec.multiplier
        var spikes: [Int] = []
        values.withUnsafeBufferPointer { vp in
            HampelFilter.withScratch { scratch in
                for k in 0..<n where status[k] == statusGood {
                    guard HampelFilter.isSpike(vp, at: k, floor: floor, scratch: scratch) else { continue }
                    spikes.append(k)
                    if grid.isTarget(k) {
                        let m = HampelFilter.windowMedian(vp, at: k, scratch: scratch)
                        events.append(MeterEvent(ts: grid.start(k), kind: .spike, detail:
                            .spikeReplaced(value: vp[k], median: m)))
                    }
                }
            }
        }
        for k in spikes {
            status[k] = statusSpike
            values[k] = .nan
        }
        for k in 0..<n where status[k] == statusGood { quality[k] = .measured }

        // Holes between good values.
        let maxInterp = MeterCleaner.maxInterpolatedIntervals
        let maxFill = MeterCleaner.maxFilledGapDays * grid.slotsPerDay
        var k = 0
        while k < n {
            if status[k] == statusGood { k += 1; continue }
            let s = k
            while k < n && status[k] != statusGood { k += 1 }
            let e = k, length = e - s
            guard s > 0, e < n else { continue }
            let canProfile = allowProfile && length <= maxFill
            guard length <= maxInterp || canProfile else { continue }
            let vL = values[s - 1], vR = values[e]
            var scale = Double.nan
            if length > maxInterp, let w = weights {
                let denom = w[grid.slotOfDay(s - 1)] + w[grid.slotOfDay(e)]
                scale = (vL + vR) / denom
            }
            let useProfile = length > maxInterp && scale.isFinite
            var plainMissing = false
            for i in s..<e {
                if useProfile, let w = weights {
                    values[i] = w[grid.slotOfDay(i)] * scale
                } else {
                    values[i] = vL + (vR - vL) * (Double(i - s + 1) / Double(length + 1))
                }
                switch status[i] {
                case statusSpike: quality[i] = .spikeReplaced
                case statusOutOfRange: quality[i] = .outOfRangeReplaced
                default:
                    quality[i] = length > maxInterp ? .profiled : .interpolated
                    plainMissing = true
                }
            }
            if plainMissing && grid.overlapsTarget(grid.start(s), grid.start(e)) {
                events.append(MeterEvent(ts: grid.start(s), kind: .gapFilled, detail:
                    .gapFilled(slots: length, byProfile: useProfile, left: vL, right: vR)))
            }
        }
        return (values, quality)
    }
}
