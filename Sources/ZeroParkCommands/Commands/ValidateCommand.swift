import ArgumentParser
import ZeroParkCore
import ZeroParkServer

/// `zeropark validate FILE`: reads and accounts a park file and reports every problem with its
/// file, line, column and field.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a park file: syntax, fields, units, factor and fuel ids, duplicate ids.")

    @Argument(help: "The park file (YAML, format version 1).")
    var file: String

    func run() throws {
        // One pass (issue #12): what could be read is also accounted, and every problem — structural and
        // accounting — is reported together, in line order.
        let (park, readIssues) = try ParkFileLoader.readCollecting(file)
        var issues = readIssues
        var inventory: Inventory?
        if let park {
            do {
                inventory = try InventoryCalculator.compute(park, today: ReportClock.today())
            } catch let error as ParkInputError {
                issues += error.issues.filter { issue in !issues.contains { $0.field == issue.field && $0.code == issue.code } }
            }
        }
        if !issues.isEmpty || inventory == nil {
            let sorted = issues.enumerated().sorted { a, b in
                let left = (a.element.location?.line ?? Int.max, a.element.location?.column ?? Int.max, a.offset)
                let right = (b.element.location?.line ?? Int.max, b.element.location?.column ?? Int.max, b.offset)
                return left < right
            }.map(\.element)
            throw CommandLineFailure(file: file, ParkInputError(issues: sorted.isEmpty
                ? [ParkIssue(code: "invalid_file", field: "(file)", message: "not a park file", location: nil)] : sorted))
        }
        guard let inventory else { return }
        print("\(file): ok — park \(inventory.profile.id), \(inventory.sources.count) sources, \(inventory.sinks.count) sinks, \(inventory.offsets.count) offsets, period \(inventory.period.start)..\(inventory.period.end)")
        for warning in inventory.warnings {
            print("warning: \(warning.message)" + (warning.clause.map { " [\($0)]" } ?? ""))
        }
    }
}
