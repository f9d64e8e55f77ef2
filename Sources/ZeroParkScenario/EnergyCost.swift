import Foundation
import ZeroParkInput
import ZeroParkTariff

/// The electricity bill of the park's metered grid import under the park's own tariff — monitoring
/// cost: energy by time-of-use period (kWh, CNY, average price), each CST month's maximum demand and
/// demand charge, the total. The same `Tariff` object and expansion the optimisation uses, so the
/// monitored cost and the optimiser's baseline are priced alike.
///
/// Serves STANDARD.md 1.1.36 (energy cost managed with the tariff), 1.1.20(e) (peak–valley prices) and
/// 1.1.8 / 1.1.31 (monitoring that shows what energy costs, not only what it emits).
public struct EnergyCostReport: Sendable {
    public let tariff: Tariff
    public let expansion: TariffExpansion
    public let horizon: ScenarioHorizon
    public let meters: [String]
    public let breakdown: TariffCostBreakdown

    public var citations: [TariffCitation] { expansion.versionsUsed.compactMap { tariff.versions[$0].citation } }
}

/// Reads the park's tariff section and prices a metered import series with it. Pure.
///
/// Serves STANDARD.md 1.1.36 and 1.1.20(e).
public enum EnergyCost {
    /// The `tariff` section alone (the body of `PUT /api/v1/parks/{park}/tariff`, and what is stored).
    public static func readTariff(json: JSONValue.Located) throws(InputError) -> ScenarioTariff {
        var r = NodeReader()
        let tariff = ScenarioTariffReader.read(ScenarioNode(json: json), &r)
        if !r.problems.isEmpty { throw InputError(r.problems) }
        guard let tariff else {
            throw InputError(InputProblem(code: "invalid_value", field: "tariff", zh: "不是电价设置", en: "not a tariff section"))
        }
        return tariff
    }

    /// Checks that the tariff can price `day` (every parameter it needs there is given).
    public static func check(_ tariff: ScenarioTariff, on day: CivilDate) throws(InputError) {
        do { _ = try ScenarioAssembly.expand(tariff, horizon: ScenarioHorizon(start: day, hours: 24, stepMinutes: 60)) } catch {
            throw InputError(error.problems)
        }
    }

    /// The bill of `importKW` (mean kW per step of `horizon`, ≥ 0).
    public static func price(_ tariff: ScenarioTariff, horizon: ScenarioHorizon, importKW: [Double],
                             meters: [String]) throws(InputError) -> EnergyCostReport {
        let built: (Tariff, TariffExpansion)
        do { built = try ScenarioAssembly.expand(tariff, horizon: horizon) } catch { throw InputError(error.problems) }
        do {
            let breakdown = try built.1.cost(importKW: importKW.map { max(0, $0) })
            return EnergyCostReport(tariff: built.0, expansion: built.1, horizon: horizon, meters: meters, breakdown: breakdown)
        } catch {
            throw InputError(ScenarioAssembly.tariffProblem(error))
        }
    }
}

/// The JSON form of monitoring cost (`zeropark.energy-cost/1`): the period, the meters, the tariff and
/// its citations, energy by period, the months' maximum demand and demand charge, the total.
///
/// Serves STANDARD.md 1.1.36 and 1.1.2(d) (an exact, published result).
public struct EnergyCostDocument: Encodable, Sendable {
    struct Period: Encodable, Sendable {
        let period, name_zh: String
        let import_kwh, energy_cny: Double
        let average_price_cny_per_kwh: Double?
    }
    struct Month: Encodable, Sendable {
        let month: String
        let import_kwh, energy_cny, max_demand_kw, demand_charge_rate_cny_per_kw, demand_charge_cny: Double
        let max_demand_at_cst: String?
    }
    public let format = "zeropark.energy-cost/1"
    let from: String
    let days: Int
    let step_minutes: Int
    let meters: [String]
    let tariff_id: String
    let tariff_name: String
    let tariff_citations: [DispatchDocument.Citation]
    let by_period: [Period]
    let months: [Month]
    let import_kwh, energy_cny, demand_charge_cny, total_cny: Double
    let average_price_cny_per_kwh: Double?

    public init(_ r: EnergyCostReport) {
        let b = r.breakdown, h = r.horizon
        from = h.start.description
        days = h.hours / 24
        step_minutes = h.stepMinutes
        meters = r.meters
        tariff_id = r.tariff.id
        tariff_name = r.tariff.name
        tariff_citations = r.citations.map {
            DispatchDocument.Citation(document: $0.document, title: $0.title, urls: $0.urls, confirmed: $0.confirmed, unconfirmed: $0.unconfirmed)
        }
        by_period = TariffPeriod.allCases.sorted { $0.rank > $1.rank }.compactMap { p in
            guard let kwh = b.importKWhByPeriod[p] else { return nil }
            let cny = b.energyCostByPeriod[p] ?? 0
            return Period(period: p.rawValue, name_zh: p.chineseName, import_kwh: kwh, energy_cny: cny,
                          average_price_cny_per_kwh: kwh > 0 ? cny / kwh : nil)
        }
        months = b.months.map {
            Month(month: $0.month.description, import_kwh: $0.importKWh, energy_cny: $0.energyCostCNY, max_demand_kw: $0.maxDemandKW,
                  demand_charge_rate_cny_per_kw: $0.demandChargeRate, demand_charge_cny: $0.demandChargeCNY,
                  max_demand_at_cst: $0.maxDemandStep.map { SeriesCSV.cst(h.instant(ofStep: $0)) })
        }
        import_kwh = b.importKWh
        energy_cny = b.energyCostCNY
        demand_charge_cny = b.demandChargeCNY
        total_cny = b.energyCostCNY + b.demandChargeCNY
        average_price_cny_per_kwh = b.importKWh > 0 ? (b.energyCostCNY + b.demandChargeCNY) / b.importKWh : nil
    }

    public func json() throws -> String { try StudyJSON.encode(self) }
}
