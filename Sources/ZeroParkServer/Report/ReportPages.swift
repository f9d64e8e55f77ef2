import Foundation
import Hummingbird
import Mustache
import ZeroParkCore
import ZeroParkInput
import ZeroParkParkFile
import ZeroParkReports
import ZeroParkStore
import ZeroParkXLSX

/// The park's emissions-and-sequestration report of a stored inventory snapshot (issue #11 item 1;
/// STANDARD.md 1.1.11, 1.1.30): `/parks/{park}/inventories/{id}/report` as an A4 page with print CSS and
/// the charts as SVG, `…/report.pdf` printed by headless Chromium, `…/report.xlsx` one sheet per table
/// (libxlsxwriter). Every member but tenants (who see no snapshots). Generated from the snapshot's input
/// park file, with nothing of the moment in it, so the HTML and XLSX are the same bytes each time.
///
/// The same tables also export the live figures of a year (issue #12 defect 9), for every member as they
/// may see them (a tenant its own enterprise's): `/parks/{park}/export.csv` (UTF-8 with a BOM, one-language
/// header), `…/export.xlsx` and `…/export` (the printable page; `…/export.pdf` printed), each labelled as
/// live figures, not a snapshot.
struct ReportPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let pdfs: PrintedPDFs
    let inventories: InventoryService

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("parks/:park/export.csv") { request, context in
            let live = try await liveExport(request, context)
            let csv = "\u{FEFF}" + InventoryCSVRenderer(language: context.language == .zh ? .zh : .en).render(live.inventory)
            return Self.attachment(Data(csv.utf8), name: live.fileName + ".csv", type: "text/csv; charset=utf-8")
        }
        web.get("parks/:park/export.xlsx") { request, context in
            let live = try await liveExport(request, context)
            let data = try ReportWorkbook.data(live.report, created: live.created)
            return Self.attachment(data, name: live.fileName + ".xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
        web.get("parks/:park/export") { request, context in
            let live = try await liveExport(request, context)
            let html = ReportPrint.html(live.report, inventory: live.inventory, context: live.context, chinese: context.language == .zh)
            return PrintPage.response(html)
        }
        web.get("parks/:park/export.pdf") { request, context in
            let live = try await liveExport(request, context)
            let html = ReportPrint.html(live.report, inventory: live.inventory, context: live.context, chinese: context.language == .zh)
            // Keyed by the page's own hash: live figures change, and the same figures print once.
            return await pdfs.response(key: "export-" + ContentHash.sha256(html), html: html, fileName: live.fileName + ".pdf",
                                       title: live.report.title, renderer: renderer, context: context)
        }
        web.get("parks/:park/inventories/:id/report") { _, context in
            let (_, html) = try await report(context)
            return PrintPage.response(html)
        }
        web.get("parks/:park/inventories/:id/report.pdf") { _, context in
            let (built, html) = try await report(context)
            return await pdfs.response(key: "report-\(built.parkKey)-\(built.snapshotID)-\(context.language.rawValue)", html: html,
                                       fileName: built.fileName + ".pdf", title: built.report.title, renderer: renderer, context: context)
        }
        // The report of the snapshot a published park discloses, for anyone (1.1.2(d)).
        web.get("public/:park/report") { _, context in
            let key = try context.parameter("park")
            guard let published = try await store.publishedSnapshot(parkKey: key, caller: nil) else { throw StoreError.notFound("published report \(key)") }
            let built = try Self.build(snapshot: published.snapshot, parkKey: key, language: context.language)
            let html = ReportPrint.html(built.report, inventory: built.inventory, context: built.context, chinese: context.language == .zh)
            return PrintPage.response(html)
        }
        web.get("parks/:park/inventories/:id/report.xlsx") { _, context in
            let built = try await build(context)
            let data = try ReportWorkbook.data(built.report, created: built.created)
            return Self.attachment(data, name: built.fileName + ".xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        }
    }

    struct Built: Sendable {
        let parkKey: String
        let snapshotID: Int64
        let report: InventoryReport
        let inventory: Inventory
        let context: SnapshotContext?
        let created: Date
        var fileName: String { "zeropark-report-\(parkKey)-\(snapshotID)" }
    }

    /// The report of the snapshot in the path, as the caller may see it.
    func build(_ context: AppRequestContext) async throws -> Built {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        guard let id = Int64(try context.parameter("id")), id > 0 else { throw StoreError.notFound("snapshot") }
        return try Self.build(snapshot: try await store.snapshot(parkKey: key, id: id, caller: caller), parkKey: key, language: context.language)
    }

    /// The report of a snapshot read with its input park file and context.
    static func build(snapshot: InventorySnapshot, parkKey key: String, language: Language) throws -> Built {
        let id = snapshot.id
        let definition = try ParkFileReader.read(yaml: snapshot.inputParkFile ?? "")
        let created = Self.date(snapshot.createdAt)
        let inventory = try InventoryCalculator.compute(definition, today: definition.rules.reportDate ?? ReportClock.today(created))
        let lineage = ReportLineage(snapshotID: id, createdAt: TelemetryFormat.isoTime(snapshot.createdAt), createdBy: snapshot.createdBy,
                                    inputHash: snapshot.inputHash, outputHash: snapshot.outputHash)
        let recorded = SnapshotContext.decode(snapshot.context)
        let report = InventoryReport(inventory: inventory, lineage: lineage, context: recorded, language: language == .zh ? .zh : .en)
        return Built(parkKey: key, snapshotID: id, report: report, inventory: inventory, context: recorded, created: created)
    }

    /// A year's live figures as the caller may see them, as report tables; the monitoring, plan and trial
    /// context is included for those who may read it (not tenants).
    struct LiveExport: Sendable {
        let report: InventoryReport
        let inventory: Inventory
        let context: SnapshotContext?
        let created: Date
        let fileName: String
    }

    func liveExport(_ request: Request, _ context: AppRequestContext) async throws -> LiveExport {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let year = request.uri.queryParameters.get("year").flatMap(Int.init) ?? park.defaultYear
        guard Domain.year.contains(year) else {
            throw StoreError.invalid(field: "year", message: "须为 \(Domain.year.lowerBound)–\(Domain.year.upperBound) / must be \(Domain.year.lowerBound)–\(Domain.year.upperBound)")
        }
        let computed = try await inventories.compute(parkKey: key, year: year, caller: caller)
        let tenant = caller.tenantEnterprise(parkID: park.id)
        let recorded = tenant == nil
            ? try await inventories.snapshotContext(parkKey: key, year: year, inventory: computed.inventory, caller: caller) : nil
        let report = InventoryReport(inventory: computed.inventory, lineage: nil, context: recorded, language: context.language == .zh ? .zh : .en)
        let name = "zeropark-\(key)-\(year)" + (tenant.map { "-" + $0 } ?? "") + "-live"
        return LiveExport(report: report, inventory: computed.inventory, context: recorded, created: Date(), fileName: name)
    }

    func report(_ context: AppRequestContext) async throws -> (Built, String) {
        let built = try await build(context)
        return (built, ReportPrint.html(built.report, inventory: built.inventory, context: built.context, chinese: context.language == .zh))
    }

    /// The time a snapshot was saved (ISO 8601 UTC, with or without milliseconds); 1980-01-01 when unreadable
    /// (the earliest time a zip entry can carry), so a workbook never falls back to the time of writing.
    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 315_532_800)
    }

    static func attachment(_ data: Data, name: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

/// The report's tables as a workbook: one sheet per table, numbers as numbers in the table's decimals.
enum ReportWorkbook {
    static func data(_ report: InventoryReport, created: Date) throws -> Data {
        let sheets = report.tables.map { table in
            XLSXWriter.Sheet(name: table.title, header: table.headers, rows: table.rows.map { row in
                row.map { cell -> XLSXWriter.Cell in
                    switch cell {
                    case let .text(text): return .text(text)
                    case let .number(value, decimals): return .number(value, format: decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: decimals))
                    }
                }
            }, widths: table.headers.map { max(10, min(48, Double($0.count) * 2.2 + 4)) })
        } + (report.notes.isEmpty ? [] : [XLSXWriter.Sheet(name: report.notesTitle, header: [report.notesTitle], rows: report.notes.map { [.text($0)] }, widths: [100])])
        return try XLSXWriter.data(sheets, title: report.title + " · " + report.parkName, author: "ZeroPark", created: created)
    }
}
