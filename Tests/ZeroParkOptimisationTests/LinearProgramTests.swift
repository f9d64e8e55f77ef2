import Testing
import ZeroParkOptimisation

@Test func compressedColumnsAreColumnMajorWithRowsAscending() {
    // min x0 + 2x1 s.t. row0: x0 + x1 ≥ 1, row1: 3x1 ≤ 4, row2: x0 − x1 = 0.
    var lp = LinearProgram()
    let x = lp.addVariables("x", count: 2, cost: { Double($0 + 1) })
    lp.addRow(.energyBalance, step: 0, terms: [(x.column(0), 1), (x.column(1), 1)], lower: 1, upper: .infinity)
    lp.addRow(.exportLimit, step: 0, terms: [(x.column(1), 3)], lower: -.infinity, upper: 4)
    lp.addRow(.energyBalance, step: 1, terms: [(x.column(0), 1), (x.column(1), -1), (x.column(0), 0)], lower: 0, upper: 0)
    let csc = lp.compressedColumns()
    #expect(csc.columnStarts == [0, 2, 5])
    #expect(csc.rowIndices == [0, 2, 0, 1, 2])
    #expect(csc.values == [1, 1, 1, 3, -1])
    #expect(lp.families == [.energyBalance, .exportLimit])
    #expect(lp.rowActivities([1, 2]) == [3, 6, -1])
    #expect(lp.objectiveValue([1, 2]) == 5)
}

@Test func relaxingAFamilyFreesItsRowsAndBounds() {
    var lp = LinearProgram()
    let g = lp.addVariables("import", count: 2, upperBoundFamily: .importLimit, upper: { _ in 50 })
    lp.addRow(.energyBalance, step: 0, terms: [(g.column(0), 1)], lower: 100, upper: 100)
    lp.addRow(.batteryEndState, terms: [(g.column(1), 1)], lower: 10, upper: .infinity)
    let a = lp.relaxing(.importLimit)
    #expect(a.columnUpper == [.infinity, .infinity])
    #expect(a.rowLower == [100, 10])
    let b = lp.relaxing(.batteryEndState)
    #expect(b.rowLower == [100, -.infinity] && b.rowUpper == [100, .infinity])
    #expect(b.columnUpper == [50, 50])
}

@Test func jsonCarriesTheCSCArraysAndInfinities() {
    var lp = LinearProgram()
    let x = lp.addVariables("x", count: 1, cost: { _ in 0.1 })
    lp.addRow(.demandPeak, terms: [(x.column(0), 1)], lower: -.infinity, upper: 2.5)
    let json = LinearProgramJSON.encode(lp, name: "t\"1")
    #expect(json.contains("\"name\":\"t\\\"1\""))
    #expect(json.contains("\"cost\":[0.1]"))
    #expect(json.contains("\"column_upper\":[1e30]"))
    #expect(json.contains("\"row_lower\":[-1e30]"))
    #expect(json.contains("\"column_starts\":[0,1]"))
    #expect(json.contains("\"families\":[\"demand_peak\"]"))
}
