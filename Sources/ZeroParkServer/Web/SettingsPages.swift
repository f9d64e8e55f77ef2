import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkReports
import ZeroParkStore

/// Editing sinks and offsets, and the park settings page: publication (1.1.2(d)), members and
/// roles, and the audit log.
extension ParkPages {
    func editSinkForm(_ request: Request, _ context: AppRequestContext, form override: [String: String]? = nil,
                      error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSinks")
        let sinkKey = try context.parameter("sink")
        guard let sink = try await store.sinks(parkKey: loaded.park.profile.id, caller: loaded.caller).first(where: { $0.id == sinkKey }) else {
            throw StoreError.notFound("sink \(sinkKey)")
        }
        var form: [String: String] = ["id": sink.id, "name": sink.name, "kind": sink.kind.key, "source": sink.source ?? ""]
        switch sink.kind {
        case let .greenery(area, rate):
            form["area"] = Quantity.format(area)
            form["rate"] = Quantity.format((try? rate.value(in: .tonneCO2PerHectareYear)) ?? rate.value)
        case let .ccus(captured, _):
            form["captured"] = Quantity.format((try? captured.value(in: .tonneCO2)) ?? captured.value)
        }
        if let override { form.merge(override) { $1 } }
        var data: [String: Any] = ["parkKey": loaded.park.profile.id, "year": loaded.year, "form": form, "greenery": sink.kind.key == "greenery"]
        if let error { data["formError"] = error }
        return renderer.page("sinkForm", title: sink.name, context: context, data: data, park: loaded.nav, status: status)
    }

    func updateSink(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), sinkKey = try context.parameter("sink")
        let year = request.uri.queryParameters.get("year").flatMap(Int.init)
        do {
            let body = Self.sinkBody(form, id: sinkKey)
            try await store.updateSink(parkKey: key, sink: try body.sink(), year: body.kind == "ccus" ? year : nil, caller: caller)
        } catch let error as APIError {
            return try await editSinkForm(request, context, form: form, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await editSinkForm(request, context, form: form, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(year ?? 0)"])
    }

    func editOffsetForm(_ request: Request, _ context: AppRequestContext, form override: [String: String]? = nil,
                        error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSinks")
        let offsetKey = try context.parameter("offset")
        guard let item = try await store.offsets(parkKey: loaded.park.profile.id, caller: loaded.caller).first(where: { $0.offset.id == offsetKey }) else {
            throw StoreError.notFound("offset \(offsetKey)")
        }
        let offset = item.offset
        var form: [String: String] = ["id": offset.id, "name": offset.name, "year": String(item.year),
                                      "tco2": Quantity.format((try? offset.quantity.value(in: .tonneCO2)) ?? offset.quantity.value),
                                      "retired": offset.retired?.description ?? "", "commitment": offset.commitmentYears.map(String.init) ?? "",
                                      "registry": offset.registryRef ?? "", "type": offset.type.rawValue,
                                      "vintage": offset.vintage.map(String.init) ?? "", "projectProvince": offset.projectProvince ?? "",
                                      "retiredFor": offset.retiredFor ?? "", "verification": offset.verification ?? ""]
        if let override {
            form.merge(override) { $1 }
            // The submitted form's field names, where they differ from the page's.
            for (field, name) in [("project_province", "projectProvince"), ("retired_for", "retiredFor"), ("registry_ref", "registry"),
                                  ("commitment_years", "commitment")] {
                if let value = override[field] { form[name] = value }
            }
        }
        let strings = t(context)
        var data: [String: Any] = [
            "parkKey": loaded.park.profile.id, "year": loaded.year, "form": form,
            "types": OffsetType.allCases.map { ["value": $0.rawValue, "label": strings.offsetType($0), "selected": $0.rawValue == form["type"]] },
            "provinces": ProvinceChoices.options(selected: form["projectProvince"], chinese: context.language == .zh, allowNone: true,
                                                 noneLabel: strings("（未注明）", "(not given)")),
        ]
        if let error { data["formError"] = error }
        return renderer.page("offsetForm", title: offset.name, context: context, data: data, park: loaded.nav, status: status)
    }

    func updateOffset(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park"), offsetKey = try context.parameter("offset")
        let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? 0
        do {
            let body = Self.offsetBody(form, id: offsetKey, year: year)
            let offset = try body.offset()
            try await service.check(offset: offset, year: year, parkKey: key, caller: caller)
            try await store.updateOffset(parkKey: key, offset: offset, year: year, caller: caller)
        } catch let error as APIError {
            return try await editOffsetForm(request, context, form: form, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await editOffsetForm(request, context, form: form, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        } catch let error as StoreError where error.isInputError {
            // A registry reference another offset already claims (409 in the API) is a form error here.
            return try await editOffsetForm(request, context, form: form, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(year)"])
    }

    func deleteSinkOrOffset(_ request: Request, _ context: AppRequestContext, entity: String) async throws -> Response {
        let caller = try context.requireLogin()
        _ = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        try await store.deleteSinkOrOffset(parkKey: key, entity: entity, key: try context.parameter(entity), caller: caller)
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(request.uri.queryParameters.get("year") ?? "")"])
    }

    func settings(_ request: Request, _ context: AppRequestContext, error: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await load(request, context, nav: "navSettings")
        let key = loaded.park.profile.id
        let role = loaded.caller.role(parkID: loaded.park.id)
        let language = context.language
        let profile = loaded.park.profile
        var data: [String: Any] = ["parkKey": key, "year": loaded.year, "name": name(loaded.park, language),
                                   "isAdmin": role == .admin, "canAudit": [.admin, .manager, .auditor].contains(role),
                                   "canEdit": loaded.caller.canEditPark(parkID: loaded.park.id),
                                   "published": loaded.park.published, "target": loaded.park.reductionTarget ?? "",
                                   "profile": ["name": profile.name, "nameEn": profile.nameEn ?? "", "province": profile.province ?? "",
                                               "area": Quantity.format(profile.areaM2), "output": profile.outputValueCNY.map(Quantity.format) ?? "",
                                               "evidence": profile.boundaryEvidence.joined(separator: "\n")],
                                   "parkTypes": ParkType.allCases.map { ["value": $0.rawValue, "label": language == .zh ? $0.nameZh : $0.nameEn,
                                                                         "selected": $0 == profile.type] },
                                   "provinces": ProvinceChoices.options(selected: profile.province, chinese: language == .zh, allowNone: true,
                                                                        noneLabel: language == .zh ? "（未设置）" : "(not set)")]
        if role == .admin {
            // The snapshot the disclosure shows (issue #12 defect 10): any of the park's snapshots, or none (live data).
            let published = try await store.publishedSnapshot(parkKey: key, caller: loaded.caller)
            data["publishedSnapshots"] = try await store.snapshots(parkKey: key, caller: loaded.caller).map { snapshot -> [String: Any] in
                ["id": snapshot.id, "label": "#\(snapshot.id) · \(snapshot.year) · \(TelemetryFormat.isoTime(snapshot.createdAt)) · \(Display.number(snapshot.emissionsTco2)) tCO2",
                 "selected": snapshot.id == published?.snapshot.id]
            }
            if let published {
                data["publishedSnapshot"] = ["id": published.snapshot.id, "at": TelemetryFormat.isoTime(published.publishedAt), "by": published.publishedBy]
            }
        }
        if loaded.caller.canEditPark(parkID: loaded.park.id) {
            data["factors"] = try await store.parkFactors(parkKey: key, caller: loaded.caller).map { factor -> [String: Any] in
                ["id": factor.id, "value": Quantity.format(factor.value), "unit": UnitText.display(factor.unit.symbol, chinese: context.language == .zh), "source": factor.source,
                 "overrides": FactorLibrary.builtIn.contains(factorID: factor.id)]
            }
            let strings = t(context)
            data["fuels"] = try await store.parkFuels(parkKey: key, caller: loaded.caller).map { fuel -> [String: Any] in
                ["id": fuel.id, "name": fuel.name, "ncv": fuel.ncv.description, "cc": fuel.carbonContent.description,
                 "oxidation": Quantity.format(fuel.oxidation), "biogenic": strings.yesNo(fuel.biogenic), "source": fuel.source]
            }
        }
        data["rules"] = ruleChoices(loaded.park.rules, t(context))
        data["ruleInputs"] = ruleInputs(loaded.park.rules, t(context))
        if role == .admin {
            data["members"] = try await store.members(parkKey: key, caller: loaded.caller).map {
                ["username": $0.username, "displayName": $0.displayName, "roleName": language == .zh ? $0.role.nameZh : $0.role.rawValue,
                 "enterprise": $0.enterprise ?? ""]
            }
            data["roles"] = ParkRole.allCases.map { ["value": $0.rawValue, "label": language == .zh ? $0.nameZh : $0.rawValue] }
        }
        if [.admin, .manager, .auditor].contains(role) {
            data["audit"] = try await store.auditLog(parkKey: key, caller: loaded.caller, limit: 100).map { entry -> [String: String] in
                var row = ["at": TelemetryFormat.isoTime(entry.at), "actor": entry.actor,
                           "action": AuditText.action(entry.action, chinese: language == .zh),
                           "entity": AuditText.entity(entry.entity, chinese: language == .zh), "entityKey": entry.entityKey]
                if let before = entry.before, !before.isEmpty { row["before"] = AuditText.change(before, chinese: language == .zh) }
                if let after = entry.after, !after.isEmpty { row["after"] = AuditText.change(after, chinese: language == .zh) }
                return row
            }
        }
        if let error { data["formError"] = error }
        return renderer.page("settings", title: WebText.text("settings", language), context: context, data: data, park: loaded.nav, status: status)
    }

    func savePublication(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context) { form, key, caller in
            try await store.setPublished(parkKey: key, published: form["published"] == "true",
                                         reductionTarget: WebForm.value(form, "target"), caller: caller)
        }
    }

    /// Publishes one of the park's snapshots on the disclosure, or withdraws it (empty choice). Park admins.
    func savePublishedSnapshot(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context) { form, key, caller in
            var id: Int64?
            if let text = WebForm.value(form, "snapshot") {
                guard let value = Int64(text), value > 0 else { throw StoreError.invalid(field: "snapshot", message: "须为快照编号 / a snapshot number") }
                id = value
            }
            try await store.publishSnapshot(parkKey: key, snapshotID: id, caller: caller)
        }
    }

    func grantMember(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context) { form, key, caller in
            guard let role = form["role"].flatMap(ParkRole.init(rawValue:)) else {
                throw StoreError.invalid(field: "role", message: ParkRole.allCases.map(\.rawValue).joined(separator: ", "))
            }
            try await store.grant(parkKey: key, username: form["username"] ?? "", role: role,
                                  enterprise: WebForm.value(form, "enterprise"), caller: caller)
        }
    }

    /// Removes a member (park admins): the park's last admin stays, said in the page's language.
    func revokeMember(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let username = try context.parameter("username")
        return try await settingsChange(request, context, refusal: .conflict) { _, key, caller in
            do {
                try await store.revoke(parkKey: key, username: username, caller: caller)
            } catch StoreError.conflict {
                throw StoreError.invalid(field: "username", message: t(context)("\(username) 是本园区唯一的管理员，不能移除：请先把管理员角色授予另一位成员",
                                                                               "\(username) is the park's last admin and stays: give another member the admin role first"))
            }
        }
    }

    func saveProfile(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context) { form, key, caller in
            let notANumber = t(context)("须为数字", "must be a number")
            guard let type = form["type"].flatMap(ParkType.init(rawValue:)) else {
                throw StoreError.invalid(field: "type", message: ParkType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard let area = WebForm.value(form, "area_m2").flatMap(Double.init) else {
                throw StoreError.invalid(field: "area_m2", message: notANumber)
            }
            let output = WebForm.value(form, "output_value_cny")
            guard output == nil || output.flatMap(Double.init) != nil else {
                throw StoreError.invalid(field: "output_value_cny", message: notANumber)
            }
            let evidence = (form["boundary_evidence"] ?? "").split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            let profile = ParkProfile(id: key, name: form["name"] ?? "", nameEn: WebForm.value(form, "name_en"), type: type,
                                      province: WebForm.value(form, "province"), areaM2: area, outputValueCNY: output.flatMap(Double.init),
                                      boundaryEvidence: evidence)
            try await store.updateProfile(parkKey: key, profile: profile, caller: caller)
        }
    }

    func saveFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await restatementAfterChange(request, context, title: t(context)("园区因子已保存：核算结果重述", "Park factor saved: the inventory restated")) { form, key, caller in
            guard let value = WebForm.value(form, "value").flatMap(Double.init) else {
                throw StoreError.invalid(field: "value", message: t(context)("须为数字", "must be a number"))
            }
            let factor = try APIModels.FactorBody(value: value, unit: form["unit"] ?? "", source: form["source"] ?? "").factor(id: form["id"] ?? "")
            try await service.check(factor, parkKey: key, caller: caller)
            try await store.saveParkFactor(parkKey: key, factor: factor, caller: caller)
        }
    }

    func deleteFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context, refusal: .conflict) { _, key, caller in
            try await store.deleteParkFactor(parkKey: key, factorKey: try context.parameter("factor"), caller: caller)
        }
    }

    func saveFuel(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context) { form, key, caller in
            func number(_ field: String) throws -> Double {
                guard let value = WebForm.value(form, field).flatMap(Double.init) else {
                    throw StoreError.invalid(field: field, message: t(context)("须为数字", "must be a number"))
                }
                return value
            }
            let body = APIModels.FuelBody(name: form["name"] ?? "", ncv: .init(value: try number("ncv"), unit: form["ncv_unit"] ?? ""),
                                          carbonContent: .init(value: try number("cc"), unit: form["cc_unit"] ?? ""),
                                          oxidation: try number("oxidation"), biogenic: form["biogenic"] == "true", source: form["source"] ?? "")
            let fuel = try body.fuel(id: form["id"] ?? "")
            try await service.check(fuel, parkKey: key, caller: caller)
            try await store.saveParkFuel(parkKey: key, fuel: fuel, caller: caller)
        }
    }

    func deleteFuel(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await settingsChange(request, context, refusal: .conflict) { _, key, caller in
            try await store.deleteParkFuel(parkKey: key, fuelKey: try context.parameter("fuel"), caller: caller)
        }
    }

    /// Runs one settings change from a CSRF-checked form and returns to the settings page; input
    /// the store or the accounting refuses is shown on the page with `refusal` as the status.
    func settingsChange(_ request: Request, _ context: AppRequestContext, refusal: HTTPResponse.Status = .unprocessableContent,
                        _ change: ([String: String], String, Caller) async throws -> Void) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        do {
            try await change(form, key, caller)
        } catch let error as StoreError where error.isInputError {
            return try await settings(request, context, error: WebErrorText.message(error, chinese: context.language == .zh), status: refusal)
        } catch let error as APIError {
            return try await settings(request, context, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: refusal)
        } catch let error as ParkInputError {
            return try await settings(request, context, error: ParkIssueText.message(error, chinese: context.language == .zh), status: refusal)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/settings"])
    }
}
