import Foundation
import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// The shipped example park, read unchanged, accounted and checked against a hand computation.
struct ExampleParkTests {
    static func exampleText() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("examples/park-example.yaml"), encoding: .utf8)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1) }

    @Test("the example park file reads into the model")
    func reads() throws {
        let park = try ParkFileReader.read(yaml: try Self.exampleText())
        #expect(park.profile.id == "nansha-demo")
        #expect(park.profile.type == .industrialPark)
        #expect(park.profile.province == "guangdong")
        #expect(park.profile.areaM2 == 850_000)
        #expect(park.profile.outputValueCNY == 6.2e9)
        #expect(park.profile.boundaryEvidence.count == 2)
        #expect(park.period.start.description == "2025-01-01" && park.period.end.description == "2025-12-31")
        #expect(park.factors.map(\.id) == ["park.water_supply", "park.direct_line", "park.sludge_treatment"])
        #expect(park.fuels.first?.biogenic == true)
        #expect(park.sources.count == 11)
        #expect(park.sources[1].activity.monthly?.count == 12)
        #expect(park.sinks.count == 2)
        #expect(park.offsets.map(\.type) == [.phcer, .ccer, .fundedProject])
        #expect(park.offsets[0].retired?.description == "2026-03-15")
        #expect(park.sources[0].locations["activity.unit"]?.line == 56) // `activity: { quantity: 152.5, unit: 10^4 Nm3 }`
    }

    /// Hand computation for examples/park-example.yaml (period 2025 → grid vintage 2023):
    ///
    ///     boiler-gas     152.5 ×10^4 Nm3 × 389.31 GJ/10^4 Nm3 = 59,369.775 GJ
    ///                    × 15.3 tC/TJ = 908.3575575 tC × 0.99 = 899.273981925 tC × 44/12 = 3,297.337933725 tCO2
    ///     grid           3820+3410+3950+4020+4310+4650+4980+5010+4570+4180+3890+3900 = 50,690 MWh
    ///                    location-based × 0.4419 tCO2/MWh (广东 2023) = 22,399.911 tCO2;
    ///                    counted: the park claims green power (green-power), so under market_basis: residual the
    ///                    grid power is at the residual mix 0.6096 (2023): 50,690 × 0.6096 = 30,900.624 tCO2
    ///     direct-line    2,600 MWh × 0.392 = 1,019.2 tCO2 (park factor, override)
    ///     green-power    0 counted; location 12,000 × 0.4419 = 5,302.8
    ///     rooftop-pv     0 on both bases; avoided 6,800 × 0.4419 = 3,004.92 (reported apart)
    ///     steam          41,000 GJ × 0.11 = 4,510 tCO2
    ///     digester       310 ×10^3 Nm3 × 20 GJ/10^3 Nm3 = 6,200 GJ × 0.014 × 0.98 × 44/12 = 311.901333… biogenic, not counted
    ///     fleet-diesel   86.4 t × 42.652 GJ/t = 3,685.1328 GJ × 0.0202 = 74.43968256 tC × 0.98 = 72.9508889088 × 44/12 = 267.4865926656
    ///     chiller-leak   120 kg × 1,300 (AR5 HFC-134a) = 156 tCO2
    ///     water          920,000 t × 0.21 kgCO2/t = 193,200 kg = 193.2 tCO2
    ///     sludge         1,450 t × 0.35 = 507.5 tCO2
    ///     others         3,297.337933725 + 1,019.2 + 4,510 + 267.4865926656 + 156 + 193.2 + 507.5 = 9,950.7245263906
    ///     emissions      9,950.7245263906 + 30,900.624 = 40,851.3485263906
    ///     location       9,950.7245263906 + 22,399.911 + 5,302.8 (green power is grid-delivered) = 37,653.4355263906
    ///     sinks          12.6 ha × 10.5 = 132.3; CCUS 820 → 952.3
    ///     offsets        9,000 (PHCER, retired) + 15,000 (CCER, retired) + 2,400 (funded, verified) = 26,400
    ///                    ≤ cap 40,851.3485263906 − 952.3 = 39,899.0485263906 → all counted, no surplus
    ///     net            40,851.3485263906 − 952.3 − 26,400 = 13,499.0485263906 → not balanced
    ///     energy (tce)   gas 1,525,000 Nm3 × 1.33 kgce = 2,028.25; electricity (50,690+2,600+12,000+6,800) MWh × 0.1229 = 8,859.861;
    ///                    steam 41,000 × 0.03412 = 1,398.92; biogas 6,200 ÷ 29.3076 = 211.5492227…; diesel 86.4 × 1.4571 = 125.89344
    ///                    total 12,624.4736627…; clean = 18,800 × 0.1229 + 211.5492227 = 2,522.0692227 → share 0.19977619
    ///     tCO2/tce       40,851.3485263906 ÷ 12,624.4736627 = 3.23588528
    ///     energy system  3,297.337933725 + 30,900.624 + 1,019.2 = 35,217.161933725
    ///     910号 numerator  energy activity: gas 3,297.337933725 + grid 30,900.624 + direct line 1,019.2 + steam 4,510
    ///                    + diesel 267.4865926656 = 39,994.6485263906 (F-gas, water, sludge outside); ÷ 12,624.4736627
    ///                    = 3.16802540; class below 200,000 tce: no confirmed threshold
    @Test("the example park's inventory matches the hand computation")
    func inventory() throws {
        let inventory = try InventoryCalculator.compute(try ParkFileReader.read(yaml: try Self.exampleText()))
        let byID = Dictionary(uniqueKeysWithValues: inventory.sources.map { ($0.id, $0) })
        #expect(close(byID["boiler-gas"]?.tco2 ?? 0, 3297.337933725))
        #expect(close(byID["grid-electricity"]?.tco2 ?? 0, 30900.624))
        #expect(close(byID["grid-electricity"]?.locationBasedTco2 ?? 0, 22399.911))
        #expect(byID["grid-electricity"]?.electricity?.basis == .residualMix)
        #expect(close(byID["direct-line"]?.tco2 ?? 0, 1019.2))
        #expect(byID["direct-line"]?.factor?.overridden == true)
        #expect(byID["green-power"]?.tco2 == 0)
        #expect(close(byID["green-power"]?.locationBasedTco2 ?? 0, 5302.8))
        #expect(byID["rooftop-pv"]?.locationBasedTco2 == 0)
        #expect(close(byID["rooftop-pv"]?.avoidedTco2 ?? 0, 3004.92))
        #expect(close(inventory.avoidedTco2, 3004.92))
        #expect(close(byID["steam"]?.tco2 ?? 0, 4510))
        #expect(close(byID["digester"]?.biogenicTco2 ?? 0, 311.9013333333333))
        #expect(close(byID["fleet-diesel"]?.tco2 ?? 0, 267.4865926656))
        #expect(close(byID["chiller-leak"]?.tco2 ?? 0, 156))
        #expect(close(byID["water"]?.tco2 ?? 0, 193.2))
        #expect(close(byID["sludge"]?.tco2 ?? 0, 507.5))

        #expect(close(inventory.emissionsTco2, 40851.3485263906))
        #expect(close(inventory.locationBasedTco2, 37653.4355263906))
        #expect(close(inventory.biogenicTco2, 311.9013333333333))
        #expect(close(inventory.sequestrationTco2, 952.3))
        #expect(inventory.offsetsTco2 == 26_400)
        #expect(close(inventory.netTco2, 13499.0485263906))
        #expect(!inventory.balanced)
        #expect(close(inventory.consumptionTce, 12624.47366272721))
        #expect(close(inventory.cleanShare ?? 0, 0.1997761879113762))
        #expect(close(inventory.tco2PerTce ?? 0, 40851.3485263906 / 12624.47366272721))
        #expect(close(inventory.tco2PerM2 ?? 0, 40851.3485263906 / 850_000))
        #expect(close(inventory.tco2Per10kCNY ?? 0, 40851.3485263906 / 620_000))
        #expect(close(inventory.bySystem[.energy] ?? 0, 35217.161933725))
        #expect(close(inventory.indicator.energyActivityTco2, 39994.6485263906))
        #expect(close(inventory.indicator.value ?? 0, 39994.6485263906 / 12624.47366272721))
        #expect(inventory.indicator.scaleClass == .below200k)
        #expect(inventory.bySystem[.ecosystem] == 0)
        // Monthly: January 3,820 MWh × 0.6096 = 2,328.672 (only the grid source is monthly).
        #expect(inventory.monthly.count == 12)
        #expect(close(inventory.monthly[0].tco2, 2328.672))
        #expect(close(inventory.monthlyCoverage, 30900.624 / 40851.3485263906))
        // Shares of the seven systems sum to 1.
        #expect(close(EmissionSystem.allCases.reduce(0) { $0 + inventory.share(ofSystem: $1) }, 1))
    }

    @Test("the JSON document carries the contract's fields")
    func jsonContract() throws {
        let inventory = try InventoryCalculator.compute(try ParkFileReader.read(yaml: try Self.exampleText()))
        let data = try JSONEncoder().encode(InventoryDocument(inventory))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["format"] as? String == "zeropark.inventory/1")
        let totals = try #require(object["totals"] as? [String: Any])
        for key in ["emissions_tco2", "emissions_location_based_tco2", "biogenic_tco2", "sequestration_tco2", "offsets_tco2", "net_tco2", "balanced"] {
            #expect(totals[key] != nil, "totals.\(key)")
        }
        let systems = try #require(object["by_system"] as? [String: Double])
        #expect(Set(systems.keys) == Set(EmissionSystem.allCases.map(\.rawValue)))
        let sources = try #require(object["sources"] as? [[String: Any]])
        for key in ["id", "system", "method", "tco2", "share", "formula", "data_source", "factor"] {
            #expect(sources[0][key] != nil, "sources[0].\(key)")
        }
        let factor = try #require(sources[0]["factor"] as? [String: Any])
        for key in ["id", "value", "unit", "source", "overridden"] { #expect(factor[key] != nil, "factor.\(key)") }
        let sinks = try #require(object["sinks"] as? [[String: Any]])
        for key in ["id", "kind", "tco2", "share"] { #expect(sinks[0][key] != nil) }
        let offsets = try #require(object["offsets"] as? [[String: Any]])
        for key in ["id", "type", "tco2", "counted", "reason"] { #expect(offsets[0][key] != nil) }
        let energy = try #require(object["energy"] as? [String: Any])
        for key in ["consumption_tce", "clean_share", "tco2_per_tce"] { #expect(energy[key] != nil) }
        #expect(object["warnings"] is [[String: Any]])
        let period = try #require(object["period"] as? [String: String])
        #expect(period == ["start": "2025-01-01", "end": "2025-12-31"])
    }
}
