import ArgumentParser
import Foundation
import ZeroParkInput
import ZeroParkScenario
import ZeroParkServer

/// The arguments every scenario command shares (`dispatch`, `size`, `rolling`): the scenario file, the
/// optional park database and park for meter series, and the output language; and how a scenario file
/// is read within limits and its problems printed (`file:line:column: field: 中文 / English`).
///
/// Serves STANDARD.md 1.1.37 and 1.1.2(e) (errors say where).
struct ScenarioInput: ParsableArguments {
    @Argument(help: "The scenario file (YAML, zeropark_dispatch: 1).") var scenario: String
    @Option(help: "SQLite database for series from meters (env ZEROPARK_DB).") var db: String?
    @Option(help: "The park whose meters the scenario names (with --db).") var park: String?
    @Option(help: "Language of table and CSV headings: zh (简体中文) or en.") var lang: OutputLanguage = .zh

    /// The scenario read and checked, and where its series come from.
    func load() throws -> (DispatchScenario, any SeriesSource) {
        let url = URL(fileURLWithPath: scenario)
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
            throw CommandLineFailure("error: \(scenario): no such file / 找不到文件")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > ScenarioReader.maxBytes {
            throw CommandLineFailure("错误：\(scenario) 有 \(size) 字节，情景文件最大 \(ScenarioReader.maxBytes) 字节 / error: \(scenario): \(size) bytes; scenarios are at most \(ScenarioReader.maxBytes) bytes")
        }
        guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
            throw CommandLineFailure("错误：\(scenario) 不是可读的 UTF-8 文本 / error: \(scenario): not readable UTF-8 text")
        }
        let parsed: DispatchScenario
        do { parsed = try ScenarioReader.read(yaml: text) } catch { throw failure(error.problems) }
        let files = FileSeriesSource(baseDirectory: url.deletingLastPathComponent())
        guard let db else { return (parsed, files) }
        guard let park else { throw CommandLineFailure("错误：--db 须与 --park 一起给出（情景所用计量表所在的园区） / error: --db needs --park (the park whose meters the scenario names)") }
        guard FileManager.default.fileExists(atPath: db) else { throw CommandLineFailure("错误：\(db)：没有这个数据库 / error: \(db): no such database") }
        return (parsed, StoreSeriesSource(store: try openStore(db), parkKey: park, caller: .commandLine,
                                          now: Int64(Date().timeIntervalSince1970), files: files))
    }

    /// One line per problem: `file:line:column: field: 中文 / English`.
    func failure(_ problems: [InputProblem]) -> CommandLineFailure {
        let chinese = lang == .zh
        let lines = problems.map { p -> String in
            let message = chinese ? p.zh + " / " + p.en : p.en
            if p.field.hasSuffix(".csv") {   // the line is the series file's
                return "error: \(scenario): \(p.field)\(p.line.map { " line \($0)" } ?? ""): \(message)"
            }
            let place = p.line.map { ":\($0)" + (p.column.map { ":\($0)" } ?? "") } ?? ""
            return "error: \(scenario)\(place): \(p.field): \(message)"
        }
        return CommandLineFailure(lines.joined(separator: "\n") + "\n\(problems.count) problem\(problems.count == 1 ? "" : "s") in \(scenario)")
    }
}
