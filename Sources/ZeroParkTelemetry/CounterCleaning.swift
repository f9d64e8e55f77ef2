/// Cleaning of cumulative (counter) meters.
///
/// Serves STANDARD.md 1.1.29 and 1.1.32 (energy derived from registers exactly: conserved across gaps,
/// rollovers and replacements; never lumped, never fabricated as 0).
///
/// Rules, in order:
/// 1. Non-finite readings are dropped (event `glitch`).
/// 2. Glitch: an interior reading r[i] (previous kept reading p, next reading n) is dropped (event `glitch`)
///    when r[i] > n ≥ p (a single reading above both neighbours breaking monotonicity) or, symmetrically,
///    when r[i] < p ≤ n (a single dip, e.g. a 0 from a communication error, that the counter climbs back over).
/// 3. Each pair of consecutive kept readings (t0, r0), (t1, r1) is a segment with energy E = delta × multiplier:
///    - r1 ≥ r0: delta = r1 − r0;
///    - r1 < r0 and counterModulus M set and r0 ≥ 0.9 × M: rollover, delta = r1 + M − r0 (event `rollover`);
///    - any other drop: reset (meter replacement), the new counter starts at 0: delta = max(r1, 0) (event `reset`).
/// 4. The segment's length L = t1 − t0 in intervals I (tolerance τ = 10 % of I) decides how its energy is
///    spread over the slots it overlaps:
///    - L ≤ I + τ: pro rata by time; slots covered only by such segments are `measured` (this includes
///      misaligned readings one interval apart, prorated);
///    - L ≤ 4I + τ: pro rata by time (even spread), slots `interpolated` (event `gapFilled`);
///    - L ≤ 7 days + τ: in proportion to the profile (weights max(0, profile[slot of day]) integrated over
///      time), or evenly if there is no profile or its weight over the gap is 0; slots `profiled`
///      (event `gapFilled`);
///    - longer: not filled; every slot touching it is `missing`.
///    A slot's value is the sum of its overlaps' shares, so Σ slots = Σ E exactly (up to rounding): the
///    gap's energy is spread over the gap, never lumped into the first interval after it. A slot not fully
///    inside [first reading, last reading] is `missing`. The quality of a slot is the worst of its segments.
/// 5. Spikes: the Hampel rule (`HampelFilter`) over the slot series flags `measured` slots as `suspect`
///    (value kept, energy conserved; event `spike`).
/// 6. Range: a `measured` slot outside [physicalMin, physicalMax] is flagged `suspect` (value kept; event
///    `outOfRange`).
enum CounterCleaning {
    private static let kindMeasured: UInt8 = 0, kindInterpolated: UInt8 = 1, kindProfiled: UInt8 = 2,
                       kindUnfilled: UInt8 = 3

    static func clean(_ spec: MeterSpec, _ input: [RawReading], grid: SlotGrid, weights: [Double]?,
                      events: inout [MeterEvent]) -> ([Double], [IntervalQuality]) {
        let slotSeconds = grid.slotSeconds
        let mult = spec.multiplier

        // 1–2. Finite readings, glitches dropped.
        var kept: [RawReading] = []
        kept.reserveCapacity(input.count)
        var finite: [RawReading] = []
        finite.reserveCapacity(input.count)
        for r in input {
            if r.value.isFinite { finite.append(r); continue }
            if grid.tsInTarget(r.ts) {
                events.append(MeterEvent(ts: r.ts, kind: .glitch, detail: .nonFinite(.counter)))
            }
        }
        let finiteCount = finite.count
        for i in 0..<finiteCount {
            let cur = finite[i]
            if let prev = kept.last, i + 1 < finiteCount {
                let next = finite[i + 1].value
                let high = cur.value > next && next >= prev.value
                let low = cur.value < prev.value && next >= prev.value
                if high || low {
                    if grid.tsInTarget(cur.ts) {
                        events.append(MeterEvent(ts: cur.ts, kind: .glitch, detail:
                            .counterGlitch(value: cur.value, above: high, previous: prev.value, next: next)))
                    }
                    continue
                }
            }
            kept.append(cur)
        }

        var values = [Double](repeating: .nan, count: grid.count)
        var quality = [IntervalQuality](repeating: .missing, count: grid.count)
        let segmentCount = kept.count - 1
        guard segmentCount >= 1 else { return (values, quality) }

        // 3–4. Segments: energy, kind, profile weight.
        let tolerance = Int64(Double(slotSeconds) * MeterCleaner.timingToleranceFraction)
        let maxInterp = Int64(MeterCleaner.maxInterpolatedIntervals) * slotSeconds + tolerance
        let maxFill = Int64(MeterCleaner.maxFilledGapDays) * TelemetryCalendar.secondsPerDay + tolerance
        let w: [Double]? = weights.map { $0.map { Swift.max(0, $0) } }
        var energy = [Double](repeating: 0, count: segmentCount)
        var kind = [UInt8](repeating: 0, count: segmentCount)
        var segWeight = [Double](repeating: 0, count: segmentCount)
        for s in 0..<segmentCount {
            let a = kept[s], b = kept[s + 1]
            var delta = b.value - a.value
            let touches = grid.overlapsTarget(a.ts, b.ts)
            if delta < 0 {
                if let m = spec.counterModulus, a.value >= (1 - MeterCleaner.rolloverWindowFraction) * m {
                    delta = Swift.max(0, b.value + m - a.value)
                    if touches {
                        events.append(MeterEvent(ts: b.ts, kind: .rollover, detail:
                            .rollover(modulus: m, from: a.value, to: b.value, delta: delta)))
                    }
                } else {
                    delta = Swift.max(0, b.value)
                    if touches {
                        events.append(MeterEvent(ts: b.ts, kind: .reset, detail:
                            .reset(from: a.value, to: b.value, delta: delta)))
                    }
                }
            }
            energy[s] = delta * mult
            let length = b.ts - a.ts
            let k: UInt8 = length <= slotSeconds + tolerance ? kindMeasured
                : length <= maxInterp ? kindInterpolated
                : length <= maxFill ? kindProfiled : kindUnfilled
            kind[s] = k
            if k == kindProfiled, let w {
                segWeight[s] = weightIntegral(w, from: a.ts, to: b.ts, grid: grid)
            }
            if (k == kindInterpolated || k == kindProfiled) && touches {
                let intervals = Double(length) / Double(slotSeconds)
                let spread: MeterEventDetail.Spread = k == kindInterpolated ? .evenly
                    : segWeight[s] > 0 && segWeight[s].isFinite ? .byProfile : .evenlyNoProfile
                events.append(MeterEvent(ts: a.ts, kind: .gapFilled, detail:
                    .counterGap(intervals: intervals, energy: energy[s], spread: spread)))
            }
        }

        // Slot sweep: each slot sums the shares of the segments it overlaps.
        let firstTs = kept[0].ts, lastTs = kept[segmentCount].ts
        var j = 0
        for k in 0..<grid.count {
            let a = grid.start(k), b = a + slotSeconds
            guard a >= firstTs, b <= lastTs else { continue }
            while j < segmentCount && kept[j + 1].ts <= a { j += 1 }
            var sum = 0.0
            var worst: UInt8 = 0
            var s = j
            while s < segmentCount && kept[s].ts < b {
                let x0 = Swift.max(a, kept[s].ts), x1 = Swift.min(b, kept[s + 1].ts)
                let sk = kind[s]
                if sk == kindUnfilled { worst = kindUnfilled; break }
                if sk > worst { worst = sk }
                if sk == kindProfiled, let w, segWeight[s] > 0, segWeight[s].isFinite {
                    sum += energy[s] * (weightIntegral(w, from: x0, to: x1, grid: grid) / segWeight[s])
                } else {
                    sum += energy[s] * (Double(x1 - x0) / Double(kept[s + 1].ts - kept[s].ts))
                }
                s += 1
            }
            switch worst {
            case kindMeasured: quality[k] = .measured
            case kindInterpolated: quality[k] = .interpolated
            case kindProfiled: quality[k] = .profiled
            default: continue
            }
            values[k] = sum
        }

        // 5–6. Hampel spikes and range on measured slots: flagged suspect, value kept.
        let floor = HampelFilter.floorRawUnits * mult
        values.withUnsafeBufferPointer { vp in
            HampelFilter.withScratch { scratch in
                for k in 0..<grid.count where quality[k] == .measured {
                    guard HampelFilter.isSpike(vp, at: k, floor: floor, scratch: scratch) else { continue }
                    quality[k] = .suspect
                    if grid.isTarget(k) {
                        let m = HampelFilter.windowMedian(vp, at: k, scratch: scratch)
                        events.append(MeterEvent(ts: grid.start(k), kind: .spike, detail:
                            .counterSpike(delta: vp[k], median: m)))
                    }
                }
            }
        }
        for k in 0..<grid.count where quality[k] == .measured {
            let v = values[k]
            let low = spec.physicalMin.map { v < $0 } ?? false
            let high = spec.physicalMax.map { v > $0 } ?? false
            guard low || high else { continue }
            quality[k] = .suspect
            if grid.isTarget(k) {
                events.append(MeterEvent(ts: grid.start(k), kind: .outOfRange, detail:
                    .counterOutOfRange(delta: v, minimum: spec.physicalMin ?? -.infinity, maximum: spec.physicalMax ?? .infinity)))
            }
        }
        return (values, quality)
    }

    /// ∫ w(slot of day(t)) dt over [from, to), w piecewise constant per slot of the CST day.
    static func weightIntegral(_ w: [Double], from: Int64, to: Int64, grid: SlotGrid) -> Double {
        var t = from
        var acc = 0.0
        let slotSeconds = grid.slotSeconds
        while t < to {
            let sod = grid.secondOfDay(t)
            let inSlot = sod % slotSeconds
            let end = Swift.min(to, t - inSlot + slotSeconds)
            acc += w[Int(sod / slotSeconds)] * Double(end - t)
            t = end
        }
        return acc
    }
}
