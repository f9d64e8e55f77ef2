/// Sequestration by the park's sinks (STANDARD.md 1.1.4(a)):
///
///     greenery: S = area × rate(tCO2/area/yr) × period(yr)     (1.1.27)
///
/// The greenery calculation prints the area in the unit the rate is per (ha, 亩, m2, ...).
///     ccus:     S = verified captured tCO2                       (1.1.26, 1.1.28; GB/T 33760)
enum SinkAccounting {
    static func account(_ sink: CarbonSink, period: AccountingPeriod) throws -> SinkAccount {
        func issue(_ field: String, _ code: String, _ message: String, zh: String) -> ParkIssue {
            ParkIssue(code: code, field: "sinks[\(sink.id)].\(field)", message: message, zh: zh, location: sink.locations[field])
        }
        switch sink.kind {
        case let .greenery(areaM2, rate):
            let area = Quantity(areaM2, .squareMetre)
            let years = Quantity(period.years, QuantityUnit(symbol: "yr", scale: 1, dimension: PhysicalDimension(time: 1)))
            let tco2: Double
            do { tco2 = try (area * rate * years).value(in: .tonneCO2) } catch {
                throw issue("rate.unit", "unit_mismatch",
                            "greenery rate in \(rate.unit.symbol) must be CO2 mass per area per year (e.g. tCO2/ha/yr)",
                            zh: "绿地固碳速率的单位 \(rate.unit.symbol) 应为每单位面积每年的 CO2 质量（如 tCO2/ha/yr）")
            }
            // The area is printed in the area unit of the rate (亩 for tCO2/亩/yr, ha for tCO2/ha/yr), so
            // the printed product is the one computed; m2 as given when the rate names no area unit.
            let areaUnit = rateAreaUnit(rate.unit) ?? .squareMetre
            let shownArea = (try? QuantityUnit.squareMetre.convert(areaM2, to: areaUnit)) ?? areaM2
            let calculation = calculationText(["\(Quantity.format(shownArea)) \(areaUnit.symbol)", "\(rate)",
                                               "\(Quantity.format(period.years)) yr"], result: tco2)
            return SinkAccount(id: sink.id, name: sink.name, kind: "greenery", tco2: tco2,
                               formula: "S = A × R × T", calculation: calculation, source: sink.source)
        case let .ccus(captured, verification):
            let tco2: Double
            do { tco2 = try captured.value(in: .tonneCO2) } catch {
                throw issue("captured.unit", "unit_mismatch", "captured CO2 in \(captured.unit.symbol) must be a CO2 mass (tCO2)",
                            zh: "捕集的 CO2 单位 \(captured.unit.symbol) 应为 CO2 质量（tCO2）")
            }
            return SinkAccount(id: sink.id, name: sink.name, kind: "ccus", tco2: tco2, formula: "S = captured (verified)",
                               calculation: "\(captured) = \(Quantity.format(tco2)) tCO2", source: verification ?? sink.source)
        }
    }

    /// The area unit in the rate's denominator (`亩` in `tCO2/亩/yr`, `ha` in `tCO2/ha/yr`), if it names one.
    static func rateAreaUnit(_ unit: QuantityUnit) -> QuantityUnit? {
        let parts = unit.symbol.split(separator: "/").dropFirst()
            .flatMap { $0.split(whereSeparator: { $0 == "·" || $0 == "*" }) }
            .map { String($0).trimmingSpaces() }
        for part in parts {
            if let atom = try? QuantityUnit.parse(part), atom.dimension == .areaDimension { return atom }
        }
        return nil
    }
}
