import Foundation
import Testing
import ZeroParkInput
import ZeroParkTariff
@testable import ZeroParkScenario

/// Scenario parsing and validation: field paths, lines and columns, hostile input (issue #9 item 3).
struct ScenarioReaderTests {
    static let minimal = """
    zeropark_dispatch: 1
    name: test
    tariff:
      id: cn-gd-tou-2021-331
      base_price_cny_per_kwh: 0.6725
    horizon:
      start: 2025-03-03
      hours: 24
      step_minutes: 60
    load:
      values: [100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100]
      unit: kW
    """

    @Test func readsMinimalScenario() throws {
        let scenario = try ScenarioReader.read(yaml: Self.minimal)
        #expect(scenario.name == "test")
        #expect(scenario.horizon.stepCount == 24)
        #expect(scenario.tariff.parameters.basePriceCNYPerKWh == 0.6725)
        guard case .values(let values) = scenario.load.origin else { Issue.record("values expected"); return }
        #expect(values.count == 24)
    }

    @Test func problemsNameFieldLineAndColumn() {
        let yaml = """
        zeropark_dispatch: 1
        tariff:
          id: cn-xx-unknown
        horizon:
          start: 2025-13-01
          hours: 24
          step_minutes: 30
        load:
          csv: load.csv
          unit: MW
        battery:
          capacity_kwh: -5
          max_charge_kw: 100
          max_discharge_kw: 100
          charge_efficency: 0.9
        """
        do {
            _ = try ScenarioReader.read(yaml: yaml)
            Issue.record("expected problems")
        } catch {
            let byField = Dictionary(error.problems.map { ($0.field, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(byField["tariff.id"]?.code == "unknown_tariff")
            #expect(byField["tariff.id"]?.line == 3)
            #expect(byField["tariff.id"]?.column == 7)
            #expect(byField["horizon.start"]?.line == 5)
            #expect(byField["horizon.step_minutes"]?.code == "invalid_value")
            #expect(byField["load.unit"]?.code == "invalid_value")
            #expect(byField["battery.capacity_kwh"]?.code == "out_of_range")
            #expect(byField["battery.capacity_kwh"]?.line == 12)
            #expect(byField["battery.charge_efficency"]?.code == "unknown_field")
            #expect(error.problems.allSatisfy { !$0.zh.isEmpty && !$0.en.isEmpty })
        }
    }

    @Test func aliasBombAndSizeAreRefused() {
        var bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...8 { bomb += "b\(i): &b\(i) [" + Array(repeating: i == 1 ? "*a" : "*b\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(throws: InputError.self) { try ScenarioReader.read(yaml: bomb) }
        let big = String(repeating: "#", count: ScenarioReader.maxBytes + 1)
        do { _ = try ScenarioReader.read(yaml: big); Issue.record("expected too_large") } catch { #expect(error.first?.code == "too_large") }
    }

    @Test func nonFiniteNumbersAreRefused() {
        let yaml = Self.minimal.replacingOccurrences(of: "base_price_cny_per_kwh: 0.6725", with: "base_price_cny_per_kwh: .nan")
        do { _ = try ScenarioReader.read(yaml: yaml); Issue.record("expected a problem") } catch {
            #expect(error.first?.field == "tariff.base_price_cny_per_kwh")
            #expect(error.first?.code == "wrong_type")
        }
    }

    @Test func jiangsuNeedsEffectiveDate() {
        let yaml = Self.minimal.replacingOccurrences(of: "cn-gd-tou-2021-331", with: "cn-js-tou-2025-426")
        do { _ = try ScenarioReader.read(yaml: yaml); Issue.record("expected a problem") } catch {
            #expect(error.problems.contains { $0.field == "tariff.effective_from" })
        }
    }

    @Test func inlineDefinitionProblemsHaveLines() {
        let yaml = """
        zeropark_dispatch: 1
        tariff:
          definition:
            id: park-own
            name: 园区自定义
            versions:
              - effective_from: 2025-01-01
                seasons:
                  - name: all
                    months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
                    periods:
                      - {period: flat, from: "00:00", to: "25:00"}
                pricing: {kind: absolute, prices_cny_per_kwh: {flat: 0.7}}
        horizon: {start: 2025-03-03, hours: 24, step_minutes: 60}
        load: {values: [1], unit: kW}
        """
        do { _ = try ScenarioReader.read(yaml: yaml); Issue.record("expected a problem") } catch {
            let problem = error.problems.first { $0.field.hasPrefix("tariff.definition.versions[0].seasons[0].periods[0]") }
            #expect(problem != nil)
            #expect(problem?.line == 12)
        }
    }

    @Test func csvSeriesChecksLengthAndLines() throws {
        let horizon = ScenarioHorizon(start: try #require(CivilDate(year: 2025, month: 3, day: 3)), hours: 4, stepMinutes: 60)
        #expect(try SeriesCSV.parse("\u{FEFF}value\n1\n2\n3\n4\n", field: "load.csv", horizon: horizon) == [1, 2, 3, 4])
        do { _ = try SeriesCSV.parse("1\n2\n3\n", field: "load.csv", horizon: horizon); Issue.record("short") } catch {
            #expect(error.first?.code == "wrong_length")
        }
        do { _ = try SeriesCSV.parse("1\n2\nx\n4\n", field: "load.csv", horizon: horizon); Issue.record("bad") } catch {
            #expect(error.first?.line == 3)
        }
        let stamped = "ts,value\n2025-03-02 23:00,9\n2025-03-03 00:00,1\n2025-03-03 01:00,2\n2025-03-03T02:00:00+08:00,3\n2025-03-03 03:00,4\n2025-03-03 04:00,9\n"
        #expect(try SeriesCSV.parse(stamped, field: "load.csv", horizon: horizon) == [1, 2, 3, 4])
        do { _ = try SeriesCSV.parse("ts,value\n2025-03-03 00:00,1\n2025-03-03 02:00,2\n", field: "pv.csv", horizon: horizon); Issue.record("gap") } catch {
            #expect(error.first?.code == "missing_steps")
        }
    }

    @Test func jsonScenarioReadsTheSameKeys() throws {
        let json = #"{"zeropark_dispatch": 1, "tariff": {"id": "cn-gd-tou-2021-331", "base_price_cny_per_kwh": 0.6725},"#
            + #" "horizon": {"start": "2025-03-03", "hours": 2, "step_minutes": 60}, "load": {"values": [1, 2], "unit": "kW"},"#
            + #" "battery": {"capacity_kwh": 10, "max_charge_kw": 5, "max_discharge_kw": 5, "end_soc": "equals_start"}}"#
        let scenario = try ScenarioReader.read(json: try JSONValue.parse(Array(json.utf8)))
        #expect(scenario.battery?.end == .equalsStart)
        let bad = json.replacingOccurrences(of: #""hours": 2"#, with: #""hours": 9000"#)
        do { _ = try ScenarioReader.read(json: try JSONValue.parse(Array(bad.utf8))); Issue.record("bad") } catch {
            #expect(error.first?.field == "horizon.hours")
            #expect(error.first?.line == 1)
        }
    }
}
