import Testing
@testable import ZeroParkCore

/// Issue #12 (CLI): "did you mean" for misspelt ids and fields, only when the name is close enough to be a typo.
struct SuggestionTests {
    @Test("edit distances by hand, and the suggestions they give")
    func suggestions() {
        // kitten → sitting: k→s, e→i, +g = 3.
        #expect(Suggestion.editDistance(Array("kitten".unicodeScalars), Array("sitting".unicodeScalars)) == 3)
        #expect(Suggestion.editDistance([], Array("abc".unicodeScalars)) == 3)
        // natral_gas → natural_gas: one insertion.
        #expect(Suggestion.closest(to: "natral_gas", in: ["natural_gas", "diesel", "lpg"]) == "natural_gas")
        // guangdng → guangdong (one insertion); GUANGDONG matches ignoring case.
        #expect(Suggestion.closest(to: "guangdng", in: ["guangdong", "guangxi"]) == "guangdong")
        #expect(Suggestion.closest(to: "GUANGDONG", in: ["guangdong"]) == "guangdong")
        // Too far to be a typo: no suggestion (colour vs any park key; a 3-letter name allows 1 edit only).
        #expect(Suggestion.closest(to: "colour", in: ["area_m2", "boundary", "id", "name", "province", "type"]) == nil)
        #expect(Suggestion.closest(to: "lpx", in: ["lpg"]) == "lpg" && Suggestion.closest(to: "lxx", in: ["lpg"]) == nil)
        #expect(Suggestion.hint(for: "provnce", in: ["province", "type"]) == " (did you mean province?)")
        // Two neighbours swapped is one edit (nmae → name, a 4-letter name allows 1): suggested.
        #expect(Suggestion.editDistance(Array("nmae".unicodeScalars), Array("name".unicodeScalars)) == 1)
        #expect(Suggestion.closest(to: "nmae", in: ["area_m2", "id", "name", "province", "type"]) == "name")
        // ca → abc: 3 edits under this distance (a swap is not followed by an insertion between).
        #expect(Suggestion.editDistance(Array("ca".unicodeScalars), Array("abc".unicodeScalars)) == 3)
    }

    @Test("an unknown fuel and province in a park say what was probably meant")
    func inAccounting() throws {
        var park = TestPark.park(province: "guangdng", sources: [TestPark.source(.fuelCombustion, 5, "t", fuel: "natral_gas")])
        park.sources[0].activity = ActivityData(unit: TestPark.unit("10^4 Nm3"), values: .total(5))
        do {
            _ = try InventoryCalculator.compute(park)
            Issue.record("expected the unknown names to be refused")
        } catch let error as ParkInputError {
            let messages = error.issues.map(\.message).joined(separator: "\n")
            #expect(messages.contains("unknown province \"guangdng\" (did you mean guangdong?)"))
            #expect(messages.contains("unknown fuel \"natral_gas\" (did you mean natural_gas?)"))
        }
    }
}
