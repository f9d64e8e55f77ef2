import Testing

/// Issue #12 (CLI defect 11): `validate` reports structural and accounting problems in one pass, in line
/// order, with "did you mean" — an unknown field no longer hides the rest.
struct ValidateOnePassTests {
    let cli = CommandLineTests()

    @Test func everyProblemInOnePassSortedByLine() throws {
        let path = try cli.temporaryFile("""
            zeropark: 1
            park: { id: t, name: 测试, type: industrial_park, province: guangdng, area_m2: 100, colour: red }
            period: { year: 2025 }
            sources:
              - { id: g, name: 电, system: energy, method: purchased_electricity, activity: { quantity: -5, unit: MWh } }
              - { id: f, name: 气, system: energy, method: fuel_combustion, fuel: natral_gas, activity: { quantity: 5, unit: t } }
            """)
        let run = try cli.run(["validate", path])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
        // Line 2 (province at column 59, colour at 83), line 5 (quantity), line 6 (fuel): four problems, in that order.
        #expect(lines.count == 4, "\(run.stderr)")
        #expect(lines.map { $0.contains(":2:59:") || $0.contains(":2:83:") || $0.contains(":5:") || $0.contains(":6:") } == [true, true, true, true])
        #expect(lines[0].contains("park.province") && lines[0].contains("did you mean guangdong?"))
        #expect(lines[1].contains("park.colour") && lines[2].contains("sources[0].activity.quantity"))
        #expect(lines[3].contains("did you mean natural_gas?"))
        #expect(run.stderr.contains("4 problems in"))
    }
}
