import Foundation
import Testing
@testable import ZeroParkTariff

struct DefinitionTests {
    static let builtIns = [BuiltInTariffs.guangdong331, BuiltInTariffs.jiangsu426(effectiveFrom: day(2025, 6, 1)),
                           BuiltInTariffs.zhejiang21(effectiveFrom: day(2024, 1, 1))]

    @Test("every built-in passes validation and round-trips through snake_case JSON unchanged", arguments: builtIns)
    func builtInsRoundTrip(tariff: Tariff) throws {
        let def = TariffDefinition(tariff)
        #expect(def.problems().isEmpty)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(def)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"effective_from\"") && text.contains("\"pricing\""))
        let back = try JSONDecoder().decode(TariffDefinition.self, from: json)
        #expect(try back.makeTariff() == tariff)
    }

    static func valid() -> TariffDefinition {
        TariffDefinition(id: "park-a", name: "园区 A", versions: [
            .init(effectiveFrom: "2024-01-01", effectiveTo: "2024-12-31",
                  seasons: [.init(name: "all", months: Array(1...12), periods: [
                    .init(period: "valley", from: "00:00", to: "08:00"),
                    .init(period: "flat", from: "08:00", to: "10:00"),
                    .init(period: "peak", from: "10:00", to: "12:00"),
                    .init(period: "flat", from: "12:00", to: "24:00"),
                  ])],
                  pricing: .init(kind: "absolute", pricesCNYPerKWh: ["valley": 0.3, "flat": 0.6, "peak": 1.0])),
        ])
    }

    /// (code, field) of each problem.
    func found(_ d: TariffDefinition) -> [String] { d.problems().map { "\($0.code) \($0.field)" } }

    @Test("the valid base definition has no problems")
    func validBase() throws {
        #expect(Self.valid().problems().isEmpty)
        let t = try Self.valid().makeTariff()
        #expect(t.versions.first?.effectiveTo == day(2024, 12, 31))
    }

    @Test("hours out of range and reversed spans name the field")
    func badTimes() {
        var d = Self.valid()
        d.versions[0].seasons[0].periods[1].to = "25:00"
        d.versions[0].seasons[0].periods[2].from = "12:00"   // 12:00–12:00
        let f = found(d)
        #expect(f.contains("invalid_time versions[0].seasons[0].periods[1].to"))
        #expect(f.contains("empty_or_reversed_span versions[0].seasons[0].periods[2].to"))
    }

    @Test("overlapping and uncovered minutes of a day")
    func coverage() {
        var d = Self.valid()
        d.versions[0].seasons[0].periods[2].from = "09:30"            // peak 09:30–12:00 overlaps flat 08:00–10:00
        d.versions[0].seasons[0].periods[3].from = "12:15"            // 12:00–12:15 uncovered
        let problems = d.problems()
        #expect(problems.map(\.field).contains("versions[0].seasons[0].periods[2]"))
        let gap = problems.first { $0.code == "uncovered_minutes" }
        #expect(gap?.field == "versions[0].seasons[0].periods")
        #expect(gap?.en.contains("12:00–12:15") == true)
        #expect(gap?.zh.hasPrefix("未覆盖") == true)
        #expect(gap?.message(chinese: true).hasPrefix("versions[0].seasons[0].periods 未覆盖") == true)
    }

    @Test("unknown period names, negative prices, months out of 1–12, uncovered months")
    func namesPricesMonths() {
        var d = Self.valid()
        d.versions[0].seasons[0].periods[0].period = "shoulder"
        d.versions[0].pricing.pricesCNYPerKWh = ["valley": -0.1, "flat": 0.6, "peak": 1.0]
        d.versions[0].seasons[0].months = [1, 2, 3, 13]
        let f = found(d)
        #expect(f.contains("unknown_period versions[0].seasons[0].periods[0].period"))
        #expect(f.contains("negative versions[0].pricing.prices_cny_per_kwh.valley"))
        #expect(f.contains("month_out_of_range versions[0].seasons[0].months[3]"))
        #expect(f.contains("uncovered_months versions[0].seasons"))
    }

    @Test("overlapping effective dates: the later version is named")
    func versionOverlap() {
        var d = Self.valid()
        var second = d.versions[0]
        second.effectiveFrom = "2024-07-01"
        second.effectiveTo = nil
        d.versions.append(second)
        #expect(found(d) == ["overlapping_versions versions[1].effective_from"])
        d.versions[1].effectiveFrom = "2025-01-01"
        #expect(d.problems().isEmpty)
        d.versions[1].effectiveTo = "2024-12-31"
        #expect(found(d) == ["ends_before_start versions[1].effective_to"])
    }

    @Test("ratios: non-positive, missing a period used by the schedule, no base is allowed (caller supplies it)")
    func ratios() throws {
        var d = Self.valid()
        d.versions[0].pricing = .init(kind: "ratios", userClasses: [.init(userClass: "all", ratios: ["valley": 0, "flat": 1])])
        let f = found(d)
        #expect(f.contains("ratio_not_positive versions[0].pricing.user_classes[0].ratios.valley"))
        #expect(f.contains("missing_period_price versions[0].pricing.user_classes[0].ratios"))
        d.versions[0].pricing = .init(kind: "ratios", userClasses: [.init(userClass: "all", ratios: ["valley": 0.4, "flat": 1, "peak": 1.6])])
        let t = try d.makeTariff()
        #expect(throws: TariffError.basePriceRequired(tariff: "park-a", version: day(2024, 1, 1))) {
            try t.resolvedPrices(on: day(2024, 3, 1), parameters: TariffParameters())
        }
    }

    @Test("demand charge over 1000, unknown pricing kind, both export prices, empty id")
    func ranges() {
        var d = Self.valid()
        d.id = ""
        d.versions[0].demandChargeCNYPerKWMonth = 2_000
        d.versions[0].export = .init(priceCNYPerKWh: 0.4, pricesCNYPerKWh: ["flat": 0.4])
        #expect(found(d) == ["invalid_id id", "out_of_range versions[0].demand_charge_cny_per_kw_month", "export_price_choice versions[0].export"])
        d.versions[0].pricing.kind = "tiered"
        #expect(found(d).contains("unknown_pricing_kind versions[0].pricing.kind"))
    }

    @Test("makeTariff throws every problem; critical peak with no months and no designated days is refused")
    func throwsAll() {
        var d = Self.valid()
        d.versions[0].criticalPeak = .init(months: [], spans: [.init(from: "11:00", to: "12:00")])
        d.versions[0].pricing.pricesCNYPerKWh?["critical"] = 1.2
        #expect(found(d) == ["empty versions[0].critical_peak.months"])
        do {
            _ = try d.makeTariff()
            Issue.record("expected a TariffDefinitionError")
        } catch {
            #expect(error.problems.count == 1)
        }
    }

    @Test("JSON with a string where a number belongs fails decoding (type errors are the file reader's)")
    func decodeTypeError() {
        let json = #"{"id":"x","name":"x","versions":[{"effective_from":"2024-01-01","seasons":[],"pricing":{"kind":"absolute","base_cny_per_kwh":"cheap"}}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(TariffDefinition.self, from: Data(json.utf8)) }
    }
}
