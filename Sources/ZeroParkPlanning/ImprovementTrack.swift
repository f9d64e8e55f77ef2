/// One year of the park's continuous improvement (STANDARD.md 1.1.14; issue #10 item 7): its area,
/// output value and counted emissions, and what follows from them — output per square metre and
/// emissions per 10,000 CNY of output. A planned year carries the pathway's emissions and, since a
/// plan does not forecast output, the latest recorded output and area, said as such (`heldFrom`).
public struct ImprovementYear: Sendable, Hashable {
    public var year: Int
    public var areaM2: Double
    public var outputValueCNY: Double?
    public var emissionsTco2: Double
    /// The year whose area and output a planned year holds; nil for a recorded year.
    public var heldFrom: Int?

    public init(year: Int, areaM2: Double, outputValueCNY: Double?, emissionsTco2: Double, heldFrom: Int? = nil) {
        self.year = year
        self.areaM2 = areaM2
        self.outputValueCNY = outputValueCNY
        self.emissionsTco2 = emissionsTco2
        self.heldFrom = heldFrom
    }

    /// CNY of output per m² of the park.
    public var outputPerM2: Double? {
        guard let output = outputValueCNY, areaM2 > 0 else { return nil }
        let value = output / areaM2
        return value.isFinite ? value : nil
    }

    /// tCO2 per 10,000 CNY of output.
    public var tco2Per10kCNY: Double? {
        guard let output = outputValueCNY, output > 0 else { return nil }
        let value = emissionsTco2 / (output / 10_000)
        return value.isFinite ? value : nil
    }
}

public enum ImprovementTrack {
    /// The recorded years, then the pathway's years after the last of them with the latest recorded
    /// area and output held.
    public static func track(recorded: [ImprovementYear], pathway: Pathway?) -> [ImprovementYear] {
        let history = recorded.sorted { $0.year < $1.year }
        guard let last = history.last, let pathway else { return history }
        let planned = pathway.years.filter { $0.year > last.year }.map { year in
            ImprovementYear(year: year.year, areaM2: last.areaM2, outputValueCNY: last.outputValueCNY, emissionsTco2: year.emissions,
                            heldFrom: last.year)
        }
        return history + planned
    }

    /// The relative change of a figure from one year to the next (nil without both or from zero).
    public static func change(_ from: Double?, _ to: Double?) -> Double? {
        guard let from, let to, from != 0 else { return nil }
        let value = (to - from) / abs(from)
        return value.isFinite ? value : nil
    }
}
