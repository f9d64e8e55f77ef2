import Foundation
import Testing
import ZeroParkClp
import ZeroParkForecast
import ZeroParkInput
import ZeroParkOptimisation
import ZeroParkTariff
@testable import ZeroParkScenario

/// The scenario's `sizing:` and `rolling:` studies (issue #9 items 4–6 made runnable; #10 item 3): the
/// sections' reading and refusals (field named), the sizing run's hand-checked PV row and its plan
/// measures, and rolling operation on a weekly-periodic series (perfect seasonal-naive forecasts), which
/// must reach the perfect-foresight optimum.
struct ScenarioStudiesTests {
    static func values(_ xs: [Double]) -> String { "[" + xs.map { String($0) }.joined(separator: ", ") + "]" }

    /// 24 h from 2025-07-14 (a Monday): load 100 kW flat; the existing PV (100 kWp) gives 0.5 kW/kWp from
    /// 10:00 to 15:00 (5 steps), 0 otherwise.
    static let pvDay: [Double] = (0..<24).map { (10..<15).contains($0) ? 50 : 0 }
    /// The head both fixtures share: Guangdong on its cited base, 24 h from 2025-07-14, load and PV in kW.
    static func head(_ name: String, load: [Double], pv: [Double]) -> String {
        """
        zeropark_dispatch: 1
        name: \(name)
        tariff:
          id: cn-gd-tou-2021-331
          base_price_cny_per_kwh: 0.6725
        horizon:
          start: 2025-07-14
          hours: 24
          step_minutes: 60
        load:
          values: \(values(load))
          unit: kW
        pv:
          values: \(values(pv))
          unit: kW
        """
    }

    static func sizingYAML(_ sizing: String, extra: String = "") -> String {
        head("sizing test", load: [Double](repeating: 100, count: 24), pv: pvDay) + "\n" + """
        carbon:
          grid_factor: grid.guangdong
          vintage: 2023
        \(extra)
        sizing:
        \(sizing)
        """
    }
    static let pvCandidate = """
          discount_rate: 0.05
          pv:
            max_kwp: 100
            reference_kwp: 100
            capex_cny_per_kwp: 1
            om_cny_per_kwp_year: 0
            lifetime_years: 25
        """

    @Test func readsTheSectionsAndExtendsTheSeriesBackByTheHistory() throws {
        let s = try ScenarioReader.read(yaml: Self.sizingYAML(Self.pvCandidate))
        let pv = try #require(s.sizing?.pv)
        #expect(pv.maxKWp == 100 && pv.referenceKWp == 100 && pv.capexCNYPerKWp == 1 && pv.lifetimeYears == 25)
        #expect(s.sizing?.discountRate == 0.05)
        #expect(s.seriesHorizon == s.horizon && s.historySteps == 0)
        let rolling = try ScenarioReader.read(yaml: RollingFixture.yaml(horizonHours: 24))
        // 7 days of history before 2025-07-14: the series start on 2025-07-07 and carry 168 more steps.
        #expect(rolling.seriesHorizon.start == CivilDate(year: 2025, month: 7, day: 7))
        #expect(rolling.historySteps == 168)
        #expect(rolling.rolling?.loadMethod == .seasonalNaive)
    }

    @Test(arguments: [
        // A cost is never defaulted.
        ("discount_rate: 0.05\npv:\n  max_kwp: 100\n  reference_kwp: 100\n  om_cny_per_kwp_year: 0\n  lifetime_years: 25", "",
         "sizing.pv.capex_cny_per_kwp"),
        // A PV series in kW needs the kWp behind it.
        ("discount_rate: 0.05\npv:\n  max_kwp: 100\n  capex_cny_per_kwp: 1\n  om_cny_per_kwp_year: 0\n  lifetime_years: 25", "",
         "sizing.pv.reference_kwp"),
        // Sizing does not plan an existing battery yet.
        (pvCandidate.split(separator: "\n").map { String($0.dropFirst(2)) }.joined(separator: "\n"), "battery:\n  capacity_kwh: 100\n  max_charge_kw: 50\n  max_discharge_kw: 50", "battery"),
        // Nothing to size.
        ("discount_rate: 0.05", "", "sizing.pv"),
        // Out of range.
        ("discount_rate: 0.5\npv:\n  max_kwp: 100\n  reference_kwp: 100\n  capex_cny_per_kwp: 1\n  om_cny_per_kwp_year: 0\n  lifetime_years: 25",
         "", "sizing.discount_rate"),
    ])
    func refusesABadSizingSectionNamingTheField(sizing: String, extra: String, field: String) {
        let yaml = Self.sizingYAML("  " + sizing.replacingOccurrences(of: "\n", with: "\n  "), extra: extra)
        do {
            _ = try ScenarioReader.read(yaml: yaml)
            Issue.record("accepted a bad sizing section: \(field)")
        } catch {
            #expect(error.problems.contains { $0.field == field }, "\(error.problems.map(\.field))")
        }
    }

    @Test func refusesABadRollingSectionNamingTheField() {
        for (replace, with, field) in [("pv_forecast: seasonal_naive", "pv_forecast: clear_sky", "rolling.latitude"),
                                       ("horizon_hours: 24", "horizon_hours: 500", "rolling.horizon_hours"),
                                       ("history_days: 7", "history_days: 3", "rolling.history_days"),
                                       ("commit_steps: 1", "commit_steps: 1\n  no_such_key: 1", "rolling.no_such_key")] {
            do {
                _ = try ScenarioReader.read(yaml: RollingFixture.yaml(horizonHours: 24).replacingOccurrences(of: replace, with: with))
                Issue.record("accepted \(with)")
            } catch {
                #expect(error.problems.contains { $0.field == field }, "\(field): \(error.problems.map(\.field))")
            }
        }
    }

    /// Hand example. The new PV's profile is the existing PV ÷ 100 kWp: 0.5 kW/kWp for 5 hours. Its capex
    /// is 1 CNY/kWp, so the LP fills the bound, 100 kWp. Every kWh it makes is used on site (existing +
    /// new PV = 100 kW ≤ load 100 kW), so the import it avoids is 100 × 0.5 × 5 = 250 kWh a day, × 365 =
    /// 91.25 MWh a year, and 91.25 MWh × 0.4419 t/MWh (grid.guangdong 2023) = 40.323375 tCO2 a year.
    @Test func sizingRowAndItsPlanMeasureFollowTheHandExample() async throws {
        let scenario = try ScenarioReader.read(yaml: Self.sizingYAML(Self.pvCandidate))
        let outcome = try await ScenarioStudies(solver: ClpSolver()).size(scenario, source: FileSeriesSource(baseDirectory: URL(fileURLWithPath: "/")))
        #expect(abs(outcome.report.pvKWp - 100) < 1e-6)
        let row = try #require(outcome.report.abatementOptions.first)
        #expect(row.kind == .pv)
        #expect(abs(row.importReductionMWhPerYear - 91.25) < 1e-6)
        #expect(abs(row.tonnesCO2PerYear - 40.323375) < 1e-6)
        #expect(outcome.startYear == 2026)   // the year after the horizon's
        let yaml = PlanMeasureExport.yaml(outcome)
        #expect(yaml.contains("category: rooftop_pv"))
        #expect(yaml.contains("electricity_mwh: 91.25\n"))
        #expect(yaml.contains("capex_cny: 100\n"))
        #expect(yaml.contains("lifetime_years: 25\n"))
        let document = try SizingDocument(outcome).json()
        #expect(document.contains("\"format\" : \"zeropark.sizing/1\""))
    }

    /// Load and PV repeat week after week, so the seasonal-naive forecasts (same hour last week) are
    /// exact: rolling operation then plans on the truth, each window reaching the horizon's end, and by
    /// the principle of optimality the realised cost is the perfect-foresight cost.
    @Test func rollingOnPerfectForecastsReachesThePerfectForesightOptimum() async throws {
        let scenario = try ScenarioReader.read(yaml: RollingFixture.yaml(horizonHours: 24))
        let outcome = try await ScenarioStudies(solver: ClpSolver()).roll(scenario, source: FileSeriesSource(baseDirectory: URL(fileURLWithPath: "/")))
        let r = outcome.report
        #expect(r.solves == 24)
        #expect(abs(r.costGap) <= 1e-6 * abs(r.perfectForesight.cost.total))
        let load = try #require(outcome.loadBacktest)
        #expect(load.days == 1 && load.metrics.mae == 0)
        let baseline = try #require(r.baseline)
        #expect(baseline.cost.total > r.realisedCost.total)   // the battery earns on the peak–valley spread
        #expect(try RollingDocument(outcome).json().contains("\"format\" : \"zeropark.rolling/1\""))
    }
}

/// A weekly-periodic 8-day series (7 days of history + 1 day) for rolling operation.
enum RollingFixture {
    static func day(_ d: Int) -> [Double] { (0..<24).map { h in (8..<18).contains(h) ? 300 + Double(d % 7) * 10 : 120 } }
    static func pv(_ d: Int) -> [Double] { (0..<24).map { h in (9..<16).contains(h) ? 80 : 0 } }
    static func yaml(horizonHours: Int) -> String {
        ScenarioStudiesTests.head("rolling test", load: (0..<8).flatMap(day), pv: (0..<8).flatMap(pv)) + "\n" + """
        battery:
          capacity_kwh: 200
          max_charge_kw: 100
          max_discharge_kw: 100
          min_soc: 0.1
          initial_soc: 0.5
        rolling:
          horizon_hours: \(horizonHours)
          commit_steps: 1
          history_days: 7
          load_forecast: seasonal_naive
          pv_forecast: seasonal_naive
        """
    }
}
