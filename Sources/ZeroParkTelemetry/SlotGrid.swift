import Foundation  // links the C math library (trunc/round) for consumers that import nothing else

/// The slot grid a cleaning run works on: the target days plus padding slots on each side (for the Hampel
/// window and for gap filling across the target edges). Slot k covers [start(k), start(k) + slotSeconds).
struct SlotGrid {
    let slotSeconds: Int64
    let slotsPerDay: Int
    let firstDay: Int32
    let dayCount: Int
    /// 00:00 CST of the first target day.
    let targetStart: Int64
    let padBefore: Int
    let padAfter: Int

    var targetSlots: Int { dayCount * slotsPerDay }
    var count: Int { padBefore + targetSlots + padAfter }
    var extStart: Int64 { targetStart - Int64(padBefore) * slotSeconds }
    var extEnd: Int64 { extStart + Int64(count) * slotSeconds }
    var targetEnd: Int64 { targetStart + Int64(targetSlots) * slotSeconds }

    func start(_ k: Int) -> Int64 { extStart + Int64(k) * slotSeconds }
    func isTarget(_ k: Int) -> Bool { k >= padBefore && k < padBefore + targetSlots }
    /// Whether [a, b] touches the target days.
    func overlapsTarget(_ a: Int64, _ b: Int64) -> Bool { a < targetEnd && b > targetStart }
    func tsInTarget(_ ts: Int64) -> Bool { ts >= targetStart && ts < targetEnd }

    /// Slot of day (0..<slotsPerDay) of grid slot k.
    func slotOfDay(_ k: Int) -> Int {
        let r = (k - padBefore) % slotsPerDay
        return r < 0 ? r + slotsPerDay : r
    }

    /// Offset of `ts` from the start of its CST day, in seconds (0..<86400).
    func secondOfDay(_ ts: Int64) -> Int64 {
        let r = (ts - targetStart) % TelemetryCalendar.secondsPerDay
        return r < 0 ? r + TelemetryCalendar.secondsPerDay : r
    }

    /// Cuts the extended arrays into the target MeterDay rows.
    func meterDays(values: [Double], quality: [IntervalQuality]) -> [MeterDay] {
        var out: [MeterDay] = []
        out.reserveCapacity(dayCount)
        for d in 0..<dayCount {
            let lo = padBefore + d * slotsPerDay
            out.append(MeterDay(day: firstDay + Int32(d), values: Array(values[lo..<(lo + slotsPerDay)]),
                                quality: Array(quality[lo..<(lo + slotsPerDay)])))
        }
        return out
    }

    /// Ceiling of the slots between two instants (0 if b ≤ a).
    func slotsBetween(_ a: Int64, _ b: Int64) -> Int {
        guard b > a else { return 0 }
        return Int((b - a + slotSeconds - 1) / slotSeconds)
    }
}

/// Short number text for event details ("12", "0.25", "999999.99").
func eventNumber(_ x: Double) -> String {
    if abs(x) < 1e15, let whole = Int64(exactly: x) { return String(whole) }
    return "\(x)"
}
