import Testing
import ZeroParkCore
@testable import ZeroParkParkFile

/// Meters in park files (issue #8 §1): read with their ranges and references, every problem with its
/// field, line and column, and written back to the same definition.
struct ParkFileMeterTests {
    static let meters = """

    meters:
      - id: sub-office
        name: 办公楼分表
        quantity: electricity_import
        unit: kWh
        reading_kind: interval
        parent: main
        feeds: grid-electricity
      - id: main
        name: 总表
        quantity: electricity_import
        unit: kWh
        reading_kind: cumulative
        multiplier: 80
        counter_modulus: 1000000
        physical_max: 5000
        feeds: grid-electricity
      - id: water-main
        name: 水表
        quantity: water
        unit: m3
        reading_kind: interval
        interval_minutes: 60

    """

    static func text(_ meters: String = meters) throws -> String { try ExampleParkTests.exampleText() + meters }

    func issues(_ text: String) -> [ParkIssue] {
        do {
            _ = try ParkFileReader.read(yaml: text)
            return []
        } catch let error as ParkInputError {
            return error.issues
        } catch {
            return [ParkIssue(code: "unexpected", field: "", message: "\(error)", zh: "意外错误：\(error)", location: nil)]
        }
    }

    @Test("meters read with defaults (15 minutes, multiplier 1) and round-trip through the writer")
    func readsAndRoundTrips() throws {
        let park = try ParkFileReader.read(yaml: try Self.text())
        #expect(park.meters.map(\.id) == ["sub-office", "main", "water-main"])
        #expect(park.meters[0] == ParkMeter(id: "sub-office", name: "办公楼分表", quantity: "electricity_import", unit: "kWh",
                                            readingKind: "interval", feeds: "grid-electricity", parent: "main"))
        #expect(park.meters[1].multiplier == 80 && park.meters[1].counterModulus == 1_000_000 && park.meters[1].physicalMax == 5_000)
        #expect(park.meters[2].intervalMinutes == 60)
        let again = try ParkFileReader.read(yaml: ParkFileWriter.write(park))
        #expect(again.meters == park.meters)
    }

    @Test("every meter problem names its field, line and column, all in one pass")
    func problems() throws {
        let text = try Self.text("""

        meters:
          - id: a
            name: A
            quantity: electricity
            unit: kWh
            reading_kind: interval
            interval_minutes: 7
          - id: b
            name: B
            quantity: water
            unit: m3
            reading_kind: interval
            counter_modulus: 1000
            parent: nowhere
            feeds: no-such-source
          - id: a
            name: A again
            quantity: water
            unit: m3
            reading_kind: instantaneous
            physical_min: 5
            physical_max: 1

        """)
        let found = issues(text)
        func issue(_ field: String) -> ParkIssue? { found.first { $0.field == field } }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(_ needle: String) -> Int? { lines.firstIndex { $0.contains(needle) }.map { $0 + 1 } }
        #expect(issue("meters[0].quantity")?.location?.line == line("quantity: electricity"))
        #expect(issue("meters[0].quantity")?.message.contains("electricity_import") == true)
        #expect(issue("meters[0].interval_minutes")?.location?.line == line("interval_minutes: 7"))
        #expect(issue("meters[1].counter_modulus")?.message == "only a cumulative counter wraps")
        #expect(issue("meters[1].parent")?.location?.line == line("parent: nowhere"))
        #expect(issue("meters[1].feeds")?.location?.line == line("feeds: no-such-source"))
        #expect(issue("meters[2].id")?.code == "duplicate_id")
        #expect(issue("meters[2].physical_max")?.message == "must be above physical_min")
        #expect(found.allSatisfy { $0.location != nil })
    }

    @Test("a sub-meter measures what its main meter does, and parents may not form a cycle")
    func treeRules() throws {
        let found = issues(try Self.text("""

        meters:
          - { id: x, name: X, quantity: water, unit: m3, reading_kind: interval, parent: y }
          - { id: y, name: Y, quantity: water, unit: m3, reading_kind: interval, parent: x }
          - { id: z, name: Z, quantity: natural_gas, unit: Nm3, reading_kind: interval, parent: x }
          - { id: s, name: S, quantity: water, unit: m3, reading_kind: interval, parent: s }

        """))
        #expect(found.contains { $0.field == "meters[0].parent" && $0.message.contains("cycle") })
        #expect(found.contains { $0.field == "meters[2].parent" && $0.message.contains("measures water") })
        #expect(found.filter { $0.field == "meters[3].parent" }.map(\.message) == ["a meter cannot be its own parent"])
    }
}
