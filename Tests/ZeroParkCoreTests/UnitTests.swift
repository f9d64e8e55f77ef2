import Testing
@testable import ZeroParkCore

/// Units and quantities: every unit named in issue #2 parses, converts along each path, and refuses
/// a change of dimension.
struct UnitTests {
    func unit(_ text: String) throws -> QuantityUnit { try QuantityUnit.parse(text) }

    func close(_ a: Double, _ b: Double, relative: Double = 1e-12) -> Bool {
        abs(a - b) <= relative * max(abs(a), abs(b), 1e-300)
    }

    @Test("every unit of issue #2 parses", arguments: [
        "t", "kg", "Nm3", "10^3 Nm3", "10^4 Nm3", "kWh", "MWh", "GJ", "TJ", "tce", "tCO2", "kgCO2", "m2", "ha",
        "tCO2/MWh", "kgCO2/t", "GJ/t", "GJ/10^4 Nm3", "tC/TJ", "tCO2/ha/yr", "kgce/kWh", "tCO2e/t", "万Nm3",
    ])
    func parses(_ text: String) throws {
        let parsed = try unit(text)
        #expect(parsed.symbol == text)
    }

    @Test("mass: 1 t = 1000 kg")
    func mass() throws {
        #expect(try unit("t").convert(1, to: unit("kg")) == 1000)
        #expect(try unit("kg").convert(2500, to: unit("t")) == 2.5)
    }

    @Test("volume: 10^4 Nm3 = 10 × 10^3 Nm3 = 10,000 Nm3; 万Nm3 = 10^4 Nm3")
    func volume() throws {
        #expect(try unit("10^4 Nm3").convert(1, to: unit("Nm3")) == 10_000)
        #expect(try unit("10^4 Nm3").convert(1, to: unit("10^3 Nm3")) == 10)
        #expect(try unit("万Nm3") == unit("10^4 Nm3"))
    }

    @Test("energy: 1 MWh = 1000 kWh = 3.6 GJ; 1 TJ = 1000 GJ; 1 tce = 29.3076 GJ")
    func energy() throws {
        #expect(try unit("MWh").convert(1, to: unit("kWh")) == 1000)
        #expect(close(try unit("MWh").convert(1, to: unit("GJ")), 3.6))
        #expect(try unit("TJ").convert(1, to: unit("GJ")) == 1000)
        #expect(close(try unit("tce").convert(1, to: unit("GJ")), 29.3076))
        // 0.1229 kgce/kWh × 1,000,000 kWh = 122.9 tce
        let electricity = Quantity(1_000_000, try unit("kWh")) * Quantity(0.1229, try unit("kgce/kWh"))
        #expect(close(try electricity.value(in: .tonneCoalEquivalent), 122.9))
    }

    @Test("CO2 and area: 1 tCO2 = 1000 kgCO2; 1 ha = 10,000 m2")
    func co2AndArea() throws {
        #expect(try unit("tCO2").convert(1, to: unit("kgCO2")) == 1000)
        #expect(try unit("ha").convert(1, to: unit("m2")) == 10_000)
    }

    @Test("compound: tCO2/MWh = kgCO2/kWh; kgCO2/t = 0.001 tCO2/t; GJ/10^4 Nm3 = 0.1 GJ/10^3 Nm3; tC/TJ = 0.001 tC/GJ")
    func compound() throws {
        #expect(try unit("tCO2/MWh") == unit("kgCO2/kWh"))
        #expect(close(try unit("kgCO2/t").convert(1, to: unit("tCO2/t")), 0.001))
        #expect(close(try unit("GJ/10^4 Nm3").convert(1, to: unit("GJ/10^3 Nm3")), 0.1))
        #expect(close(try unit("tC/TJ").convert(15.3, to: unit("tC/GJ")), 0.0153))
        #expect(close(try unit("tCO2/ha/yr").convert(10.5, to: unit("kgCO2/m2/yr")), 1.05))
    }

    @Test("products carry units: 120 kg × 1300 tCO2e/t = 156 tCO2")
    func product() throws {
        let result = Quantity(120, try unit("kg")) * Quantity(1300, try unit("tCO2e/t"))
        #expect(close(try result.value(in: .tonneCO2), 156))
    }

    @Test("a change of dimension is refused, naming both units")
    func incompatible() throws {
        #expect(throws: UnitError.incompatible(from: "kWh", to: "t", fromDimension: "energy", toDimension: "mass")) {
            try QuantityUnit.parse("kWh").convert(1, to: QuantityUnit.parse("t"))
        }
        // kWh × kgCO2/t is not a CO2 mass.
        let wrong = Quantity(5, try unit("kWh")) * Quantity(0.21, try unit("kgCO2/t"))
        #expect(throws: UnitError.self) { try wrong.value(in: .tonneCO2) }
        // tC is not tCO2: the 44/12 step cannot be skipped silently.
        #expect(throws: UnitError.self) { try Quantity(1, .tonneCarbon).value(in: .tonneCO2) }
    }

    @Test("adding incompatible quantities is an error; compatible ones convert")
    func adding() throws {
        let sum = try Quantity(1, try unit("t")).adding(Quantity(500, try unit("kg")))
        #expect(sum.value == 1.5)
        #expect(throws: UnitError.self) { try Quantity(1, try unit("t")).adding(Quantity(1, try unit("MWh"))) }
    }

    @Test("unknown units and malformed powers are errors", arguments: ["", "tonnes", "GJ/", "10^x Nm3", "kWh/fortnight"])
    func unknown(_ text: String) {
        #expect(throws: UnitError.self) { try QuantityUnit.parse(text) }
    }

    @Test("round trip: converting to any compatible unit and back returns the value")
    func roundTrip() throws {
        let symbols = QuantityUnit.knownSymbols.filter { $0 != "1" }
        for a in symbols {
            for b in symbols {
                let ua = try unit(a), ub = try unit(b)
                guard ua.isCompatible(with: ub) else { continue }
                for value in [0.0, 1.0, 152.5, 9.87e6] {
                    let back = try ub.convert(try ua.convert(value, to: ub), to: ua)
                    #expect(close(back, value, relative: 1e-12), "\(value) \(a) → \(b) → \(a) gave \(back)")
                }
            }
        }
    }
}
