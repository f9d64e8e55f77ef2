import ArgumentParser
import ZeroParkCore

/// `zeropark validate FILE`: reads and accounts a park file and reports every problem with its
/// file, line, column and field.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a park file: syntax, fields, units, factor and fuel ids, duplicate ids.")

    @Argument(help: "The park file (YAML, format version 1).")
    var file: String

    func run() throws {
        let inventory = try ParkFileLoader.inventory(file)
        print("\(file): ok — park \(inventory.profile.id), \(inventory.sources.count) sources, \(inventory.sinks.count) sinks, \(inventory.offsets.count) offsets, period \(inventory.period.start)..\(inventory.period.end)")
        for warning in inventory.warnings {
            print("warning: \(warning.message)" + (warning.clause.map { " [\($0)]" } ?? ""))
        }
    }
}
