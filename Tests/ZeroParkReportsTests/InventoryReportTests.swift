import Foundation
import Testing
import ZeroParkCore
import ZeroParkParkFile
@testable import ZeroParkReports

/// The report's tables (issue #11 item 1) against the inventory they come from: every source once, every
/// factor once with the sources that use it, and the balance table equal to the inventory's totals.
struct InventoryReportTests {
    static let lineage = ReportLineage(snapshotID: 7, createdAt: "2026-03-01 10:00", createdBy: "manager", inputHash: "aa", outputHash: "bb")

    @Test func theTablesCarryTheInventoryExactly() throws {
        let yaml = try String(contentsOfFile: InventoryReportTests.root + "/examples/creative-park.yaml", encoding: .utf8)
        let inventory = try InventoryCalculator.compute(try ParkFileReader.read(yaml: yaml), today: CalendarDate(year: 2026, month: 11, day: 26))
        let report = InventoryReport(inventory: inventory, lineage: Self.lineage, language: .zh)
        func table(_ id: String) throws -> ReportTable { try #require(report.tables.first { $0.id == id }) }
        #expect(report.tables.map(\.id) == ["profile", "sources", "factors", "systems", "sinks", "offsets", "balance", "indicator", "quality",
                                            "pathway", "lineage"])
        // Without a recorded context the report says so rather than showing today's data.
        #expect(try table("quality").rows == [[.text("—"), .text("本快照保存于记录此项之前，未包含。"), .text(""), .text(""), .text(""), .text(""), .text("")]])
        #expect(try table("sources").rows.map { $0.first } == inventory.sources.map { .text($0.id) })
        // Each factor row names the sources using it; together they cover every source that has a factor.
        let factors = try table("factors")
        #expect(Set(factors.rows.map { $0[0] }).count == factors.rows.count)
        let users = Set(factors.rows.flatMap { row -> [String] in
            guard case let .text(text) = row[6] else { return [] }
            return text.components(separatedBy: "、")
        })
        #expect(users == Set(inventory.sources.filter { $0.factor != nil }.map(\.id)))
        // Balance rows: emissions, location-based, sequestration, offsets, net — the inventory's own figures.
        let balance = try table("balance").rows.prefix(5).map { $0[1] }
        #expect(balance == [.number(inventory.emissionsTco2, decimals: 2), .number(inventory.locationBasedTco2, decimals: 2),
                            .number(inventory.sequestrationTco2, decimals: 2), .number(inventory.offsetsTco2, decimals: 2),
                            .number(inventory.netTco2, decimals: 2)])
        #expect(try table("lineage").rows.contains { $0 == [.text("依据的盘查快照"), .text("#7")] })
        // Sheet names: at most 31 characters, none of []:*?/\ (the workbook's rule).
        for title in report.tables.map(\.title) + [report.notesTitle] {
            #expect(!title.isEmpty && title.count <= 31 && !title.contains { "[]:*?/\\\\".contains($0) })
        }
    }

    @Test func theRecordedContextIsShownAsItStood() throws {
        let yaml = try String(contentsOfFile: InventoryReportTests.root + "/examples/creative-park.yaml", encoding: .utf8)
        let inventory = try InventoryCalculator.compute(try ParkFileReader.read(yaml: yaml), today: CalendarDate(year: 2026, month: 11, day: 26))
        let context = SnapshotContext(meters: 3, quality: [.init(source: "office-power", name: "办公楼外购电力", expected: 35_040, completeness: 0.85,
                                                                 estimatedShare: 0.1, flagged: 2)],
                                      plan: .init(version: 2, baseYear: 2025, balanceYear: 2030, createdAt: "2026-01-02", createdBy: "manager", reason: "按实际重排"),
                                      trial: .init(start: "2026-01-01", end: "2026-12-31", planVersion: 2, threshold: 0.05, monthsCompared: 10,
                                                   plannedNetToDate: 100, actualNetToDate: 120.5, findings: 3),
                                      dataTrailHead: String(repeating: "ab", count: 32), dataTrailSeq: 5)
        #expect(SnapshotContext.decode(context.json) == context)
        let report = InventoryReport(inventory: inventory, lineage: Self.lineage, context: context, language: .zh)
        let quality = try #require(report.tables.first { $0.id == "quality" })
        // 85 % measured is below the 90 % rule of 1.1.33.
        #expect(quality.rows.first == [.text("office-power"), .text("办公楼外购电力"), .number(35_040, decimals: 0), .text("85.0%"), .text("10.0%"),
                                       .number(2, decimals: 0), .text("低于 90%，该源排放依据不足")])
        #expect(quality.rows.last?[2] == .number(3, decimals: 0))
        let pathway = try #require(report.tables.first { $0.id == "pathway" }).rows
        #expect(pathway.contains([.text("达到平衡的年份"), .text("2030")]))
        #expect(pathway.contains([.text("至今实际净排放（tCO2）"), .number(120.5, decimals: 2)]))
        #expect(pathway.contains([.text("偏差发现（阈值 5.0%）"), .number(3, decimals: 0)]))
        let lineage = try #require(report.tables.first { $0.id == "lineage" }).rows
        #expect(lineage.contains([.text("保存时的数据链头（SHA-256，zeropark verify）"), .text(String(repeating: "ab", count: 32) + " (#5)")]))
        // Why each factor is the one used: the creative park defines no factor of its own, so every one is the library's.
        let factors = try #require(report.tables.first { $0.id == "factors" }).rows
        #expect(!factors.isEmpty && factors.allSatisfy { $0[4] == .text("因子库缺省值（园区未提供本园区数值）") })
        // A park value replacing a library factor, and a park factor the library lacks.
        let overriding = FactorUse(id: "grid.guangdong", quantity: Quantity(0.4, try QuantityUnit.parse("tCO2/MWh")), source: "合同", vintage: 2025, origin: .park,
                                   overridden: true)
        #expect(InventoryReport.choice(overriding, Strings(language: .zh)) == "园区数值，替代因子库缺省值")
        let own = FactorUse(id: "park.water", quantity: Quantity(0.2, try QuantityUnit.parse("kgCO2/t")), source: "测算", vintage: nil, origin: .park, overridden: false)
        #expect(InventoryReport.choice(own, Strings(language: .zh)) == "园区自定（因子库无此项）")
    }

    @Test func offsetReasonsAreWordedInChineseFromTheAccount() throws {
        var yaml = try String(contentsOfFile: InventoryReportTests.root + "/examples/creative-park.yaml", encoding: .utf8)
        // The hydro credits un-retired: refused under 1.1.7; the forestry credits alone then count in full.
        yaml = yaml.replacingOccurrences(of: "    retired: 2026-03-12\n    registry_ref: CCER-示例-2024-0002", with: "    registry_ref: CCER-示例-2024-0002")
        let refused = try InventoryCalculator.compute(try ParkFileReader.read(yaml: yaml), today: CalendarDate(year: 2026, month: 11, day: 26))
        let zh = Strings(language: .zh)
        let hydro = try #require(refused.offsets.first { $0.id == "ccer-hydro" })
        #expect(zh.offsetReason(hydro).hasPrefix("不计入：未注销"))
        let forestry = try #require(refused.offsets.first { $0.id == "ccer-forestry-zj" })
        #expect(zh.offsetReason(forestry).hasPrefix("2026-03-12 注销（CCER-示例-ZJ-2025-0001）；全部计入"))
        // Both retired: 10,621.57 − 16.18 = 10,605.38 to cover; forestry 8,000 counts first, hydro 2,605.38 of 3,000,
        // the other 394.62 is surplus (1.1.2(a)).
        let both = try InventoryCalculator.compute(try ParkFileReader.read(yaml: try String(contentsOfFile: InventoryReportTests.root + "/examples/creative-park.yaml",
                                                                                              encoding: .utf8)),
                                                   today: CalendarDate(year: 2026, month: 11, day: 26))
        let partial = try #require(both.offsets.first { $0.id == "ccer-hydro" })
        #expect(zh.offsetReason(partial).contains("计入 2,605.38 / 3,000.00 tCO2，394.62 tCO2 超出“排放 − 碳汇”为盈余，不计入（1.1.2(a)）"))
        #expect(Strings(language: .en).offsetReason(partial) == partial.reason)
    }

    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
}
