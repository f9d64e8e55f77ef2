/// Sequestration by the park's sinks (STANDARD.md 1.1.4(a)):
///
///     greenery: S = area(ha) × rate(tCO2/ha/yr) × period(yr)     (1.1.27)
///     ccus:     S = verified captured tCO2                       (1.1.26, 1.1.28; GB/T 33760)
enum SinkAccounting {
    static func account(_ sink: CarbonSink, period: AccountingPeriod) throws -> SinkAccount {
        func issue(_ field: String, _ code: String, _ message: String) -> ParkIssue {
            ParkIssue(code: code, field: "sinks[\(sink.id)].\(field)", message: message, location: sink.locations[field])
        }
        switch sink.kind {
        case let .greenery(areaM2, rate):
            let area = Quantity(areaM2, .squareMetre)
            let years = Quantity(period.years, QuantityUnit(symbol: "yr", scale: 1, dimension: PhysicalDimension(time: 1)))
            let tco2: Double
            do { tco2 = try (area * rate * years).value(in: .tonneCO2) } catch {
                throw issue("rate.unit", "unit_mismatch",
                            "greenery rate in \(rate.unit.symbol) must be CO2 mass per area per year (e.g. tCO2/ha/yr)")
            }
            let hectares = areaM2 / 10_000
            let calculation = calculationText(["\(Quantity.format(hectares)) ha", "\(rate)", "\(Quantity.format(period.years)) yr"], result: tco2)
            return SinkAccount(id: sink.id, name: sink.name, kind: "greenery", tco2: tco2,
                               formula: "S = A × R × T", calculation: calculation, source: sink.source)
        case let .ccus(captured, verification):
            let tco2: Double
            do { tco2 = try captured.value(in: .tonneCO2) } catch {
                throw issue("captured.unit", "unit_mismatch", "captured CO2 in \(captured.unit.symbol) must be a CO2 mass (tCO2)")
            }
            return SinkAccount(id: sink.id, name: sink.name, kind: "ccus", tco2: tco2, formula: "S = captured (verified)",
                               calculation: "\(captured) = \(Quantity.format(tco2)) tCO2", source: verification ?? sink.source)
        }
    }
}
