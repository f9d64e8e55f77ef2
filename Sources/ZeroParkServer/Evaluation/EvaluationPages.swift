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
        web.post("parks/:park/evaluations/:id/evidence") { request, context in try await attach(request, context) }
        web.get("parks/:park/evaluations/:id/evidence/:file") { _, context in
            let caller = try context.requireLogin()
            let (file, bytes) = try await store.evidenceContent(parkKey: try context.parameter("park"), evaluationID: try Self.id(context),
                                                                evidenceID: try Self.fileID(context), caller: caller)
            return Self.download(file, bytes)
        }
        web.post("parks/:park/evaluations/:id/evidence/:file/delete") { request, context in
            let caller = try context.requireLogin()
            _ = try await WebForm.verified(request, context: context)
            let key = try context.parameter("park"), id = try Self.id(context)
            try await store.removeEvidence(parkKey: key, evaluationID: id, evidenceID: try Self.fileID(context), caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/evaluations/\(id)#evidence"])
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

    /// Attaches an uploaded file to a draft. The caller must be one of the park's evaluators and the
    /// evaluation a draft before the body is read; the body is bounded, then parsed (multipart), the
    /// CSRF token checked, the file's kind read from its bytes. Problems are shown on the page (422).
    func attach(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let key = try context.parameter("park"), id = try Self.id(context)
        let park = try await store.park(key: key, caller: caller)
        let stored = try await store.evaluation(parkKey: key, id: id, caller: caller)
        guard caller.canEvaluate(parkID: park.id) else {
            throw StoreError.forbidden("只有园区的第三方核查人员（评价人）可以附加证据 / only the park's evaluators (auditors) attach evidence")
        }
        guard stored.state == .draft else {
            throw StoreError.conflict("评价 #\(id) 已提交，不能再附加证据 / evaluation \(id) is submitted: no evidence can be added")
        }
        let limit = SQLiteParkStore.evidenceFileLimit
        let chinese = context.language == .zh
        do {
            guard let form = try await WebForm.multipart(request, context: context, limit: limit + (64 << 10)) else {
                throw InputError(InputProblem(code: "content_type", field: "file", zh: "须以 multipart/form-data 上传文件",
                                              en: "a file is uploaded as multipart/form-data"))
            }
            let item = form.field("item") ?? ""
            guard Self.evidenceItems(chinese: chinese, e: [:]).contains(where: { $0["value"] == item }) else {
                throw InputError(InputProblem(code: "choice", field: "item", zh: "未知的核查项", en: "unknown checklist item"))
            }
            guard let part = form.file("file") else {
                throw InputError(InputProblem(code: "required", field: "file", zh: "请选择要附加的文件", en: "choose a file to attach"))
            }
            let checked = try EvidenceFile.check(fileName: part.fileName ?? "", bytes: part.body, field: "file", maxBytes: limit)
            _ = try await store.addEvidence(parkKey: key, evaluationID: id, item: item, fileName: checked.fileName, mediaType: checked.mediaType,
                                            content: part.body, caller: caller)
            return Response(status: .seeOther, headers: [.location: "/parks/\(key)/evaluations/\(id)#evidence"])
        } catch let error as InputError {
            return try await detail(context, form: nil, problems: error.problems, saved: false, status: .unprocessableContent)
        }
    }

    /// The checklist items a file can support: the start of operation, each judgement item, the adoptions.
    static func evidenceItems(chinese: Bool, e: [String: String]) -> [[String: String]] {
        [["value": "operation", "label": e["operationItem"] ?? "operation"]]
            + TIPIFPack.judgementItems.map { item in
                let text = chinese ? item.zh : item.en
                return ["value": item.id, "label": "[\(item.clause)] " + (text.count > 28 ? String(text.prefix(28)) + "…" : text)]
            }
            + [["value": "adoption", "label": e["adoptionItem"] ?? "adoption"]]
    }

    /// A stored evidence file as a download: never shown inline, never sniffed, sandboxed.
    static func download(_ file: EvaluationEvidence, _ bytes: [UInt8]) -> Response {
        let ascii = String(file.fileName.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = file.fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? "evidence"
        return Response(status: .ok, headers: [
            .contentType: file.mediaType, .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            .init("X-Content-Type-Options")!: "nosniff", .contentSecurityPolicy: "default-src 'none'; sandbox", .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func fileID(_ context: AppRequestContext) throws -> Int64 {
        guard let id = Int64(try context.parameter("file")), id > 0 else { throw StoreError.notFound("evidence") }
        return id
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
        let assessment = try await service.assess(parkKey: key, body: body, evaluationID: id, caller: caller)
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
        let items = Self.evidenceItems(chinese: chinese, e: e)
        let files = try await store.evidence(parkKey: key, evaluationID: id, caller: caller)
        data["evidence"] = files.map { file -> [String: Any] in
            ["id": file.id, "item": items.first { $0["value"] == file.item }?["label"] ?? file.item, "fileName": file.fileName,
             "kind": file.mediaType.split(separator: ";").first.map(String.init) ?? file.mediaType, "size": Display.number(Double(file.size), decimals: 0),
             "sha256": file.sha256, "by": file.uploadedBy, "at": TelemetryFormat.isoTime(file.uploadedAt),
             "href": "/parks/\(key)/evaluations/\(id)/evidence/\(file.id)"]
        }
        data["hasEvidence"] = !files.isEmpty
        data["evidenceItems"] = items
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
