import Foundation
import Testing
@testable import ZeroParkCommands

/// `zeropark plan` run as a user runs it on the example park and measures file (issue #10 item 8).
struct PlanCommandTests {
    let cli = CommandLineTests()
    var plan: String { CommandLineTests.root.appendingPathComponent("examples/plan-example.yaml").path }

    @Test("the example plan: measures by abatement cost from the park's own factors, offsets local first")
    func example() throws {
        let json = try cli.run(["plan", CommandLineTests.example, "--measures", plan, "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(document["format"] as? String == "zeropark.plan/1" && document["base_year"] as? Int == 2025)
        let measures = try #require(document["measures"] as? [[String: Any]])
        // Reductions by MAC: PV −502.73 CNY/t before the boiler's −323.63 CNY/t; then the greenery sink.
        #expect(measures.map { $0["id"] as? String } == ["rooftop-pv", "boiler-upgrade", "green-belt-extension"])
        // PV: 2,400 MWh of grid electricity counted at the residual mix 0.6096 tCO2/MWh (30,900.624 t ÷ 50,690 MWh)
        // = 1,463.04 tCO2 a year. CRF(8 %, 25) = 0.0936788; 7,200,000 × 0.0936788 + 90,000 − 1,500,000 = −735,512.79 CNY;
        // MAC = −735,512.79 / 1,463.04 = −502.729 CNY/t.
        let pv = measures[0]
        #expect(abs((pv["tonnes_per_year"] as? Double ?? 0) - 1_463.04) < 1e-6)
        #expect(abs((pv["mac_cny_per_tonne"] as? Double ?? 0) + 502.729106) < 1e-5)
        // Boiler: 0.15 × 3,297.3379 tCO2 × 1.02² (its start year 2027 at +2 % a year) = 514.5826 tCO2.
        #expect(abs((measures[1]["tonnes_per_year"] as? Double ?? 0) - 514.582558) < 1e-5)
        // The greenery extension gives no costs: no MAC, all four named.
        #expect(measures[2]["mac_cny_per_tonne"] == nil && (measures[2]["missing"] as? [String])?.count == 4)
        // 2030, the first offset year: the local PHCER (2,000 t available) is bought before national CCER.
        let years = try #require(document["years"] as? [[String: Any]])
        let y2030 = try #require(years.first { $0["year"] as? Int == 2030 })
        let offsets = try #require(y2030["offsets"] as? [[String: Any]])
        #expect(offsets.map { $0["option"] as? String } == ["phcer", "ccer"] && offsets.first?["tonnes"] as? Double == 2_000)
        #expect(abs(y2030["net_tco2"] as? Double ?? 1) < 1e-6 && document["balance_year"] as? Int == 2030)
        // Shares and difficulty (1.1.3(c)): grid power 30,900.6 of 40,851.35 t = 75.6 %, low; the boiler's gas is
        // medium by the rule and one step easier because its measure saves more than it costs (MAC −323.63 CNY/t).
        let sources = try #require(document["sources"] as? [[String: Any]])
        let gas = try #require(sources.first { $0["id"] as? String == "boiler-gas" })
        #expect(gas["difficulty"] as? String == "low" && ((gas["reasons"] as? [[String: Any]])?.compactMap { $0["code"] as? String }) == ["fuel", "pays_back"])
        let steam = try #require(sources.first { $0["id"] as? String == "steam" })
        #expect(steam["difficulty"] as? String == "medium" && (steam["technologies"] as? [String])?.contains("waste_heat") == true)
        let table = try cli.run(["plan", CommandLineTests.example, "--measures", plan])
        #expect(table.status == 0 && table.stdout.contains("碳中和路径") && table.stdout.contains("厂房屋顶光伏 (rooftop-pv)"))
        #expect(table.stdout.contains("未给出全部成本、无法计算边际成本：green-belt-extension"))
        #expect(table.stdout.contains("减排难度与经济性") && table.stdout.contains("外购蒸汽 (steam)"))
        #expect(try cli.run(["plan", CommandLineTests.example, "--measures", plan, "--lang", "en"]).stdout.contains("Neutrality pathway"))
    }

    @Test("a wrong measures file: every problem with its field, line and column; exit 1")
    func problems() throws {
        let path = try cli.temporaryFile("""
            zeropark_plan: 1
            target_year: 2030
            discount_rate: 0.08
            bau_growth: 0.02
            colour: blue
            measures:
              - id: m1
                name: x
                category: rooftop_pv
                fraction: 2
                start_year: 2026
              - id: m2
                name: y
                category: teleporter
                electricity_mwh: 10
                tonnes_per_year: 5
                start_year: 2026
            """)
        let result = try cli.run(["plan", CommandLineTests.example, "--measures", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains(":5:9: colour: 未知字段"))
        #expect(result.stderr.contains(":10:15: measures[0].fraction:"))
        #expect(result.stderr.contains("measures[1].category:") && result.stderr.contains("measures[1].electricity_mwh: 应恰好给出"))
    }

    @Test("offsets bought before a cheaper reduction starts: refused with the measure and both prices; unknown sources named")
    func ordering() throws {
        let path = try cli.temporaryFile("""
            zeropark_plan: 1
            target_year: 2030
            discount_rate: 0.08
            bau_growth: 0
            measures:
              - id: pv
                name: 屋顶光伏
                category: rooftop_pv
                acts_on: [grid-electricity]
                electricity_mwh: 2400
                capex_cny: 7200000
                opex_cny_per_year: 90000
                savings_cny_per_year: 1500000
                lifetime_years: 25
                start_year: 2028
            offsets:
              - { id: ccer, name: CCER, type: ccer, local: false, price_cny_per_tonne: 70 }
            """)
        let refused = try cli.run(["plan", CommandLineTests.example, "--measures", path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("measures.pv.start_year: 2025 年计划购买单价 70 元/吨的碳信用"))
        let other = try cli.temporaryFile("""
            zeropark_plan: 1
            target_year: 2030
            discount_rate: 0.08
            bau_growth: 0
            measures:
              - { id: eff, name: 节能, category: efficient_equipment, acts_on: [nowhere], fraction: 0.1, start_year: 2026 }
            """)
        let missing = try cli.run(["plan", CommandLineTests.example, "--measures", other])
        #expect(missing.status == 1 && missing.stderr.contains("measures.eff.acts_on: 基准年清单中没有排放源 nowhere"))
    }
}

/// `zeropark --version` (issue #12 defect 11).
struct VersionTests {
    @Test("--version names the release and the factor library, exit 0")
    func version() throws {
        let result = try CommandLineTests().run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "zeropark \(ZeroParkCommand.release) · 因子库 factor library 2026.1\n")
    }
}
