import Testing
@testable import ZeroParkPlanning

/// A park's own catalogue figures (issue #10 item 2) are refused without a figure, without a source, with
/// an unknown unit or out of range, each naming the field; a complete entry has no problem.
struct ParkCatalogueTests {
    @Test func aCompleteEntryHasNoProblem() {
        let e = ParkCatalogueEntry(category: .rooftopPV, unit: "kWp", capexCNYPerUnit: 3_000, opexCNYPerUnitYear: 40, lifetimeYears: 25,
                                   source: "EPC quote 2026")
        #expect(e.problems().isEmpty)
    }

    @Test(arguments: [
        (ParkCatalogueEntry(category: .rooftopPV, unit: "kWp", source: "quote"), "capex_cny_per_unit"),
        (ParkCatalogueEntry(category: .rooftopPV, unit: "kWp", capexCNYPerUnit: 3_000, source: " \t"), "source"),
        (ParkCatalogueEntry(category: .rooftopPV, unit: "MW", capexCNYPerUnit: 3_000, source: "quote"), "unit"),
        (ParkCatalogueEntry(category: .rooftopPV, unit: "kWp", capexCNYPerUnit: -1, source: "quote"), "capex_cny_per_unit"),
        (ParkCatalogueEntry(category: .efficientEquipment, unit: "project", savingFraction: 1.5, source: "study"), "saving_fraction"),
        (ParkCatalogueEntry(category: .storage, unit: "kWh", lifetimeYears: 0.5, source: "quote"), "lifetime_years"),
    ])
    func refusedNamingTheField(entry: ParkCatalogueEntry, field: String) {
        #expect(entry.problems().map(\.field) == [field])
    }
}
