import ArgumentParser
import Foundation
import ZeroParkStore

/// `zeropark verify [--db PATH] [--format text|json]`: re-computes every park's hash chain from the
/// stored readings, batches and snapshots (issue #8 §9; STANDARD.md 3.3) and names the first link of
/// each park that no longer matches. Exit 0 when every chain is intact, 1 otherwise.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the tamper-evident ledger of a database; names the first record that no longer matches.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "SQLite database file (env ZEROPARK_DB).") var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark.sqlite"
    @Option(help: "text or json.") var format: Format = .text

    func run() async throws {
        guard FileManager.default.fileExists(atPath: db) else { throw CommandLineFailure("error: \(db): no such database") }
        let report = try await openStore(db).verifyLedger()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            print("\(db): \(report.links) links, \(report.readings) readings, \(report.revisions) revisions, \(report.snapshots) snapshots re-hashed")
            for (park, head) in report.heads.sorted(by: { $0.key < $1.key }) { print("  \(park): chain head \(head)") }
            for mismatch in report.mismatches {
                let place = mismatch.park.isEmpty ? "" : "\(mismatch.park) link \(mismatch.seq) (\(mismatch.kind) \(mismatch.reference)): "
                print("MISMATCH \(place)\(mismatch.problem): \(mismatch.detail)")
            }
            print(report.isIntact ? "OK: every chain is intact" : "FAILED: the database no longer matches its ledger")
        }
        if !report.isIntact { throw ExitCode(ExitStatus.inputError.rawValue) }
    }
}
