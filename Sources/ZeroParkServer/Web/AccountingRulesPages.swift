import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkReports
import ZeroParkStore

/// The dashboard's green-certificate list and form (on the sinks-and-offsets page) and the
/// accounting-rules form (on the settings page): issue #7, docs/accounting-rules.md §1–5.
extension ParkPages {
    /// Rows of the park's certificates with how much of each was applied in the shown year.
    func certificateRows(_ inventory: Inventory, parkKey: String, caller: Caller, strings: Strings) async throws -> [[String: Any]] {
        let accounts = Dictionary(inventory.certificates.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try await store.certificates(parkKey: parkKey, caller: caller).map { item -> [String: Any] in
            let account = accounts[item.certificate.id]
            return ["id": item.certificate.id, "source": item.certificate.source, "mwh": Display.number(item.certificate.mwh, decimals: 0),
                    "vintage": item.certificate.vintage, "year": item.year,
                    "retired": item.certificate.retired?.description ?? strings("未注销", "not retired"),
                    "applied": account.map { Display.number($0.appliedMWh, decimals: 0) } ?? "—",
                    "status": account.map { certificateStatus($0.status, strings) } ?? strings("非本年度", "other year"),
                    "reason": account.map { certificateReason($0, strings) } ?? "",
                    "mwhRaw": DownloadTable.number(item.certificate.mwh), "appliedRaw": DownloadTable.number(account?.appliedMWh)]
        }
    }

    /// The certificate's reason in the page's language (the JSON keeps the English `reason`).
    func certificateReason(_ account: CertificateAccount, _ strings: Strings) -> String {
        switch account.status {
        case .applied:
            return strings("\(account.retired?.description ?? "") 注销，\(account.vintage) 年生产", "retired \(account.retired?.description ?? ""), generated \(account.vintage)")
        case .partlyApplied:
            let applied = Display.number(account.appliedMWh, decimals: 0), total = Display.number(account.mwh, decimals: 0)
            return strings("抵扣 \(applied) / \(total) MWh：\(account.source) 的电网电量已全部覆盖",
                           "\(applied) of \(total) MWh applied: \(account.source) has no more grid power to cover")
        case .notRetired:
            return strings("未为本园区注销，不抵扣", "not retired for the park: not applied")
        case .outsidePeriod:
            return strings("\(account.vintage) 年生产，不在核算期内，不抵扣", "generated in \(account.vintage), outside the period: not applied")
        }
    }

    func certificateStatus(_ status: CertificateAccount.Status, _ strings: Strings) -> String {
        switch status {
        case .applied: return strings("已抵扣", "Applied")
        case .partlyApplied: return strings("部分抵扣", "Partly applied")
        case .notRetired: return strings("未注销，不抵扣", "Not retired, not applied")
        case .outsidePeriod: return strings("非核算期生产，不抵扣", "Outside the period, not applied")
        }
    }

    func createCertificate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? 0
        let strings = t(context)
        do {
            guard let mwh = WebForm.value(form, "mwh").flatMap(Double.init), mwh.isFinite, mwh >= 0 else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: strings("须为不小于 0 的数", "must be a number ≥ 0"),
                               field: "mwh")
            }
            guard let vintage = WebForm.value(form, "vintage").flatMap(Int.init) else {
                throw APIError(status: .unprocessableContent, code: "invalid", message: strings("须为年份", "must be a year"), field: "vintage")
            }
            // The API body's reading of the date, so the form and the API refuse the same input.
            var body = APIModels.CertificateBody(GreenCertificate(id: form["id"] ?? "", source: form["source"] ?? "", mwh: mwh,
                                                                  vintage: vintage, registry: WebForm.value(form, "registry")), year: year)
            body.retired = WebForm.value(form, "retired")
            let certificate = try body.certificate()
            try await service.check(certificate: certificate, year: year, parkKey: key, caller: caller)
            try await store.createCertificate(parkKey: key, certificate: certificate, year: year, caller: caller)
        } catch let error as APIError {
            return try await sinksOffsets(request, context, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await sinksOffsets(request, context, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        } catch let error as StoreError where error.isInputError {
            return try await sinksOffsets(request, context, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(year)"])
    }

    func deleteCertificate(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        _ = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        try await store.deleteCertificate(parkKey: key, key: try context.parameter("certificate"), caller: caller)
        let year = request.uri.queryParameters.get("year") ?? ""
        return Response(status: .seeOther, headers: [.location: "/parks/\(key)/sinks-offsets?year=\(year)"])
    }

    /// The rules form's choices, each with its label and whether it is the park's current value.
    func ruleChoices(_ rules: AccountingRules, _ strings: Strings) -> [[String: Any]] {
        func options<T: RawRepresentable & CaseIterable>(_ all: T.AllCases, _ current: T, _ label: (T) -> String) -> [[String: Any]]
            where T.RawValue == String {
            all.map { ["value": $0.rawValue, "label": label($0), "selected": $0 == current] }
        }
        return [
            ["key": "market_basis", "label": strings("市场法电力因子", "Market-based electricity factor"),
             "options": options(AccountingRules.MarketBasis.allCases, rules.marketBasis, strings.marketRule)],
            ["key": "exported_energy", "label": strings("输出能源", "Exported energy"),
             "options": options(AccountingRules.ExportedEnergyRule.allCases, rules.exportedEnergy, strings.exportRule)],
            ["key": "clean_energy", "label": strings("清洁能源口径", "Clean-energy definition"),
             "options": options(AccountingRules.CleanEnergyDefinition.allCases, rules.cleanEnergy, strings.cleanEnergy)],
            ["key": "indicator_electricity", "label": strings("核心指标的电力口径", "Electricity basis of the core indicator"),
             "options": options(AccountingRules.IndicatorElectricityBasis.allCases, rules.indicatorElectricity, strings.indicatorBasis)],
            ["key": "combustion_non_co2", "label": strings("燃烧产生的 CH4 与 N2O（IPCC 2006 缺省值，单列）", "Combustion CH4 and N2O (IPCC 2006 defaults, apart)"),
             "options": [false, true].map { value -> [String: Any] in
                 ["value": value ? "true" : "false", "label": value ? strings("计算并单列", "Compute, report apart") : strings("不计算", "Off"),
                  "selected": value == rules.combustionNonCO2]
             }],
        ]
    }

    /// The rules entered as text: the offset vintage window and the report date.
    func ruleInputs(_ rules: AccountingRules, _ strings: Strings) -> [[String: Any]] {
        [["key": "offset_vintage_window_years", "label": strings("抵消减排年份窗口（年，ZeroPark 默认 5）", "Offset vintage window (years; ZeroPark default 5)"),
          "value": String(rules.offsetVintageWindowYears), "mode": "numeric"],
         ["key": "report_date", "label": strings("报告日期 YYYY-MM-DD（空：计算当日）", "Report date YYYY-MM-DD (empty: the day of computation)"),
          "value": rules.reportDate?.description ?? "", "mode": "text"]]
    }

    func saveRules(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        try await restatementAfterChange(request, context, title: t(context)("核算规则已保存：核算结果重述", "Accounting rules saved: the inventory restated")) { form, key, caller in
            var rules = AccountingRules.standard
            for ruleKey in AccountingRules.keys {
                // An empty report date clears it; other empty fields keep their defaults.
                guard let value = ruleKey == "report_date" ? (form[ruleKey] ?? "") : WebForm.value(form, ruleKey) else { continue }
                guard rules.set(ruleKey, to: value) else {
                    throw APIError(status: .unprocessableContent, code: "invalid",
                                   message: "须为以下之一：\(AccountingRules.accepted(ruleKey)) / must be one of \(AccountingRules.accepted(ruleKey))", field: ruleKey)
                }
            }
            try await store.updateRules(parkKey: key, rules: rules, caller: caller)
        }
    }
}
