import Crypto
import Foundation
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkInput
import ZeroParkParkFile
import ZeroParkStore

/// The evaluation workflow's logic over the store (issue #11 items 2–4; STANDARD.md 1.1.12, 1.1.41–1.1.43,
/// Table 1): an evaluation rests on stored inventory snapshots — one per basis year, the latest unless
/// the evaluator picks another — recomputed from their input park files, so the result can be re-made
/// from what is stored. A basis year counts only when its snapshot agrees with the park's data now
/// (emissions, sequestration and offsets within 0.005 t) and the data are complete by the balance
/// verdict's rule. The packs (T/IPIF first, whose grade decides the certificate; then the 910号 core
/// indicator) grade the input; an awarded grade gets a signed certificate when the server has an issuer key.
struct EvaluationService: Sendable {
    let store: any ParkRepository
    let inventories: InventoryService
    let issuer: IssuerKey?
    var today: @Sendable () -> CalendarDate? = { ReportClock.today() }

    static let packs: [any RulePack] = [TIPIFPack(), NationalIndicatorPack()]

    /// A basis year as the evaluation found it.
    struct BasisYear: Sendable {
        let year: Int
        /// The snapshots of the year the evaluator can choose from, newest first.
        let choices: [InventorySnapshot]
        let snapshot: InventorySnapshot?
        /// Why the year does not count, in both languages (nil when it counts).
        let problemZh: String?
        let problemEn: String?
    }

    /// An evaluation's input, results and hashes.
    struct Assessment: Sendable {
        let park: StoredPark
        let input: EvaluationInput
        let results: [(RulePack, EvaluationResult)]
        let years: [BasisYear]
        let hashes: [String: String]

        var main: EvaluationResult? { results.first?.1 }
        var record: EvaluationRecord { EvaluationRecord(results: results, evaluatedOn: input.evaluatedOn.description, hashes: hashes) }
    }

    /// A new draft's body: evaluated today, on last year, with the latest snapshots.
    func newBody(caller: Caller) throws -> EvaluationBody {
        guard let day = today() else { throw StoreError.conflict("the clock gives no date") }
        return EvaluationBody(evaluated_on: day.description, operation_start: "", operation_evidence: "", basis: EvaluationBasis.lastYear.rawValue,
                              evaluator: caller.displayName, snapshots: [:], answers: [:], adoptions: [])
    }

    /// The evaluation's result on `body`; `evaluationID` (when stored) adds its evidence files' hashes.
    func assess(parkKey: String, body: EvaluationBody, evaluationID: Int64?, caller: Caller) async throws -> Assessment {
        let park = try await store.park(key: parkKey, caller: caller)
        guard let evaluatedOn = CalendarDate(iso: body.evaluated_on) else {
            throw StoreError.invalid(field: "evaluated_on", message: "not a date")
        }
        let operationStart = CalendarDate(iso: body.operation_start) ?? evaluatedOn
        let basis = body.basisValue
        let listed = try await store.snapshots(parkKey: parkKey, caller: caller)
        var years: [BasisYear] = [], results: [Int: YearResult] = [:], hashes: [String: String] = [:]
        for year in basis.years(evaluatedOn: evaluatedOn) {
            let choices = listed.filter { $0.year == year }
            let chosen = body.snapshots[String(year)].flatMap { id in choices.first { $0.id == id } } ?? choices.first
            guard let chosen else {
                years.append(BasisYear(year: year, choices: [], snapshot: nil,
                                       problemZh: "\(year) 年没有盘查快照：请园区管理员在“盘查快照”页保存该年的快照",
                                       problemEn: "\(year) has no inventory snapshot: the park manager saves one on the Inventories page"))
                continue
            }
            let full = try await store.snapshot(parkKey: parkKey, id: chosen.id, caller: caller)
            let definition = try ParkFileReader.read(yaml: full.inputParkFile ?? "")
            let inventory = try InventoryCalculator.compute(definition, today: definition.rules.reportDate ?? evaluatedOn)
            let live = try await inventories.compute(parkKey: parkKey, year: year, caller: caller)
            let quality = try await store.meteredQuality(parkKey: parkKey, year: year, caller: caller)
            let below = quality.filter { $0.value.expected > 0 && $0.value.belowThreshold }.map(\.key)
            var complete = true
            if case .insufficientData = BalanceVerdict.judge(live.inventory, sourcesWithoutData: live.missing, meteredBelowThreshold: below) {
                complete = false
            }
            let agrees = abs(inventory.emissionsTco2 - live.inventory.emissionsTco2) <= 0.005
                && abs(inventory.sequestrationTco2 - live.inventory.sequestrationTco2) <= 0.005
                && abs(inventory.offsetsTco2 - live.inventory.offsetsTco2) <= 0.005
            hashes["snapshot-\(year)-input"] = full.inputHash
            hashes["snapshot-\(year)-output"] = full.outputHash
            if !agrees {
                years.append(BasisYear(year: year, choices: choices, snapshot: chosen,
                                       problemZh: "快照 #\(chosen.id) 与园区现有数据不一致（排放 \(Display.number(inventory.emissionsTco2)) 对 \(Display.number(live.inventory.emissionsTco2)) tCO2）：请园区管理员保存新快照",
                                       problemEn: "snapshot #\(chosen.id) differs from the park's data now (emissions \(Display.number(inventory.emissionsTco2)) vs \(Display.number(live.inventory.emissionsTco2)) tCO2): the park manager saves a new one"))
                continue
            }
            results[year] = YearResult(inventory, complete: complete)
            years.append(BasisYear(year: year, choices: choices, snapshot: chosen,
                                   problemZh: complete ? nil : "\(year) 年数据不全（有排放源无数据，或计量实测率低于 90%），按平衡判定规则不能作为评价基础",
                                   problemEn: complete ? nil : "\(year) is incomplete (a source without data, or metered data below 90 % measured): not a basis by the balance verdict's rule"))
        }
        if let head = try await store.ledgerDayHeads(parkKey: parkKey, limit: 1).first {
            hashes["data-trail-head"] = head.link
        }
        // Each attached evidence file by its id and the item it supports (the list is on the evaluation page).
        if let id = evaluationID {
            for file in try await store.evidence(parkKey: parkKey, evaluationID: id, caller: caller) {
                hashes["evidence-\(file.id)-\(file.item)"] = file.sha256
            }
        }
        let adoptions = body.adoptions.compactMap { a in ParkType(rawValue: a.park_type).map { SolutionAdoption(park: a.park, parkType: $0, evidence: a.evidence) } }
        let answers = body.answers.mapValues { JudgementAnswer(passed: $0.passed, evidence: $0.evidence, finding: $0.finding) }
        let input = EvaluationInput(parkName: park.profile.name, parkType: park.profile.type, operationStart: operationStart, evaluatedOn: evaluatedOn,
                                    basis: basis, years: results, answers: answers, adoptions: adoptions)
        return Assessment(park: park, input: input, results: Self.packs.map { ($0, $0.evaluate(input)) }, years: years, hashes: hashes)
    }

    /// Opens a draft from the form.
    func open(parkKey: String, form: [String: String], caller: Caller) async throws -> StoredEvaluation {
        let initial = try newBody(caller: caller)
        guard let day = CalendarDate(iso: initial.evaluated_on) else { throw StoreError.conflict("the clock gives no date") }
        let body = try EvaluationBody.from(form: form, evaluatedOn: initial.evaluated_on) { $0.years(evaluatedOn: day) }
        return try await store.openEvaluation(parkKey: parkKey, body: body.json, caller: caller)
    }

    /// Saves a draft from the form; with `submit`, also submits it when every judgement item is answered.
    func save(parkKey: String, id: Int64, form: [String: String], submit: Bool, caller: Caller) async throws -> StoredEvaluation {
        let stored = try await store.evaluation(parkKey: parkKey, id: id, caller: caller)
        guard let previous = EvaluationBody.decode(stored.body), let day = CalendarDate(iso: previous.evaluated_on) else {
            throw StoreError.conflict("evaluation \(id) has an unreadable body")
        }
        let body = try EvaluationBody.from(form: form, evaluatedOn: previous.evaluated_on) { $0.years(evaluatedOn: day) }
        guard submit else { return try await store.updateEvaluation(parkKey: parkKey, id: id, body: body.json, caller: caller) }
        let assessment = try await assess(parkKey: parkKey, body: body, evaluationID: id, caller: caller)
        if let main = assessment.main, !main.isDecidable {
            _ = try await store.updateEvaluation(parkKey: parkKey, id: id, body: body.json, caller: caller)
            throw InputError(InputProblem(code: "pending", field: "answers", zh: "提交前须对每个核查项作出判断并写明证据",
                                          en: "answer every checklist item, with its evidence, before submitting"))
        }
        return try await store.submitEvaluation(parkKey: parkKey, id: id, body: body.json, result: assessment.record.json, caller: caller)
    }

    /// The issuer's decision: the result is recomputed from the same snapshots (immutable, so it matches
    /// the submitted one unless the park's data changed since, which is refused); an awarded T/IPIF grade
    /// gets a certificate signed with the issuer key, valid until `validUntil` when given.
    func decide(parkKey: String, id: Int64, note: String?, validUntil: CalendarDate?, caller: Caller) async throws -> StoredEvaluation {
        let stored = try await store.evaluation(parkKey: parkKey, id: id, caller: caller)
        guard let body = EvaluationBody.decode(stored.body) else { throw StoreError.conflict("evaluation \(id) has an unreadable body") }
        guard caller.isSystemAdmin else { throw StoreError.forbidden("只有签发方（系统管理员）可以决定评价 / only the issuer (a system administrator) decides evaluations") }
        let assessment = try await assess(parkKey: parkKey, body: body, evaluationID: id, caller: caller)
        let record = assessment.record
        func evidence(_ hashes: [String: String]) -> [String: String] { hashes.filter { $0.key.hasPrefix("evidence-") } }
        guard let submitted = EvaluationRecord.decode(stored.result), submitted.packs == record.packs,
              evidence(submitted.hashes) == evidence(record.hashes) else {
            throw StoreError.conflict("评价提交后园区数据已变化，请退回评价人重新评价 / the park's data changed since the evaluation was submitted: return it to the evaluator")
        }
        guard let today = today() else { throw StoreError.conflict("the clock gives no date") }
        if let validUntil, validUntil <= today {
            throw StoreError.invalid(field: "valid_until", message: "须晚于今天（\(today)） / must be after today (\(today))")
        }
        var certificate: NewParkCertificate?
        if let main = assessment.main, main.grade.awarded {
            guard let issuer else {
                throw StoreError.conflict("服务器未配置签发密钥（--issuer-key），不能签发证书 / the server has no issuer key (start it with --issuer-key): no certificate can be signed")
            }
            let certificateID = "urn:uuid:" + UUID().uuidString.lowercased()
            let issue = ParkCertificate.Issue(id: certificateID, issuerName: issuer.name, evaluator: body.evaluator, parkID: parkKey,
                                              parkName: assessment.park.profile.name, issued: today, validUntil: validUntil, hashes: assessment.hashes)
            let key = try issuer.signingKey()
            let document = try ParkCertificate.document(main, input: assessment.input, issue: issue, key: key.publicKey)
            let signed = try ParkCertificate.sign(document, with: key, created: Self.rfc3339(Date()))
            try await store.registerIssuerKey(keyID: issuer.keyID, publicKey: issuer.publicKeyBase64)
            certificate = NewParkCertificate(id: certificateID, keyID: issuer.keyID, document: signed.canonical)
        }
        return try await store.decideEvaluation(parkKey: parkKey, id: id, result: record.json, note: note, certificate: certificate, caller: caller)
    }

    static func rfc3339(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = ReportClock.timeZone
        return formatter.string(from: date)
    }
}
