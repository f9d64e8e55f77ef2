import ArgumentParser
import ZeroParkCore
import ZeroParkServer

/// `zeropark validate FILE [--lang zh|en]`: reads and accounts a park file and reports every problem
/// with its file, line, column and field, in Chinese (the default) or English.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a park file: syntax, fields, units, factor and fuel ids, duplicate ids.")

    @Argument(help: "The park file (YAML, format version 1).")
    var file: String

    @Option(help: "Language of the problems, the summary and the warnings: zh (简体中文) or en.")
    var lang: OutputLanguage = .zh

    func run() throws {
        // One pass (issue #12): what could be read is also accounted, and every problem — structural and
        // accounting — is reported together, in line order.
        let (park, readIssues) = try ParkFileLoader.readCollecting(file, language: lang)
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
                ? [ParkIssue(code: "invalid_file", field: "(file)", message: "not a park file", zh: "不是园区文件", location: nil)] : sorted),
                language: lang)
        }
        guard let inventory else { return }
        print(Self.summary(inventory, file: file, language: lang))
        for warning in inventory.warnings {
            let clause = warning.clause.map { " [\($0)]" } ?? ""
            print(lang == .zh ? "提示：\(warning.messageZh)\(clause)" : "warning: \(warning.message)\(clause)")
        }
    }

    /// The line for a file that reads and accounts: `park.yaml: ok — park …` or `park.yaml：通过 — 园区 …`.
    static func summary(_ inventory: Inventory, file: String, language: OutputLanguage) -> String {
        let period = "\(inventory.period.start)..\(inventory.period.end)"
        if language == .zh {
            return "\(file)：通过 — 园区 \(inventory.profile.id)，\(inventory.sources.count) 个排放源，\(inventory.sinks.count) 个碳汇，"
                + "\(inventory.offsets.count) 项碳抵消，核算期 \(period)"
        }
        return "\(file): ok — park \(inventory.profile.id), \(inventory.sources.count) sources, \(inventory.sinks.count) sinks, "
            + "\(inventory.offsets.count) offsets, period \(period)"
    }
}
