import Foundation
import Testing
@testable import ZeroParkCore

/// Offset integrity (issue #7 item 4; STANDARD.md 1.1.2(a), 1.1.4(b), 1.1.7, 1.1.34;
/// docs/accounting-rules.md §4). Each rule has a worked example computed by hand in its comments and
/// an expectation that fails if the old convention came back.
///
/// The parks emit through one activity-factor source, `tonnes` t × 1 tCO2/t (park factor), so the
/// emissions are exactly the number given; sequestration is one CCUS sink of the given tCO2. Period:
/// calendar year 2025; the park is `test` / 测试园区 in Guangdong unless a test says otherwise.
struct OffsetIntegrityTests {
    static func park(emitting tonnes: Double, sequestering captured: Double = 0, province: String? = "guangdong",
                     rules: AccountingRules = .standard, offsets: [CarbonOffset]) -> ParkDefinition {
        let factor = ParkFactor(id: "park.e", value: 1, unit: TestPark.unit("tCO2/t"), source: "test")
        let sinks = captured > 0
            ? [CarbonSink(id: "ccus", name: "ccus", kind: .ccus(captured: Quantity(captured, .tonneCO2), verification: "GB/T 33760"), source: nil)]
            : []
        var park = TestPark.park(province: province, factors: [factor],
                                 sources: [TestPark.source(.activityFactor, tonnes, "t", factor: "park.e")], sinks: sinks, offsets: offsets)
        park.rules = rules
        return park
    }

    static func day(_ text: String) -> CalendarDate {
        CalendarDate(iso: text) ?? CalendarDate(year: 1, month: 1, day: 1)!
    }

    /// A retired credit for the park, vintage 2025, unless told otherwise.
    static func credit(_ id: String, _ tonnes: Double, _ type: OffsetType = .ccer, vintage: Int? = 2025, province: String? = nil,
                       local: Bool? = nil, retired: String? = "2026-03-01", retiredFor: String? = "test",
                       ref: String? = nil) -> CarbonOffset {
        CarbonOffset(id: id, name: id, type: type, quantity: Quantity(tonnes, .tonneCO2), vintage: vintage, local: local,
                     projectProvince: province, retired: retired.map(day), retiredFor: retiredFor, registryRef: ref ?? "REF-\(id)")
    }

    static func project(_ id: String, _ tonnes: Double, _ type: OffsetType, commitment: Int? = nil,
                        verification: String? = nil) -> CarbonOffset {
        CarbonOffset(id: id, name: id, type: type, quantity: Quantity(tonnes, .tonneCO2), registryRef: "REF-\(id)",
                     commitmentYears: commitment, verification: verification)
    }

    func compute(_ park: ParkDefinition, today: String? = nil) throws -> Inventory {
        try InventoryCalculator.compute(park, today: today.map(Self.day))
    }

    func account(_ inventory: Inventory, _ id: String) -> OffsetAccount? { inventory.offsets.first { $0.id == id } }

    func codes(_ inventory: Inventory, _ id: String) -> [String] {
        inventory.warnings.filter { $0.subject == id }.map(\.code)
    }

    // MARK: Cap (1.1.2(a)) and local-first allocation (1.1.7)

    @Test("counted offsets are capped at emissions − sequestration, local first; the rest is surplus")
    func capLocalFirst() throws {
        // cap = 30,000 − 5,000 = 25,000. File order: CCER 15,000 (not local), funded 2,400, PHCER 9,000 (local).
        // Local first: PHCER 9,000 → 16,000 left; then file order: CCER 15,000 → 1,000 left; funded 1,000 of 2,400,
        // surplus 1,400. Counted 9,000 + 15,000 + 1,000 = 25,000; net = 30,000 − 5,000 − 25,000 = 0 → balanced.
        // The old convention counted all 26,400 (net −1,400).
        let inventory = try compute(Self.park(emitting: 30_000, sequestering: 5_000, offsets: [
            Self.credit("ccer", 15_000),
            Self.project("funded", 2_400, .fundedProject, verification: "ISO 14064-2 statement"),
            Self.credit("phcer", 9_000, .phcer),
        ]))
        #expect(inventory.offsetsTco2 == 25_000)
        #expect(inventory.offsetsClaimedTco2 == 26_400)
        #expect(inventory.offsetSurplusTco2 == 1_400)
        #expect(inventory.netTco2 == 0)
        #expect(inventory.balanced)
        #expect(inventory.offsets.map(\.countedTco2) == [15_000, 1_000, 9_000])
        #expect(inventory.offsets.map(\.surplusTco2) == [0, 1_400, 0])
        #expect(inventory.offsets.map(\.counted) == [true, true, true])
        #expect(account(inventory, "phcer")?.local == true)
        let surplus = inventory.warnings.filter { $0.code == "offset_surplus" }
        #expect(surplus.map(\.subject) == ["funded"])
        #expect(surplus.first?.clause == "1.1.4(b)")
        #expect(account(inventory, "funded")?.reason.contains("1000 of 2400 tCO2 counted, 1400 tCO2 surplus") == true)
        #expect(account(inventory, "funded")?.warnings.map(\.code).contains("offset_surplus") == true)
    }

    @Test("with sequestration ≥ emissions nothing is counted: every eligible offset is surplus")
    func capZero() throws {
        // cap = max(0, 1,000 − 1,200) = 0: the 500 retired is all surplus; net = 1,000 − 1,200 − 0 = −200.
        // The old convention counted 500 (net −700).
        let inventory = try compute(Self.park(emitting: 1_000, sequestering: 1_200, offsets: [Self.credit("c", 500)]))
        #expect(inventory.offsetsTco2 == 0)
        #expect(inventory.offsetSurplusTco2 == 500)
        #expect(inventory.netTco2 == -200)
        #expect(account(inventory, "c")?.counted == false)
        #expect(account(inventory, "c")?.eligible == true)
        #expect(codes(inventory, "c").contains("offset_surplus"))
    }

    @Test("a cap that does not divide evenly still balances exactly")
    func capExact() throws {
        // cap = 100.3 − 0.1 = 100.2 (in binary floating point 100.19999999999999); 60.1 + 40.1 = 100.2 fill it and
        // the 0.2 is surplus. b's shortfall of ~1e-14 is rounding, not surplus; the counted total is the cap itself,
        // so net is exactly 0 (a residue such as 1e-14 would read "not balanced").
        let inventory = try compute(Self.park(emitting: 100.3, sequestering: 0.1, offsets: [
            Self.credit("a", 60.1), Self.credit("b", 40.1), Self.credit("c", 0.2),
        ]))
        #expect(inventory.netTco2 == 0)
        #expect(inventory.balanced)
        #expect(account(inventory, "b")?.surplusTco2 == 0)
        #expect(!codes(inventory, "b").contains("offset_surplus"))
        #expect(account(inventory, "c")?.surplusTco2 == 0.2)
    }

    // MARK: Local is derived (1.1.7)

    @Test("local is derived from the project's province; a typed local: true on another province is not local")
    func localDerived() throws {
        // cap = 10,000. File order: A 10,000 in Inner Mongolia typed `local: true`; B 10,000 in Guangdong, nothing typed.
        // Derived: B is local (guangdong = guangdong), A is not → B 10,000 counted, A 10,000 surplus.
        // The old convention trusted the typed flag: A first (both "local", file order) would have been counted.
        let inventory = try compute(Self.park(emitting: 10_000, offsets: [
            Self.credit("a", 10_000, province: "neimenggu", local: true),
            Self.credit("b", 10_000, province: "guangdong"),
        ]))
        #expect(account(inventory, "a")?.local == false)
        #expect(account(inventory, "b")?.local == true)
        #expect(account(inventory, "b")?.countedTco2 == 10_000)
        #expect(account(inventory, "a")?.countedTco2 == 0)
        #expect(account(inventory, "a")?.surplusTco2 == 10_000)
        let mismatch = inventory.warnings.first { $0.code == "offset_local_mismatch" }
        #expect(mismatch?.subject == "a")
        #expect(mismatch?.clause == "1.1.7")
    }

    @Test("a typed local that cannot be checked is warned about and not trusted; PHCER is local in Guangdong")
    func localUnchecked() throws {
        let inventory = try compute(Self.park(emitting: 50_000, offsets: [
            Self.credit("typed", 1_000, local: true),           // no project_province: cannot be checked
            Self.credit("quiet", 1_000, local: false),          // typed false, unknown: same outcome, no warning
            Self.credit("phcer", 1_000, .phcer, local: false),  // PHCER → Guangdong = the park's province: local
        ]))
        #expect(account(inventory, "typed")?.local == false)
        #expect(codes(inventory, "typed").contains("offset_local_unchecked"))
        #expect(!codes(inventory, "quiet").contains { $0.hasPrefix("offset_local") })
        #expect(account(inventory, "phcer")?.local == true)
        #expect(account(inventory, "phcer")?.projectProvince == "guangdong")
        #expect(codes(inventory, "phcer").contains("offset_local_mismatch"))
    }

    @Test("an unknown project province, or a PHCER project outside Guangdong, is an input error")
    func projectProvinceErrors() {
        let unknown = TestPark.issues(Self.park(emitting: 1, offsets: [Self.credit("x", 1, province: "atlantis")]))
        #expect(unknown.map(\.code) == ["unknown_province"])
        #expect(unknown.first?.field == "offsets[x].project_province")
        let phcer = TestPark.issues(Self.park(emitting: 1, offsets: [Self.credit("p", 1, .phcer, province: "zhejiang")]))
        #expect(phcer.map(\.code) == ["invalid_value"])
    }

    // MARK: PHCER only for Guangdong parks (1.1.7; 粤环发〔2022〕4号)

    @Test("PHCER counts only for Guangdong parks")
    func phcerGuangdongOnly() throws {
        // Zhejiang park, emissions 20,000: PHCER 9,000 refused, CCER 3,000 counted → offsets 3,000; net 17,000.
        // The old convention counted the PHCER too (offsets 12,000).
        let zhejiang = try compute(Self.park(emitting: 20_000, province: "zhejiang", offsets: [
            Self.credit("phcer", 9_000, .phcer), Self.credit("ccer", 3_000),
        ]))
        #expect(zhejiang.offsetsTco2 == 3_000)
        #expect(zhejiang.netTco2 == 17_000)
        #expect(account(zhejiang, "phcer")?.eligible == false)
        #expect(account(zhejiang, "phcer")?.local == false)
        let refusal = zhejiang.warnings.first { $0.code == "offset_phcer_outside_guangdong" }
        #expect(refusal?.clause == "1.1.7")
        #expect(refusal?.subject == "phcer")
        // A park with no province cannot show it is in Guangdong either.
        let unknown = try compute(Self.park(emitting: 20_000, province: nil, offsets: [Self.credit("phcer", 9_000, .phcer)]))
        #expect(unknown.offsetsTco2 == 0)
        // In Guangdong it counts: 9,000.
        let guangdong = try compute(Self.park(emitting: 20_000, offsets: [Self.credit("phcer", 9_000, .phcer)]))
        #expect(guangdong.offsetsTco2 == 9_000)
    }

    // MARK: Vintage window (offset_vintage_window_years, ZeroPark policy default 5)

    @Test("vintage must lie in period end year − window … period end year; no vintage, no count")
    func vintageWindow() throws {
        // Period 2025, default window 5 → 2020–2025. Each 100: 2019 refused, 2020 counted, 2025 counted,
        // 2026 refused (after the period), none refused → counted 200. The old convention counted all 500.
        let inventory = try compute(Self.park(emitting: 10_000, offsets: [
            Self.credit("v2019", 100, vintage: 2019, retired: "2026-03-01"),
            Self.credit("v2020", 100, vintage: 2020),
            Self.credit("v2025", 100, vintage: 2025),
            Self.credit("v2026", 100, vintage: 2026, retired: "2026-03-01"),
            Self.credit("none", 100, vintage: nil),
        ]))
        #expect(inventory.offsetsTco2 == 200)
        #expect(inventory.offsets.map(\.eligible) == [false, true, true, false, false])
        #expect(codes(inventory, "v2019").contains("offset_vintage_outside_window"))
        #expect(codes(inventory, "v2026").contains("offset_vintage_outside_window"))
        #expect(codes(inventory, "none").contains("offset_vintage_missing"))
        #expect(account(inventory, "v2019")?.reason.contains("2020–2025") == true)

        // The park's own window of 2 years → 2023–2025: the 2022 vintage is refused, 2023 counted.
        var rules = AccountingRules.standard
        rules.offsetVintageWindowYears = 2
        let narrow = try compute(Self.park(emitting: 10_000, rules: rules, offsets: [
            Self.credit("v2022", 100, vintage: 2022), Self.credit("v2023", 100, vintage: 2023),
        ]))
        #expect(narrow.offsets.map(\.eligible) == [false, true])
        #expect(narrow.offsetsTco2 == 100)
    }

    @Test("legacy (pre-2017) CCER is flagged; it counts only inside the park's window")
    func legacyCCER() throws {
        // Window 10 → 2015–2025: CCER vintage 2016 counted (100) with the `offset_legacy_ccer` flag; vintage 2017 not flagged.
        var rules = AccountingRules.standard
        rules.offsetVintageWindowYears = 10
        let inventory = try compute(Self.park(emitting: 10_000, rules: rules, offsets: [
            Self.credit("old", 100, vintage: 2016), Self.credit("new", 100, vintage: 2017),
        ]))
        #expect(inventory.offsetsTco2 == 200)
        let flag = inventory.warnings.first { $0.code == "offset_legacy_ccer" }
        #expect(flag?.subject == "old")
        #expect(flag?.clause == "1.1.7")
        #expect(!codes(inventory, "new").contains("offset_legacy_ccer"))
        // Under the default window (2020–2025) the same legacy credit is refused.
        let standard = try compute(Self.park(emitting: 10_000, offsets: [Self.credit("old", 100, vintage: 2016)]))
        #expect(standard.offsetsTco2 == 0)
    }

    // MARK: Retirement: for the park, real date, not after the report date (1.1.7)

    @Test("a credit retired after the report date does not count; report_date decides over today")
    func retiredAfterReportDate() throws {
        // report_date 2026-03-31: retired 2026-03-31 counted (not after), 2026-04-01 refused → 100 counted.
        var rules = AccountingRules.standard
        rules.reportDate = Self.day("2026-03-31")
        let park = Self.park(emitting: 10_000, rules: rules, offsets: [
            Self.credit("on", 100, retired: "2026-03-31"), Self.credit("after", 100, retired: "2026-04-01"),
        ])
        // The rule wins over the caller's date (today 2027-01-01 would let both count).
        let inventory = try compute(park, today: "2027-01-01")
        #expect(inventory.offsetsTco2 == 100)
        let refusal = inventory.warnings.first { $0.code == "offset_retired_after_report_date" }
        #expect(refusal?.subject == "after")
        #expect(refusal?.clause == "1.1.7")

        // No report_date: the caller's date. Today 2026-03-10: a retirement dated 2026-03-15 is in the future → refused.
        let today = try compute(Self.park(emitting: 10_000, offsets: [Self.credit("future", 100, retired: "2026-03-15")]),
                                today: "2026-03-10")
        #expect(today.offsetsTco2 == 0)
        #expect(codes(today, "future").contains("offset_retired_after_report_date"))
    }

    @Test("a credit must be retired, not before its vintage year, and for this park")
    func retirementRecord() throws {
        // Each 100: unretired refused; retired 2024-12-31 for vintage 2025 refused (before the reductions);
        // retired for "某贸易公司" refused; for the park's id, name and English-name-insensitive case counted;
        // beneficiary not stated: counted with a warning. Counted 4 × 100 = 400.
        var park = Self.park(emitting: 10_000, offsets: [
            Self.credit("unretired", 100, retired: nil),
            Self.credit("early", 100, vintage: 2025, retired: "2024-12-31"),
            Self.credit("other", 100, retiredFor: "某贸易公司"),
            Self.credit("byID", 100, retiredFor: " test "),
            Self.credit("byName", 100, retiredFor: "测试园区"),
            Self.credit("byNameEn", 100, retiredFor: "TEST PARK"),
            Self.credit("unstated", 100, retiredFor: nil),
        ])
        park.profile.nameEn = "Test Park"
        let inventory = try compute(park)
        #expect(inventory.offsets.map(\.eligible) == [false, false, false, true, true, true, true])
        #expect(inventory.offsetsTco2 == 400)
        #expect(codes(inventory, "unretired") == ["offset_not_retired"])
        #expect(codes(inventory, "early") == ["offset_retired_before_vintage"])
        #expect(codes(inventory, "other") == ["offset_retired_for_other"])
        #expect(codes(inventory, "unstated") == ["offset_beneficiary_unstated"])
        #expect(account(inventory, "unstated")?.counted == true)
        #expect(inventory.warnings.filter { $0.subject != nil }.allSatisfy { $0.clause == "1.1.7" })
    }

    // MARK: Registry reference unique (1.1.7: a reduction counts once)

    @Test("a registry reference claimed twice counts once: the later claim is refused")
    func duplicateRegistryRef() throws {
        // 1,000 + 1,000 with the same reference (case and spaces ignored) → the first 1,000 counted, the second refused.
        // The old convention counted both (2,000).
        let inventory = try compute(Self.park(emitting: 10_000, offsets: [
            Self.credit("first", 1_000, ref: "CCER-2024-015-0042"),
            Self.credit("again", 1_000, ref: " ccer-2024-015-0042 "),
            Self.project("own", 500, .ownProject, commitment: 3),
        ]))
        #expect(inventory.offsetsTco2 == 1_500)
        #expect(inventory.offsets.map(\.eligible) == [true, false, true])
        let refusal = inventory.warnings.first { $0.code == "offset_duplicate_registry_ref" }
        #expect(refusal?.subject == "again")
        #expect(refusal?.message.contains("first") == true)
    }

    // MARK: Projects: funded (1.1.4(b)) and own/co-developed (1.1.34)

    @Test("a funded project counts by its verified reductions without a commitment; unverified it does not")
    func fundedProjects() throws {
        // Verified, no commitment: 2,400 counted (the old convention refused it for want of a 3-year commitment).
        // Unverified with a 3-year commitment: refused (1.1.4(b) counts verified reductions). Counted 2,400.
        let inventory = try compute(Self.park(emitting: 10_000, offsets: [
            Self.project("verified", 2_400, .fundedProject, verification: "ISO 14064-2 核查声明"),
            Self.project("unverified", 700, .fundedProject, commitment: 3),
        ]))
        #expect(inventory.offsetsTco2 == 2_400)
        #expect(inventory.offsets.map(\.counted) == [true, false])
        let refusal = inventory.warnings.first { $0.code == "offset_not_verified" }
        #expect(refusal?.subject == "unverified")
        #expect(refusal?.clause == "1.1.4(b)")
        #expect(account(inventory, "verified")?.clause == "1.1.4(b)")
    }

    @Test("every refusal is a warning with its clause, and the line's reason names it")
    func refusalsCarryClauses() throws {
        let inventory = try compute(Self.park(emitting: 10_000, province: "zhejiang", offsets: [
            Self.credit("phcer", 1, .phcer, retired: nil),
            Self.project("own", 1, .ownProject, commitment: 2),
            Self.project("funded", 1, .fundedProject),
        ]))
        // PHCER outside Guangdong and not retired: two refusals, both in the reason.
        #expect(codes(inventory, "phcer") == ["offset_phcer_outside_guangdong", "offset_not_retired"])
        #expect(account(inventory, "phcer")?.reason.contains("Guangdong") == true)
        #expect(account(inventory, "phcer")?.reason.contains("not retired") == true)
        var clauses: [String: Set<String>] = [:]
        for warning in inventory.warnings { if let subject = warning.subject { clauses[subject, default: []].insert(warning.clause ?? "") } }
        #expect(clauses == ["phcer": ["1.1.7"], "own": ["1.1.34"], "funded": ["1.1.4(b)"]])
        #expect(inventory.offsetsTco2 == 0)
    }

    // MARK: Rules and the JSON contract

    @Test("the two offset rules read, write and default like the other rules")
    func rules() {
        var rules = AccountingRules.standard
        #expect(rules.offsetVintageWindowYears == 5)
        #expect(rules.reportDate == nil)
        #expect(rules.changedSettings.isEmpty)
        let ok1 = rules.set("offset_vintage_window_years", to: "3"); #expect(ok1)
        let ok2 = rules.set("report_date", to: "2026-03-31"); #expect(ok2)
        #expect(rules.changedSettings.map(\.key) == ["offset_vintage_window_years", "report_date"])
        #expect(rules.changedSettings.map(\.value) == ["3", "2026-03-31"])
        let ok3 = rules.set("offset_vintage_window_years", to: "51"); #expect(!ok3)
        let ok4 = rules.set("offset_vintage_window_years", to: "-1"); #expect(!ok4)
        let ok5 = rules.set("offset_vintage_window_years", to: "٣"); #expect(!ok5)
        let ok6 = rules.set("report_date", to: "2026-02-30"); #expect(!ok6)
        #expect(rules.offsetVintageWindowYears == 3)
        let ok7 = rules.set("report_date", to: ""); #expect(ok7)
        #expect(rules.reportDate == nil)
        #expect(AccountingRules.keys.contains("offset_vintage_window_years") && AccountingRules.keys.contains("report_date"))
        #expect(AccountingRules.accepted("report_date") == "a date YYYY-MM-DD")
    }

    @Test("the JSON document adds counted, surplus and integrity fields and keeps the old ones")
    func jsonContract() throws {
        let inventory = try compute(Self.park(emitting: 30_000, sequestering: 5_000, offsets: [
            Self.credit("ccer", 15_000, province: "neimenggu"),
            Self.project("funded", 2_400, .fundedProject, verification: "ISO 14064-2"),
            Self.credit("phcer", 9_000, .phcer),
        ]))
        let data = try JSONEncoder().encode(InventoryDocument(inventory))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let totals = try #require(object["totals"] as? [String: Any])
        #expect(totals["offsets_tco2"] as? Double == 25_000)
        #expect(totals["offsets_claimed_tco2"] as? Double == 26_400)
        #expect(totals["offset_surplus_tco2"] as? Double == 1_400)
        let offsets = try #require(object["offsets"] as? [[String: Any]])
        for key in ["id", "name", "type", "tco2", "counted", "reason", "local", "eligible", "counted_tco2", "surplus_tco2", "clause"] {
            #expect(offsets[1][key] != nil, "offsets[1].\(key)")
        }
        #expect(offsets[1]["tco2"] as? Double == 2_400)
        #expect(offsets[1]["counted_tco2"] as? Double == 1_000)
        #expect(offsets[0]["project_province"] as? String == "neimenggu")
        #expect(offsets[0]["retired"] as? String == "2026-03-01")
        #expect(offsets[0]["retired_for"] as? String == "test")
        // A document written before these fields still decodes.
        let old = #"{"id":"c","name":"c","type":"CCER","tco2":1,"counted":true,"reason":"r","local":false}"#
        let decoded = try JSONDecoder().decode(InventoryDocument.Offset.self, from: Data(old.utf8))
        #expect(decoded.countedTco2 == nil && decoded.eligible == nil)
    }
}
