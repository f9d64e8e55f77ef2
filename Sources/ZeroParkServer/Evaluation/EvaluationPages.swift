import Foundation
import Hummingbird
import Mustache
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkInput
import ZeroParkReports
import ZeroParkStore

/// `/parks/{park}/evaluations` (issue #11 item 2): the park's third-party evaluations — opened, drafted
/// and submitted by its auditors, decided (or returned) by the issuer, a system administrator who is not
/// the submitter — each with its result lines citing their clauses, the basis figures and the hashes of
/// the snapshots and data trail it rests on. Every member but tenants reads them. No JavaScript.
///
/// Serves STANDARD.md 1.1.12, 1.1.41–1.1.43 and Table 1.
struct EvaluationPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let service: EvaluationService

    init(store: any ParkRepository, renderer: WebRenderer, inventories: InventoryService, issuer: IssuerKey?) {
        self.store = store
        self.renderer = renderer
        self.library = try? EvaluationTemplates.library()
        self.service = EvaluationService(store: store, inventories: inventories, issuer: issuer)
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/evaluations") { request, context in try await list(context, form: [:], problems: []) }
        web.post("parks/:park/evaluations") { request, context in
            let caller = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            let key = try context.parameter("park")
            do {
                let opened = try await service.open(parkKey: key, form: form, caller: caller)
                return Response(status: .seeOther, headers: [.location: "/parks/\(key)/evaluations/\(opened.id)"])
            } catch let error as InputError {
                return try await list(context, form: form, problems: error.problems, status: .unprocessableContent)
            }
        }
        web.get("parks/:park/evaluations/:id") { request, context in
            try await detail(context, form: nil, problems: [], saved: request.uri.queryParameters.get("saved") != nil)
        }
        web.post("parks/:park/evaluations/:id") { request, context in
            let caller = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            let key = try context.parameter("park"), id = try Self.id(context)
            do {
                let saved = try await service.save(parkKey: key, id: id, form: form, submit: form["action"] == "submit", caller: caller)
                let query = saved.state == .draft ? "?saved=1" : ""
                return Response(status: .seeOther, headers: [.location: "/parks/\(key)/evaluations/\(id)\(query)"])
            } catch let error as InputError {
                return try await detail(context, form: form, problems: error.problems, saved: false, status: .unprocessableContent)
            }
        }
        web.post("parks/:park/evaluations/:id/decide") { request, context in
            let caller = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            let key = try context.parameter("park"), id = try Self.id(context)
            var validUntil: CalendarDate?
            if let text = WebForm.value(form, "valid_until") {
                guard let date = CalendarDate(iso: text) else {
                    throw StoreError.invalid(field: "valid_until", message: "日期须为 YYYY-MM-DD / a date is YYYY-MM-DD")
                }
                validUntil = date
            }
            _ = try await service.decide(parkKey: key, id: id, note: WebForm.value(form, "note"), validUntil: validUntil, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/evaluations/\(id)"])
        }
        web.post("parks/:park/evaluations/:id/return") { request, context in
            let caller = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            let key = try context.parameter("park"), id = try Self.id(context)
            _ = try await store.returnEvaluation(parkKey: key, id: id, note: form["note"] ?? "", caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/evaluations/\(id)"])
        }
    }

    static func id(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameter("id")), id > 0 else { throw StoreError.notFound("evaluation") }
        return id
    }

    func list(_ context: AppRequestContext, form: [String: String], problems: [InputProblem],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let chinese = context.language == .zh
        let e = EvaluationText.dictionary(chinese)
        guard caller.tenantEnterprise(parkID: park.id) == nil else { throw StoreError.forbidden(e["tenantNone"] ?? "") }
        let rows: [[String: Any]] = try await store.evaluations(parkKey: key, caller: caller).map { stored in
            let body = EvaluationBody.decode(stored.body)
            let record = EvaluationRecord.decode(stored.result)
            var row: [String: Any] = [
                "id": stored.id, "parkKey": key, "state": e[stored.state.rawValue] ?? stored.state.rawValue,
                "basis": body.map { Self.basisName($0.basisValue, e) } ?? "", "openedBy": stored.openedBy,
                "openedAt": TelemetryFormat.isoTime(stored.openedAt),
                "grade": record?.packs.first.map { chinese ? $0.grade_zh : $0.grade_en } ?? "—",
            ]
            if let certificate = stored.certificateID { row["certificate"] = certificate }
            return row
        }
        var data: [String: Any] = [
            "e": e, "parkKey": key, "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name),
            "evaluations": rows, "hasEvaluations": !rows.isEmpty, "canOpen": caller.canEvaluate(parkID: park.id),
            "evaluator": form["evaluator"] ?? caller.displayName, "form": form,
            "problems": problems.map { ["message": $0.message(chinese: chinese)] }, "hasProblems": !problems.isEmpty,
        ]
        data["t"] = WebText.dictionary(context.language)
        data["csrf"] = context.csrfToken ?? ""
        let body = library?.render(data, withTemplate: "evaluations") ?? ""
        return renderer.page(body: body, title: e["title"] ?? "", context: context,
                             park: ["key": key, "year": park.defaultYear, "navEvaluation": true], status: status)
    }

    static func basisName(_ basis: EvaluationBasis, _ e: [String: String]) -> String {
        basis == .lastYear ? e["lastYear"] ?? "" : e["threeYear"] ?? ""
    }

    func detail(_ context: AppRequestContext, form submitted: [String: String]?, problems: [InputProblem], saved: Bool,
                status: HTTPResponse.Status = .ok) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park"), id = try Self.id(context)
        let stored = try await store.evaluation(parkKey: key, id: id, caller: caller)
        guard let body = EvaluationBody.decode(stored.body) else { throw StoreError.conflict("evaluation \(id) has an unreadable body") }
        let chinese = context.language == .zh
        let e = EvaluationText.dictionary(chinese)
        let assessment = try await service.assess(parkKey: key, body: body, caller: caller)
        let park = assessment.park
        let editable = stored.state == .draft && caller.canEvaluate(parkID: park.id)
        let form = submitted ?? body.form
        // Drafts show the result as computed now; submitted and decided evaluations the recorded one.
        let record = stored.state == .draft ? assessment.record : (EvaluationRecord.decode(stored.result) ?? assessment.record)
        var data: [String: Any] = [
            "e": e, "parkKey": key, "id": id, "name": chinese ? park.profile.name : (park.profile.nameEn ?? park.profile.name),
            "stateName": e[stored.state.rawValue] ?? "", "evaluatedOn": body.evaluated_on, "openedBy": stored.openedBy,
            "openedAt": TelemetryFormat.isoTime(stored.openedAt), "editable": editable, "saved": saved, "form": form,
            "problems": problems.map { ["message": $0.message(chinese: chinese)] }, "hasProblems": !problems.isEmpty,
            "packs": Self.packs(record, chinese: chinese, e: e),
            "hashes": record.hashes.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value] }, "hasHashes": !record.hashes.isEmpty,
        ]
        if let by = stored.submittedBy { data["submittedBy"] = by; data["submittedAt"] = TelemetryFormat.isoTime(stored.submittedAt ?? "") }
        if let by = stored.decidedBy { data["decidedBy"] = by; data["decidedAt"] = TelemetryFormat.isoTime(stored.decidedAt ?? "") }
        if stored.state == .draft, let note = stored.note { data["returned"] = note }
        if let certificate = stored.certificateID { data["certificate"] = certificate }
        if stored.state == .decided, stored.certificateID == nil { data["decidedWithout"] = true }
        if let emissions = record.emissions_tco2.flatMap(Double.init), let sequestration = record.sequestration_tco2.flatMap(Double.init),
           let offsets = record.offsets_tco2.flatMap(Double.init), let net = record.net_tco2.flatMap(Double.init) {
            data["figures"] = ["emissions": Display.number(emissions), "sequestration": Display.number(sequestration),
                               "offsets": Display.number(offsets), "net": Display.number(net)]
        }
        let yearProblems = assessment.years.compactMap { chinese ? $0.problemZh : $0.problemEn }
        data["yearProblems"] = yearProblems
        data["hasYearProblems"] = stored.state == .draft && !yearProblems.isEmpty
        if stored.state == .submitted, caller.isSystemAdmin {
            if stored.submittedBy == caller.username { data["ownSubmission"] = true } else { data["decidable"] = true }
            data["hasIssuer"] = service.issuer != nil
        }
        if editable { Self.formData(&data, form: form, assessment: assessment, chinese: chinese, e: e) }
        data["t"] = WebText.dictionary(context.language)
        data["csrf"] = context.csrfToken ?? ""
        let html = library?.render(data, withTemplate: "evaluation") ?? ""
        return renderer.page(body: html, title: "\(e["title"] ?? "") #\(id)", context: context,
                             park: ["key": key, "year": park.defaultYear, "navEvaluation": true], status: status)
    }

    /// The draft form's choices: bases, snapshots per basis year, the judgement items, adoption rows.
    static func formData(_ data: inout [String: Any], form: [String: String], assessment: EvaluationService.Assessment, chinese: Bool,
                         e: [String: String]) {
        let basis = form["basis"] ?? EvaluationBasis.lastYear.rawValue
        data["bases"] = [EvaluationBasis.lastYear, .threeYearAverage].map {
            ["value": $0.rawValue, "label": basisName($0, e), "selected": $0.rawValue == basis]
        }
        data["years"] = assessment.years.map { year -> [String: Any] in
            let chosen = year.snapshot?.id
            return ["year": year.year, "choices": year.choices.map { snapshot -> [String: Any] in
                ["id": snapshot.id, "createdAt": TelemetryFormat.isoTime(snapshot.createdAt), "emissions": Display.number(snapshot.emissionsTco2),
                 "selected": snapshot.id == chosen]
            }]
        }
        data["items"] = TIPIFPack.judgementItems.map { item -> [String: Any] in
            let passed = form["\(item.id)_passed"] ?? ""
            return ["id": item.id, "clause": item.clause, "text": chinese ? item.zh : item.en, "met": passed == "true", "notMet": passed == "false",
                    "evidence": form["\(item.id)_evidence"] ?? "", "finding": form["\(item.id)_finding"] ?? ""]
        }
        let filled = (0..<EvaluationBody.maxAdoptions).filter { !(form["adoption_\($0)_park"] ?? "").isEmpty || !(form["adoption_\($0)_evidence"] ?? "").isEmpty }
        let rows = Array(0..<min(EvaluationBody.maxAdoptions, (filled.last ?? -1) + 2))
        data["adoptions"] = rows.map { index -> [String: Any] in
            let type = form["adoption_\(index)_type"] ?? assessment.park.profile.type.rawValue
            return ["index": index, "park": form["adoption_\(index)_park"] ?? "", "evidence": form["adoption_\(index)_evidence"] ?? "",
                    "types": ParkType.allCases.map { ["value": $0.rawValue, "label": chinese ? $0.nameZh : $0.rawValue.replacingOccurrences(of: "_", with: " "),
                                                      "selected": $0.rawValue == type] }]
        }
    }

    static func packs(_ record: EvaluationRecord, chinese: Bool, e: [String: String]) -> [[String: Any]] {
        record.packs.enumerated().map { index, pack in
            let pending = pack.grade_code == TIPIFPack.pending.code
            return ["index": index, "heading": "\(chinese ? pack.name_zh : pack.name_en)（\(pack.pack) v\(pack.version)）",
                    "grade": chinese ? pack.grade_zh : pack.grade_en, "gradeClass": pack.awarded ? "ok" : (pending ? "muted" : "warn"),
                    "lines": pack.lines.map { line -> [String: String] in
                        ["pack": String(index), "id": line.id, "clause": line.clause, "status": e[line.status] ?? line.status,
                         "kind": ["pass": "ok", "fail": "warn", "pending": "muted", "info": "muted"][line.status] ?? "muted",
                         "text": chinese ? line.zh : line.en]
                    }]
        }
    }
}
