import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// The `combustion_non_co2` rule in a park file (docs/accounting-rules.md §6): read, applied to the
/// example park and written back.
struct CombustionNonCO2RuleTests {
    @Test("the example park is unchanged by default; with combustion_non_co2: true its gas boiler reports CH4/N2O apart")
    func exampleWithRule() throws {
        let text = try ExampleParkTests.exampleText()
        let plain = try InventoryCalculator.compute(try ParkFileReader.read(yaml: text))
        #expect(!plain.reportsCombustionNonCO2)

        let park = try ParkFileReader.read(yaml: text + "\nrules:\n  combustion_non_co2: true\n")
        #expect(park.rules.combustionNonCO2)
        let inventory = try InventoryCalculator.compute(park)
        // boiler-gas: 152.5 × 10^4 Nm3 × 389.31 GJ/10^4 Nm3 = 59,369.775 GJ = 59.369775 TJ.
        // CH4: 59.369775 kg = 0.059369775 t × 29.8 = 1.769219295 tCO2e; N2O: 5.9369775 kg × 273 / 1000 = 1.620794858 tCO2e.
        let boiler = try #require(inventory.sources.first { $0.id == "boiler-gas" }?.nonCO2)
        #expect(abs(boiler.ch4Tco2e - 1.769219295) < 1e-9)
        #expect(abs(boiler.n2oTco2e - 1.6207948575) < 1e-9)
        #expect(inventory.emissionsTco2 == plain.emissionsTco2)

        let written = ParkFileWriter.write(park)
        #expect(written.contains("combustion_non_co2"))
        #expect(try ParkFileReader.read(yaml: written).rules.combustionNonCO2)
        #expect(!ParkFileWriter.write(try ParkFileReader.read(yaml: text)).contains("combustion_non_co2"))
    }

    @Test("combustion_non_co2 accepts only true or false, and says so")
    func invalidValue() throws {
        let text = try ExampleParkTests.exampleText() + "\nrules:\n  combustion_non_co2: maybe\n"
        do {
            _ = try ParkFileReader.read(yaml: text)
            Issue.record("a rule value \"maybe\" was accepted")
        } catch let error as ParkInputError {
            #expect(error.issues.map(\.code) == ["invalid_value"])
            #expect(error.issues.first?.field == "rules.combustion_non_co2")
            #expect(error.issues.first?.message.contains("true | false") == true)
        }
    }
}
