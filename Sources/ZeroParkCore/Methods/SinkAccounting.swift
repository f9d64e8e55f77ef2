/// Sequestration by the park's sinks (STANDARD.md 1.1.4(a)):
///
///     greenery: S = area × rate(tCO2/area/yr) × period(yr)     (1.1.27)
///
/// The greenery calculation prints the area in the unit the rate is per (ha, 亩, m2, ...).
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
                throw issue("captured.unit", "unit_mismatch", "captured CO2 in \(captured.unit.symbol) must be a CO2 mass (tCO2)")
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

/// Which offsets count (STANDARD.md 1.1.4(b), 1.1.7, 1.1.34): CCER and PHCER credits only when
/// retired; funded, own and co-developed projects only with a commitment of at least 3 years.
/// Local credits are marked (1.1.7 prefers them).
enum OffsetRules {
    static let minimumCommitmentYears = 3

    static func account(_ offset: CarbonOffset) throws -> (OffsetAccount, AccountingWarning?) {
        let tco2: Double
        do { tco2 = try offset.quantity.value(in: .tonneCO2) } catch {
            throw ParkIssue(code: "unit_mismatch", field: "offsets[\(offset.id)].quantity.unit",
                            message: "offset quantity in \(offset.quantity.unit.symbol) must be a CO2 mass (tCO2)",
                            location: offset.locations["quantity.unit"])
        }
        var counted = true
        var reason: String
        var warning: AccountingWarning?
        if offset.type.isCredit {
            if let retired = offset.retired {
                reason = "retired \(retired)" + (offset.registryRef.map { " (\($0))" } ?? "")
            } else {
                counted = false
                reason = "not retired: only retired credits count"
                warning = AccountingWarning(code: "offset_not_retired",
                                            message: "\(offset.id): \(offset.type.rawValue) credits are not retired and are not counted",
                                            clause: "1.1.7", subject: offset.id)
            }
        } else {
            let years = offset.commitmentYears ?? 0
            if years >= minimumCommitmentYears {
                reason = "project with a \(years)-year commitment"
            } else {
                counted = false
                reason = offset.commitmentYears == nil
                    ? "no operating commitment: at least \(minimumCommitmentYears) years required"
                    : "commitment of \(years) years: at least \(minimumCommitmentYears) years required"
                warning = AccountingWarning(code: "offset_commitment_too_short",
                                            message: "\(offset.id): \(reason); not counted",
                                            clause: "1.1.34", subject: offset.id)
            }
        }
        let account = OffsetAccount(id: offset.id, name: offset.name, type: offset.type, tco2: tco2, counted: counted,
                                    reason: reason, local: offset.local, vintage: offset.vintage,
                                    registryRef: offset.registryRef)
        return (account, warning)
    }
}
