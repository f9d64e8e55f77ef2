import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkInput

/// An evaluator's evaluation file (issue #11 item 2, docs/evaluation.md): the park files of the basis
/// years, when the park began operating, the evaluation date and basis, the evaluator and issuer, the
/// answers to the judgement items and any recorded adoptions of the park's solution. Read through the
/// same located tree as plans and scenarios: every problem with its field, line and column, zh/en.
public struct EvaluationFile: Sendable, Hashable {
    /// Park file paths as written (relative to the evaluation file).
    public var parkFiles: [String]
    public var operationStart: CalendarDate
    public var evaluatedOn: CalendarDate
    public var basis: EvaluationBasis
    public var evaluator: String
    public var issuer: String
    public var validUntil: CalendarDate?
    public var answers: [String: JudgementAnswer]
    public var adoptions: [SolutionAdoption]
}

public enum EvaluationFileReader {
    public static let maxBytes = 1 << 20
    static let topKeys = ["zeropark_evaluation", "park_files", "operation_start", "evaluated_on", "basis", "evaluator", "issuer",
                          "valid_until", "answers", "adoptions"]

    public static func read(yaml: String) throws(InputError) -> EvaluationFile {
        let root = try ScenarioReader.tree(yaml: yaml, maxBytes: maxBytes, maxDepth: 8)
        var r = NodeReader()
        let file = readTop(root, &r)
        if !r.problems.isEmpty { throw InputError(r.problems) }
        guard let file else { throw InputError(InputProblem(code: "invalid_file", field: "(file)", zh: "不是评价文件", en: "not an evaluation file")) }
        return file
    }

    static func date(_ map: NodeReader.MapView, _ key: String, required: Bool, _ r: inout NodeReader) -> CalendarDate? {
        guard let (text, place) = r.scalar(map, key, required: required) else { return nil }
        guard let date = CalendarDate(iso: text), Domain.year.contains(date.year) else {
            r.fail("invalid_date", map.field(key), zh: "应为 1990–2100 年间的日期 YYYY-MM-DD", en: "must be a date YYYY-MM-DD in 1990–2100", at: place)
            return nil
        }
        return date
    }

    static func readTop(_ root: ScenarioNode, _ r: inout NodeReader) -> EvaluationFile? {
        guard let top = r.map(root, path: "") else { return nil }
        r.rejectUnknown(top, allowed: topKeys)
        if let version = r.int(top, "zeropark_evaluation", required: true, in: 0...1_000), version != 1 {
            r.fail("unsupported_version", "zeropark_evaluation", zh: "不支持格式版本 \(version)（支持：1）",
                   en: "format version \(version) is not supported (supported: 1)", at: top.entries["zeropark_evaluation"]?.place)
        }
        let files = (r.strings(top, "park_files", maxItems: 3) ?? []).map(\.0)
        if files.isEmpty {
            r.fail("missing_field", "park_files", zh: "须列出评价基础年份的园区文件", en: "list the park files of the basis years", at: top.place)
        }
        let start = date(top, "operation_start", required: true, &r)
        let on = date(top, "evaluated_on", required: true, &r)
        let until = date(top, "valid_until", required: false, &r)
        let basis = r.choice(top, "basis", [EvaluationBasis.lastYear.rawValue, EvaluationBasis.threeYearAverage.rawValue], required: true)
            .flatMap(EvaluationBasis.init(rawValue:))
        let evaluator = r.text(top, "evaluator", required: true)
        let issuer = r.text(top, "issuer", required: true)
        var answers: [String: JudgementAnswer] = [:]
        if top.has("answers"), let map = r.map(top.entries["answers"] ?? .null(top.place), path: "answers") {
            let ids = TIPIFPack.judgementItems.map(\.id)
            r.rejectUnknown(map, allowed: ids)
            for id in ids where map.has(id) {
                guard let item = r.map(map.entries[id] ?? .null(map.place), path: map.field(id)) else { continue }
                r.rejectUnknown(item, allowed: ["passed", "evidence", "finding"])
                let passed = r.bool(item, "passed")
                let evidence = r.text(item, "evidence", required: true, maxLength: 2_000)
                let finding = r.text(item, "finding", maxLength: 2_000) ?? ""
                if let passed, let evidence { answers[id] = JudgementAnswer(passed: passed, evidence: evidence, finding: finding) }
                if passed == nil {
                    r.fail("missing_field", item.field("passed"), zh: "须为 true 或 false", en: "must be true or false", at: item.place)
                }
            }
        }
        var adoptions: [SolutionAdoption] = []
        for (index, node) in (r.list(top, "adoptions", maxItems: 100) ?? []).enumerated() {
            guard let map = r.map(node, path: "adoptions[\(index)]") else { continue }
            r.rejectUnknown(map, allowed: ["park", "park_type", "evidence"])
            let park = r.text(map, "park", required: true)
            let type = r.choice(map, "park_type", ParkType.allCases.map(\.rawValue), required: true).flatMap(ParkType.init(rawValue:))
            let evidence = r.text(map, "evidence", required: true, maxLength: 2_000)
            if let park, let type, let evidence { adoptions.append(SolutionAdoption(park: park, parkType: type, evidence: evidence)) }
        }
        guard let start, let on, let basis, let evaluator, let issuer, !files.isEmpty else { return nil }
        return EvaluationFile(parkFiles: files, operationStart: start, evaluatedOn: on, basis: basis, evaluator: evaluator, issuer: issuer,
                              validUntil: until, answers: answers, adoptions: adoptions)
    }
}
