import Foundation

extension SVGChart {
    /// A value axis a person can read (issue #12 defect 6: charts showed only their largest value): round
    /// ticks from 0 in steps of 1, 2 or 5 × 10ⁿ, the axis top the first tick at or above the largest
    /// value, each tick a faint grid line with its label in one unit (万 or k and so on, as the top needs),
    /// and the unit above the axis.
    struct ValueAxis {
        /// Tick values from 0 to `top`, in the chart's units.
        let ticks: [Double]
        /// The value drawn at the top of the plot (≥ the largest value).
        let top: Double
        /// The distance between two ticks (the top itself when there are only 0 and the top).
        let step: Double

        /// About `count` steps up to `maximum` (finite, > 0); a maximum so large that a round top would
        /// overflow keeps `maximum` itself as the top, with 0 and it as the only ticks.
        init(maximum: Double, count: Int = 4) {
            guard maximum.isFinite, maximum > 0 else {
                ticks = [0]
                top = 1
                step = 1
                return
            }
            let raw = maximum / Double(max(count, 1))
            let power = pow(10, (log10(raw)).rounded(.down))
            let fraction = raw / power
            let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
            let step = nice * power
            let steps = (maximum / step - 1e-9).rounded(.up)
            let roundTop = steps * step
            guard power.isFinite, power > 0, step.isFinite, roundTop.isFinite, steps >= 1, steps <= 20 else {
                ticks = [0, maximum]
                top = maximum
                self.step = maximum
                return
            }
            ticks = (0...Int(steps)).map { Double($0) * step }
            top = roundTop
            self.step = step
        }

        /// A tick's label: every tick in the unit the top needs (亿, 万 on Chinese pages; M, k elsewhere), with
        /// as many decimals as the step needs; from 10¹⁵ on the scientific form of `compact`.
        func label(_ tick: Double, scale: Double) -> String {
            let value = tick * scale, topValue = top * scale, stepValue = step * scale
            guard value.isFinite, topValue.isFinite, stepValue.isFinite, abs(topValue) < NumberText.scientificThreshold else {
                return compact(tick, times: scale)
            }
            if tick == 0 { return "0" }
            let (divisor, suffix): (Double, String)
            switch (chineseNumbers, topValue) {
            case (true, 100_000_000...): (divisor, suffix) = (100_000_000, "亿")
            case (true, 10_000...): (divisor, suffix) = (10_000, "万")
            case (false, 1_000_000...): (divisor, suffix) = (1_000_000, "M")
            case (false, 10_000...): (divisor, suffix) = (1_000, "k")
            default: (divisor, suffix) = (1, "")
            }
            let unitStep = stepValue / divisor
            let decimals = unitStep >= 1 ? 0 : min(6, Int((-log10(unitStep)).rounded(.up)))
            return FixedText.fixed(value / divisor, decimals: decimals) + suffix
        }

        /// Grid lines and labels for a plot whose value 0 is at `bottom` and `top` at `plotTop`; `scale`
        /// multiplies a tick for its label (charts that draw in units of their peak), `unit` is written
        /// above the axis.
        func svg(left: Double, width: Double, plotTop: Double, bottom: Double, scale: Double = 1, unit: String) -> String {
            var out = ""
            for tick in ticks {
                let y = bottom - (bottom - plotTop) * (tick / top)
                if tick > 0 {
                    out += "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + width))\" y2=\"\(n(y))\" stroke=\"#e3e8e5\"/>"
                }
                out += "<text x=\"\(n(left - 4))\" y=\"\(n(y + 4))\" text-anchor=\"end\" font-size=\"11\" fill=\"#333\">\(escape(label(tick, scale: scale)))</text>"
            }
            out += "<line x1=\"\(n(left))\" y1=\"\(n(plotTop))\" x2=\"\(n(left))\" y2=\"\(n(bottom))\" stroke=\"#999\"/>"
            if !unit.isEmpty {
                out += "<text x=\"\(n(left))\" y=\"\(n(plotTop - 6))\" font-size=\"11\" fill=\"#5b6b61\">\(escape(unit))</text>"
            }
            return out
        }
    }

    /// A month's label on a chart axis: 1月 … 12月 in Chinese, Jan … Dec in English; anything outside
    /// 1–12 as the number itself.
    public static func monthLabel(_ month: Int, chinese: Bool) -> String {
        guard (1...12).contains(month) else { return String(month) }
        return chinese ? "\(month)月" : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }
}
