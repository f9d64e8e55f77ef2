import Foundation
import Testing
import ZeroParkClp
import ZeroParkInput
import ZeroParkOptimisation
import ZeroParkTariff
@testable import ZeroParkScenario

/// Assembly and a hand-computed 24-hour dispatch (issue #9 item 3).
struct AssemblyTests {
    /// 24 hourly steps on Monday 2025-03-03 (no critical peak in March), Guangdong 331号 with the cited
    /// example base 0.6725 CNY/kWh: peak 1.1433 (10–12, 14–19: 7 h), flat 0.6725 (8–10, 12–14, 19–24: 9 h),
    /// valley 0.2556 (0–8: 8 h). A flat 100 kW load, no PV, no demand charge.
    ///
    /// Baseline energy = 100 × (7 × 1.1433 + 9 × 0.6725 + 8 × 0.2556) = 100 × (8.0031 + 6.0525 + 2.0448) = 1,610.04 CNY.
    ///
    /// Battery 100 kWh, 100 kW both ways, η = 1 each way, SoC 0…100 kWh, start 0 kWh, end ≥ start, no cycle cost.
    /// Two cycles pay: charge 100 kWh in the valley (100 × 0.2556 = 25.56) and discharge it in the morning peak
    /// (saves 100 × 1.1433 = 114.33): 88.77; recharge in the midday flat hours (100 × 0.6725 = 67.25) and discharge
    /// in the afternoon peak (saves 114.33): 47.08. Optimised energy = 1,610.04 − 88.77 − 47.08 = 1,474.19 CNY,
    /// saving 135.85 CNY. (With η = 1 and no cycle cost, simultaneous charge and discharge costs nothing, so the
    /// solver may report more equivalent cycles than the two that matter; only "at least 2" is checked.)
    @Test func handComputedDay() async throws {
        let yaml = """
        zeropark_dispatch: 1
        tariff: {id: cn-gd-tou-2021-331, base_price_cny_per_kwh: 0.6725}
        horizon: {start: 2025-03-03, hours: 24, step_minutes: 60}
        load: {values: [\(Array(repeating: "100", count: 24).joined(separator: ", "))], unit: kW}
        battery: {capacity_kwh: 100, max_charge_kw: 100, max_discharge_kw: 100, charge_efficiency: 1, discharge_efficiency: 1}
        carbon: {grid_factor: grid.guangdong, vintage: 2023}
        """
        let scenario = try ScenarioReader.read(yaml: yaml)
        let series = try await ScenarioSeries.resolve(scenario, from: FileSeriesSource(baseDirectory: .init(fileURLWithPath: "/")))
        let assembled = try ScenarioAssembly.assemble(scenario, series: series)
        #expect(assembled.problem.importPrice[0] == 0.2556)
        #expect(assembled.problem.importPrice[10] == 1.1433)
        #expect(assembled.problem.importPrice[8] == 0.6725)
        #expect(assembled.problem.export == nil)
        #expect(assembled.gridFactor?.value == 0.4419)
        let outcome = try ScenarioRunner(solver: ClpSolver()).run(assembled)
        let report = outcome.report
        #expect(abs(report.baseline.cost.total - 1_610.04) < 1e-6)
        #expect(abs(report.optimised.cost.total - 1_474.19) < 1e-6)
        #expect(abs(report.saving - 135.85) < 1e-6)
        #expect(report.optimised.batteryCycles >= 2 - 1e-6)
        // Same energy imported (η = 1), so the same tonnes: 2.4 MWh × 0.4419.
        #expect(abs(report.baseline.importTonnesCO2 - 2.4 * 0.4419) < 1e-9)
        let csv = ScheduleCSV.render(outcome, chinese: true)
        #expect(csv.hasPrefix("时间(北京时间),时段,"))
        #expect(csv.components(separatedBy: "\r\n").count == 26)
        let json = try DispatchDocument(outcome).json()
        #expect(json.contains("\"format\" : \"zeropark.dispatch/1\""))
        #expect(json.contains("粤发改价格〔2021〕331号"))
    }

    @Test func missingBasePriceNamesTheField() async throws {
        let yaml = """
        zeropark_dispatch: 1
        tariff: {id: cn-gd-tou-2021-331}
        horizon: {start: 2025-03-03, hours: 2, step_minutes: 60}
        load: {values: [1, 1], unit: kW}
        """
        let scenario = try ScenarioReader.read(yaml: yaml)
        let series = ScenarioSeries(loadKW: [1, 1], pvKW: [0, 0])
        do { _ = try ScenarioAssembly.assemble(scenario, series: series); Issue.record("expected a problem") } catch {
            #expect(error.kind == .input)
            #expect(error.problems.first?.field.hasPrefix("tariff.") == true)
        }
    }

    @Test func wrongLengthInlineSeries() async throws {
        let yaml = """
        zeropark_dispatch: 1
        tariff: {id: cn-gd-tou-2021-331, base_price_cny_per_kwh: 0.6725}
        horizon: {start: 2025-03-03, hours: 3, step_minutes: 60}
        load: {values: [1, 1], unit: kW}
        """
        let scenario = try ScenarioReader.read(yaml: yaml)
        do {
            _ = try await ScenarioSeries.resolve(scenario, from: FileSeriesSource(baseDirectory: .init(fileURLWithPath: "/")))
            Issue.record("expected wrong_length")
        } catch {
            #expect(error.first?.code == "wrong_length")
            #expect(error.first?.field == "load.values")
        }
    }

    @Test func infeasibleScenarioNamesTheFamily() throws {
        let yaml = """
        zeropark_dispatch: 1
        tariff: {id: cn-gd-tou-2021-331, base_price_cny_per_kwh: 0.6725}
        horizon: {start: 2025-03-03, hours: 2, step_minutes: 60}
        load: {values: [500, 500], unit: kW}
        grid: {import_limit_kw: 100}
        """
        let scenario = try ScenarioReader.read(yaml: yaml)
        let assembled = try ScenarioAssembly.assemble(scenario, series: ScenarioSeries(loadKW: [500, 500], pvKW: [0, 0]))
        do { _ = try ScenarioRunner(solver: ClpSolver()).run(assembled); Issue.record("expected infeasible") } catch {
            #expect(error.kind == .infeasible)
            #expect(error.problems.first?.code.hasPrefix("infeasible_") == true)
        }
    }
}
