/// The Hampel spike test used on cleaned slot series (window ±3 slots).
///
/// Serves STANDARD.md 1.1.30 and 1.1.32 (cleaning with a documented, reproducible outlier rule).
///
/// A value x at slot k is a spike when, over the non-missing values in slots k−3…k+3 (x included, at least
/// `minimumValues` of them), with median m and MAD = median |v − m|:
///   |x − m| > 3 × 1.4826 × MAD  and  |x − m| > 0.5 × |m| + floor,
/// where floor = 0.05 raw units × the meter's multiplier (five counts of a 0.01 register).
/// The median uses a fixed 14-slot scratch buffer: no allocation per value.
enum HampelFilter {
    static let halfWindow = 3
    static let sigmas = 3.0
    static let madToSigma = 1.4826
    static let relativeMargin = 0.5
    static let floorRawUnits = 0.05
    static let minimumValues = 4

    /// Runs `body` with a scratch buffer for `isSpike` (stack-allocated when possible).
    static func withScratch<R>(_ body: (UnsafeMutableBufferPointer<Double>) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * windowSize) { buffer in body(buffer) }
    }

    static let windowSize = 2 * halfWindow + 1

    /// Whether values[k] is a spike. `values` holds NaN where a slot takes no part in the window.
    static func isSpike(_ values: UnsafeBufferPointer<Double>, at k: Int, floor: Double,
                        scratch: UnsafeMutableBufferPointer<Double>) -> Bool {
        let x = values[k]
        guard x.isFinite else { return false }
        let lo = Swift.max(0, k - halfWindow), hi = Swift.min(values.count - 1, k + halfWindow)
        // Fast exit, exact: the median m lies in [low, high], so |x − m| ≤ high − low and |m| ≥ the smallest
        // |t| on [low, high]; if high − low ≤ 0.5 × that + floor, the relative test below cannot pass.
        var low = x, high = x, count = 0
        for i in lo...hi {
            let v = values[i]
            guard v.isFinite else { continue }
            count += 1
            if v < low { low = v }
            if v > high { high = v }
        }
        guard count >= minimumValues else { return false }
        let smallestMagnitude = low > 0 ? low : high < 0 ? -high : 0
        if high - low <= relativeMargin * smallestMagnitude + floor { return false }
        var n = 0
        for i in lo...hi {
            let v = values[i]
            guard v.isFinite else { continue }
            insertSorted(v, into: scratch, base: 0, count: &n)
        }
        let m = median(scratch, 0, n)
        let d = abs(x - m)
        guard d > relativeMargin * abs(m) + floor else { return false }
        var nd = 0
        for i in 0..<n { insertSorted(abs(scratch[i] - m), into: scratch, base: windowSize, count: &nd) }
        let mad = median(scratch, windowSize, nd)
        return d > sigmas * madToSigma * mad
    }

    /// Median of the window around k (for event details); NaN if the window has too few values.
    static func windowMedian(_ values: UnsafeBufferPointer<Double>, at k: Int,
                             scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        let lo = Swift.max(0, k - halfWindow), hi = Swift.min(values.count - 1, k + halfWindow)
        var n = 0
        for i in lo...hi where values[i].isFinite { insertSorted(values[i], into: scratch, base: 0, count: &n) }
        return n > 0 ? median(scratch, 0, n) : .nan
    }

    @inline(__always)
    private static func insertSorted(_ v: Double, into buf: UnsafeMutableBufferPointer<Double>, base: Int,
                                     count n: inout Int) {
        var j = n
        while j > 0 && buf[base + j - 1] > v {
            buf[base + j] = buf[base + j - 1]
            j -= 1
        }
        buf[base + j] = v
        n += 1
    }

    @inline(__always)
    private static func median(_ buf: UnsafeMutableBufferPointer<Double>, _ base: Int, _ n: Int) -> Double {
        n % 2 == 1 ? buf[base + n / 2] : (buf[base + n / 2 - 1] + buf[base + n / 2]) / 2
    }
}
