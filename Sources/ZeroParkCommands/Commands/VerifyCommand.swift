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
    @Option(help: "Language of the text: zh (简体中文) or en.") var lang: OutputLanguage = .zh

    func run() async throws {
        let zh = lang == .zh
        guard FileManager.default.fileExists(atPath: db) else {
            throw CommandLineFailure(zh ? "错误：\(db)：没有这个数据库" : "error: \(db): no such database")
        }
        let report = try await openStore(db).verifyLedger()
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        case .text:
            // The first word of a result line (OK, FAILED, MISMATCH) stays as it is in both languages, for scripts.
            print(zh ? "\(db)：重新计算了 \(report.links) 个链节、\(report.readings) 条读数、\(report.revisions) 条修订、\(report.snapshots) 个快照的哈希"
                     : "\(db): \(report.links) links, \(report.readings) readings, \(report.revisions) revisions, \(report.snapshots) snapshots re-hashed")
            for (park, head) in report.heads.sorted(by: { $0.key < $1.key }) { print(zh ? "  \(park)：链头 \(head)" : "  \(park): chain head \(head)") }
            for mismatch in report.mismatches {
                let place = mismatch.park.isEmpty ? ""
                    : zh ? "\(mismatch.park) 第 \(mismatch.seq) 个链节（\(mismatch.kind) \(mismatch.reference)）：" : "\(mismatch.park) link \(mismatch.seq) (\(mismatch.kind) \(mismatch.reference)): "
                print("MISMATCH \(place)\(mismatch.problem): \(mismatch.detail)")
            }
            if zh {
                print(report.isIntact ? "OK：每条哈希链都完好" : "FAILED：数据库与其账本不再一致")
            } else {
                print(report.isIntact ? "OK: every chain is intact" : "FAILED: the database no longer matches its ledger")
            }
        }
        if !report.isIntact { throw ExitCode(ExitStatus.inputError.rawValue) }
    }
}
