import Foundation
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkInput

/// What an evaluator records in an evaluation (issue #11 item 2; STANDARD.md 1.1.41–1.1.43, Table 1), as
/// stored (snake_case JSON): the evaluation date (set when it is opened), the start of operation and its
/// evidence, the basis, the inventory snapshot each basis year rests on, the answers to the judgement
/// items and the recorded adoptions of the park's solution.
struct EvaluationBody: Codable, Sendable, Equatable {
    struct Answer: Codable, Sendable, Equatable {
        var passed: Bool
        var evidence: String
        var finding: String
    }

    struct Adoption: Codable, Sendable, Equatable {
        var park: String
        var park_type: String
        var evidence: String
    }

    var evaluated_on: String
    var operation_start: String
    var operation_evidence: String
    var basis: String
    var evaluator: String
    /// Snapshot id by basis year ("2025": 12).
    var snapshots: [String: Int64]
    var answers: [String: Answer]
    var adoptions: [Adoption]

    static let maxText = 2_000
    static let maxAdoptions = 10

    /// The checked body of a form: every problem named with its field, in Chinese and English.
    static func from(form: [String: String], evaluatedOn: String, basisYears: (EvaluationBasis) -> [Int]) throws(InputError) -> EvaluationBody {
        var problems: [InputProblem] = []
        func text(_ field: String, required: Bool = false) -> String {
            let value = (form[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.count > maxText {
                problems.append(InputProblem(code: "too_long", field: field, zh: "至多 \(maxText) 个字符", en: "at most \(maxText) characters"))
                return String(value.prefix(maxText))
            }
            if required, value.isEmpty {
                problems.append(InputProblem(code: "required", field: field, zh: "必填", en: "required"))
            }
            return value
        }
        let evaluator = text("evaluator", required: true)
        let start = text("operation_start", required: true)
        if !start.isEmpty, CalendarDate(iso: start) == nil {
            problems.append(InputProblem(code: "date", field: "operation_start", zh: "日期须为 YYYY-MM-DD", en: "a date is YYYY-MM-DD"))
        }
        let basisText = form["basis"] ?? EvaluationBasis.lastYear.rawValue
        let basis = EvaluationBasis(rawValue: basisText) ?? .lastYear
        if EvaluationBasis(rawValue: basisText) == nil {
            problems.append(InputProblem(code: "choice", field: "basis", zh: "须为 last_year 或 three_year_average",
                                         en: "must be last_year or three_year_average"))
        }
        var snapshots: [String: Int64] = [:]
        for year in basisYears(basis) {
            let field = "snapshot_\(year)"
            guard let value = form[field], !value.isEmpty else { continue }
            guard let id = Int64(value), id > 0 else {
                problems.append(InputProblem(code: "integer", field: field, zh: "须为快照编号", en: "must be a snapshot number"))
                continue
            }
            snapshots[String(year)] = id
        }
        var answers: [String: Answer] = [:]
        for item in TIPIFPack.judgementItems {
            let verdict = form["\(item.id)_passed"] ?? ""
            let evidence = text("\(item.id)_evidence"), finding = text("\(item.id)_finding")
            switch verdict {
            case "": continue
            case "true", "false":
                if evidence.isEmpty {
                    problems.append(InputProblem(code: "required", field: "\(item.id)_evidence", zh: "作出判断须写明所依据的证据",
                                                 en: "a judgement needs the evidence it rests on"))
                }
                answers[item.id] = Answer(passed: verdict == "true", evidence: evidence, finding: finding)
            default:
                problems.append(InputProblem(code: "choice", field: "\(item.id)_passed", zh: "须为 true、false 或空", en: "must be true, false or empty"))
            }
        }
        var adoptions: [Adoption] = []
        for index in 0..<maxAdoptions {
            let park = text("adoption_\(index)_park"), evidence = text("adoption_\(index)_evidence")
            let type = form["adoption_\(index)_type"] ?? ""
            guard !park.isEmpty || !evidence.isEmpty else { continue }
            if ParkType(rawValue: type) == nil {
                problems.append(InputProblem(code: "choice", field: "adoption_\(index)_type", zh: "园区类型无效", en: "not a park type"))
            }
            if park.isEmpty || evidence.isEmpty {
                problems.append(InputProblem(code: "required", field: "adoption_\(index)", zh: "采用记录须写明园区与证据",
                                             en: "an adoption needs the park and the evidence"))
            }
            adoptions.append(Adoption(park: park, park_type: type, evidence: evidence))
        }
        let body = EvaluationBody(evaluated_on: evaluatedOn, operation_start: start, operation_evidence: text("operation_evidence"),
                                  basis: basis.rawValue, evaluator: evaluator, snapshots: snapshots,
                                  answers: answers, adoptions: adoptions)
        guard problems.isEmpty else { throw InputError(Array(problems.prefix(InputError.maxProblems))) }
        return body
    }

    /// The form fields of a body (to edit it again).
    var form: [String: String] {
        var form: [String: String] = ["operation_start": operation_start, "operation_evidence": operation_evidence, "basis": basis,
                                      "evaluator": evaluator]
        for (year, id) in snapshots { form["snapshot_\(year)"] = String(id) }
        for (id, answer) in answers {
            form["\(id)_passed"] = answer.passed ? "true" : "false"
            form["\(id)_evidence"] = answer.evidence
            form["\(id)_finding"] = answer.finding
        }
        for (index, adoption) in adoptions.enumerated() {
            form["adoption_\(index)_park"] = adoption.park
            form["adoption_\(index)_type"] = adoption.park_type
            form["adoption_\(index)_evidence"] = adoption.evidence
        }
        return form
    }

    var basisValue: EvaluationBasis { EvaluationBasis(rawValue: basis) ?? .lastYear }

    static func decode(_ json: String) -> EvaluationBody? {
        try? JSONDecoder().decode(EvaluationBody.self, from: Data(json.utf8))
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// An evaluation's result as stored at submission and decision: each pack's lines and grade, the basis
/// figures, the snapshots and the hashes the result rests on.
struct EvaluationRecord: Codable, Sendable, Equatable {
    struct Line: Codable, Sendable, Equatable {
        var id: String
        var clause: String
        var status: String
        var zh: String
        var en: String
    }

    struct Pack: Codable, Sendable, Equatable {
        var pack: String
        var version: String
        var name_zh: String
        var name_en: String
        var grade_code: String
        var grade_zh: String
        var grade_en: String
        var awarded: Bool
        var lines: [Line]
    }

    var evaluated_on: String
    var basis_years: [Int]
    /// Averages over the basis years as decimal strings (nil when the basis has no year).
    var emissions_tco2: String?
    var sequestration_tco2: String?
    var offsets_tco2: String?
    var net_tco2: String?
    var packs: [Pack]
    var hashes: [String: String]

    init(results: [(RulePack, EvaluationResult)], evaluatedOn: String, hashes: [String: String]) {
        evaluated_on = evaluatedOn
        let main = results.first?.1
        basis_years = main?.basisYears ?? []
        emissions_tco2 = main?.averageEmissionsTco2.map { String($0) }
        sequestration_tco2 = main?.averageSequestrationTco2.map { String($0) }
        offsets_tco2 = main?.averageOffsetsTco2.map { String($0) }
        net_tco2 = main?.averageNetTco2.map { String($0) }
        packs = results.map { pack, result in
            Pack(pack: result.pack, version: result.packVersion, name_zh: pack.nameZh, name_en: pack.nameEn, grade_code: result.grade.code,
                 grade_zh: result.grade.zh, grade_en: result.grade.en, awarded: result.grade.awarded,
                 lines: result.lines.map { Line(id: $0.id, clause: $0.clause, status: $0.status.rawValue, zh: $0.zh, en: $0.en) })
        }
        self.hashes = hashes
    }

    static func decode(_ json: String?) -> EvaluationRecord? {
        guard let json else { return nil }
        return try? JSONDecoder().decode(EvaluationRecord.self, from: Data(json.utf8))
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
