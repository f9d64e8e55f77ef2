/// Which offsets count, and how much (STANDARD.md 1.1.2(a), 1.1.4(b), 1.1.7, 1.1.34;
/// docs/accounting-rules.md §4). Two steps:
///
/// 1. `account` checks one offset's integrity against the park and derives whether it is local:
///    - credits (CCER, PHCER, 1.1.7): retired, for this park, on a real date not after the report
///      date and not before the vintage year; vintage inside the park's window
///      (period end year − `offset_vintage_window_years` … period end year); PHCER only for
///      Guangdong parks; legacy (pre-2017) CCER flagged;
///    - funded external projects (1.1.4(b)): counted by their verified reductions, no commitment;
///    - own and co-developed projects (1.1.34): a commitment to run them for at least 3 years;
///    - every offset: its registry reference not already claimed by an earlier offset of the park.
/// 2. `allocate` shares the cap max(0, emissions − sequestration) among the eligible offsets, local
///    ones first (1.1.7 prefers them), then in file order; what is left over is surplus, shown and
///    not counted, so offsets never take the balance below zero (1.1.2(a)).
///
/// Every refusal and every partly counted offset carries an `AccountingWarning` with its clause.
enum OffsetRules {
    /// 1.1.34: own and co-developed projects need a commitment to run for 3 years or more.
    static let minimumCommitmentYears = 3
    /// CCER of an earlier vintage is legacy ("存量") CCER, issued under the 2012 interim measures
    /// before the 2017 suspension; it cannot be used for national ETS compliance from 2025 (MEE
    /// notice, Oct. 2023; reference data §7). Flagged, not refused: the park's vintage window decides.
    static let firstNewCCERVintage = 2017

    /// What the rules need to know about the park.
    struct Context {
        let profile: ParkProfile
        let period: AccountingPeriod
        let vintageWindowYears: Int
        /// `report_date`, else the caller's date of computation; nil: retirement dates are not
        /// compared with a report date (only a caller without a clock, such as a unit test).
        let reportDate: CalendarDate?
        /// Where the report date comes from, for the reason text.
        let reportDateSource: String
        /// The same in Chinese.
        let reportDateSourceZh: String
        let library: FactorLibrary

        init(park: ParkDefinition, library: FactorLibrary, today: CalendarDate?) {
            profile = park.profile
            period = park.period
            vintageWindowYears = park.rules.offsetVintageWindowYears
            reportDate = park.rules.reportDate ?? today
            reportDateSource = park.rules.reportDate == nil ? "the day of computation" : "rules.report_date"
            reportDateSourceZh = park.rules.reportDate == nil ? "核算当日" : "rules.report_date"
            self.library = library
        }
    }

    /// One offset checked against the park. `registryClaims` maps each registry key already seen
    /// in this definition to the offset that claimed it first. Throws a `ParkIssue` for input that
    /// cannot be accounted (a quantity that is not a CO2 mass, an unknown project province, a PHCER
    /// project outside Guangdong).
    static func account(_ offset: CarbonOffset, in context: Context,
                        registryClaims: inout [String: String]) throws -> OffsetAccount {
        let field = "offsets[\(offset.id)]"
        let tco2: Double
        do { tco2 = try offset.quantity.value(in: .tonneCO2) } catch {
            throw ParkIssue(code: "unit_mismatch", field: "\(field).quantity.unit",
                            message: "offset quantity in \(offset.quantity.unit.symbol) must be a CO2 mass (tCO2)",
                            zh: "抵消量的单位 \(offset.quantity.unit.symbol) 应为 CO2 质量（tCO2）",
                            location: offset.locations["quantity.unit"])
        }
        if let province = offset.projectProvince {
            guard context.library.gridArea(province)?.isProvince == true else {
                let known = context.library.gridAreas.filter(\.isProvince).map(\.key)
                throw ParkIssue(code: "unknown_province", field: "\(field).project_province",
                                message: "unknown province \"\(province)\"\(Suggestion.hint(for: province, in: known)) (known: \(known.joined(separator: ", ")))",
                                zh: "未知的省份：“\(province)”\(Suggestion.hintZh(for: province, in: known))；已知省份：\(known.joined(separator: "、"))",
                                location: offset.locations["project_province"])
            }
            if offset.type == .phcer, province != CarbonOffset.phcerProvince {
                throw ParkIssue(code: "invalid_value", field: "\(field).project_province",
                                message: "PHCER projects are in Guangdong by definition (粤环发〔2022〕4号), got \"\(province)\"",
                                zh: "碳普惠（PHCER）项目按定义位于广东（粤环发〔2022〕4号），此处填写的是“\(province)”",
                                location: offset.locations["project_province"])
            }
        }

        let clause = offset.type.clause
        var warnings: [AccountingWarning] = []
        var refusals: [String] = []
        func refuse(_ code: String, _ reason: String, zh: String, clause: String = clause) {
            refusals.append(reason)
            warnings.append(AccountingWarning(code: code, message: "\(offset.id): \(reason); not counted", zh: "\(offset.id)：\(zh)；不计入",
                                              clause: clause, subject: offset.id))
        }
        func note(_ code: String, _ message: String, zh: String, clause: String = clause) {
            warnings.append(AccountingWarning(code: code, message: "\(offset.id): \(message)", zh: "\(offset.id)：\(zh)",
                                              clause: clause, subject: offset.id))
        }

        // Local is derived (1.1.7); a typed flag is only compared with it.
        let parkProvince = context.profile.province
        let local = offset.isLocal(parkProvince: parkProvince)
        if let stated = offset.statedLocal {
            if let project = offset.effectiveProjectProvince, let parkProvince {
                if stated != local {
                    note("offset_local_mismatch", "typed local: \(stated) disagrees with the project's province \(project) and the park's \(parkProvince); "
                         + "counted as \(local ? "local" : "not local")",
                         zh: "填写的 local: \(stated) 与项目省份 \(project) 和园区省份 \(parkProvince) 不符；按\(local ? "本地" : "非本地")计",
                         clause: "1.1.7")
                }
            } else if stated {
                note("offset_local_unchecked", "typed local: true cannot be checked without "
                     + (parkProvince == nil ? "the park's province" : "project_province") + "; counted as not local",
                     zh: "填写的 local: true 无法核对（缺少" + (parkProvince == nil ? "园区省份" : "项目省份 project_province") + "）；按非本地计",
                     clause: "1.1.7")
            }
        }

        var basis: String
        if offset.type.isCredit {
            basis = "retired"
            if offset.type == .phcer, parkProvince != CarbonOffset.phcerProvince {
                refuse("offset_phcer_outside_guangdong", "PHCER (广东省碳普惠核证减排量, 粤环发〔2022〕4号) counts only for Guangdong parks; "
                       + "the park's province is \(parkProvince ?? "not stated")",
                       zh: "广东省碳普惠核证减排量（PHCER，粤环发〔2022〕4号）仅限广东园区使用；园区省份为"
                           + (parkProvince.map { " \($0)" } ?? "：未填写"))
            }
            if let retired = offset.retired {
                basis = "retired \(retired)"
                if let reportDate = context.reportDate, retired > reportDate {
                    refuse("offset_retired_after_report_date", "retired \(retired), after the report date \(reportDate) (\(context.reportDateSource))",
                           zh: "注销日期 \(retired) 晚于报告日期 \(reportDate)（\(context.reportDateSourceZh)）")
                }
                if let vintage = offset.vintage, retired.year < vintage {
                    refuse("offset_retired_before_vintage", "retired \(retired), before its vintage year \(vintage)",
                           zh: "注销日期 \(retired) 早于其减排年份 \(vintage) 年")
                }
                if let beneficiary = offset.retiredFor {
                    basis += " for \(beneficiary)"
                    if !names(beneficiary, context.profile) {
                        refuse("offset_retired_for_other", "retired for \"\(beneficiary)\", not for this park (\(context.profile.id), \(context.profile.name))",
                               zh: "注销受益方为“\(beneficiary)”，不是本园区（\(context.profile.id)，\(context.profile.name)）")
                    }
                } else {
                    note("offset_beneficiary_unstated", "the retirement's beneficiary (retired_for) is not stated; counted, "
                         + "but the retirement record should name the park",
                         zh: "未注明注销受益方（retired_for）；已计入，但注销记录应写明本园区")
                }
            } else {
                refuse("offset_not_retired", "not retired: only retired credits count", zh: "未注销：只有已注销的减排量才能计入")
            }
            if let vintage = offset.vintage {
                let last = context.period.end.year, first = last - context.vintageWindowYears
                if vintage > last {
                    refuse("offset_vintage_outside_window", "vintage \(vintage) is after the period's end year \(last)",
                           zh: "减排年份 \(vintage) 年晚于核算期结束年份 \(last) 年")
                } else if vintage < first {
                    refuse("offset_vintage_outside_window", "vintage \(vintage) is outside the window \(first)–\(last) "
                           + "(offset_vintage_window_years: \(context.vintageWindowYears))",
                           zh: "减排年份 \(vintage) 年超出年份窗口 \(first)–\(last) 年（offset_vintage_window_years: \(context.vintageWindowYears)）")
                }
                if offset.type == .ccer, vintage < firstNewCCERVintage {
                    note("offset_legacy_ccer", "legacy (pre-\(firstNewCCERVintage), 存量) CCER: not usable for national ETS compliance "
                         + "from 2025 (MEE notice, Oct. 2023)",
                         zh: "存量 CCER（\(firstNewCCERVintage) 年前）：自 2025 年起不能用于全国碳市场履约（生态环境部 2023 年 10 月通知）")
                }
            } else {
                refuse("offset_vintage_missing", "no vintage: the vintage window cannot be checked", zh: "缺少减排年份：无法核对年份窗口")
            }
        } else if offset.type == .fundedProject {
            // 1.1.4(b): an external project's reductions are counted once verified; no commitment.
            if let verification = offset.verification, !verification.allSatisfy(\.isWhitespace) {
                basis = "verified reductions of a funded project (\(verification))"
            } else {
                basis = "funded project"
                refuse("offset_not_verified", "a funded external project counts by its verified reductions; no verification given",
                       zh: "出资的外部项目按核证减排量计入；未提供核证信息")
            }
        } else {
            let years = offset.commitmentYears ?? 0
            basis = "project with a \(years)-year commitment"
            if years < minimumCommitmentYears {
                refuse("offset_commitment_too_short", offset.commitmentYears == nil
                       ? "no operating commitment: at least \(minimumCommitmentYears) years required"
                       : "commitment of \(years) years: at least \(minimumCommitmentYears) years required",
                       zh: offset.commitmentYears == nil
                           ? "没有运行承诺：至少需要承诺运行 \(minimumCommitmentYears) 年"
                           : "承诺运行 \(years) 年：至少需要 \(minimumCommitmentYears) 年")
            }
        }

        if let key = offset.registryKey {
            if let first = registryClaims[key] {
                refuse("offset_duplicate_registry_ref", "registry reference \(offset.registryRef ?? key) is already claimed by \(first): a reduction counts once",
                       zh: "登记编号 \(offset.registryRef ?? key) 已由 \(first) 申报：同一减排量只能计入一次")
            } else {
                registryClaims[key] = offset.id
                basis += " (\(offset.registryRef ?? key))"
            }
        }

        let eligible = refusals.isEmpty
        return OffsetAccount(id: offset.id, name: offset.name, type: offset.type, tco2: tco2, counted: false, eligible: eligible,
                             countedTco2: 0, surplusTco2: 0, reason: eligible ? basis : refusals.joined(separator: "; "),
                             local: local, vintage: offset.vintage, registryRef: offset.registryRef,
                             projectProvince: offset.effectiveProjectProvince, retired: offset.retired, retiredFor: offset.retiredFor,
                             clause: clause, warnings: warnings)
    }

    /// Whether `beneficiary` names the park: its id, name or English name, ignoring surrounding
    /// spaces and letter case.
    static func names(_ beneficiary: String, _ profile: ParkProfile) -> Bool {
        func normal(_ text: String) -> String {
            String(text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()).lowercased()
        }
        let wanted = normal(beneficiary)
        return [profile.id, profile.name, profile.nameEn].contains { $0.map(normal) == wanted }
    }

    /// Shares `cap` = max(0, emissions − sequestration) among the eligible offsets, local first, then
    /// in their order; returns the accounts, the counted total (exactly `cap` when the cap binds, so
    /// net is then exactly 0) and the warnings for offsets left partly or wholly as surplus.
    static func allocate(_ accounts: [OffsetAccount], cap: Double) -> (accounts: [OffsetAccount], total: Double, warnings: [AccountingWarning]) {
        var result = accounts
        let order = accounts.indices.filter { accounts[$0].eligible }.sorted { a, b in
            accounts[a].local != accounts[b].local ? accounts[a].local : a < b
        }
        var remaining = max(0, cap), sum = 0.0, binding = false
        var warnings: [AccountingWarning] = []
        for index in order {
            var account = result[index]
            var part = min(account.tco2, remaining)
            // A shortfall within rounding (the cap is a difference of sums) is no surplus.
            if account.tco2 - part <= 1e-9 * max(account.tco2, 1) { part = account.tco2 }
            remaining = max(0, remaining - part)
            sum += part
            account.countedTco2 = part
            account.surplusTco2 = account.tco2 - part
            account.counted = part > 0 || account.tco2 == 0
            if account.surplusTco2 > 0 {
                binding = true
                let detail = "\(Quantity.format(part)) of \(Quantity.format(account.tco2)) tCO2 counted, \(Quantity.format(account.surplusTco2)) tCO2 "
                    + "surplus beyond emissions − sequestration (\(Quantity.format(max(0, cap))) tCO2, 1.1.2(a))"
                account.reason += "; " + detail
                let detailZh = "计入 \(Quantity.format(part)) / \(Quantity.format(account.tco2)) tCO2，\(Quantity.format(account.surplusTco2)) tCO2 "
                    + "超出“排放 − 碳汇”（\(Quantity.format(max(0, cap))) tCO2，1.1.2(a)）为盈余"
                let warning = AccountingWarning(code: "offset_surplus", message: "\(account.id): \(detail); the surplus is shown, not counted",
                                                zh: "\(account.id)：\(detailZh)；盈余部分只列示，不计入",
                                                clause: account.clause, subject: account.id)
                account.warnings.append(warning)
                warnings.append(warning)
            }
            result[index] = account
        }
        return (result, binding ? max(0, cap) : min(sum, max(0, cap)), warnings)
    }
}
