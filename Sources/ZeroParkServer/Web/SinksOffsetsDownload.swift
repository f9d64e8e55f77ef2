import Foundation
import Hummingbird
import ZeroParkReports

extension ParkPages {
    /// The sinks-and-offsets page's three tables of a year (sinks, offsets with the rule applied, green
    /// certificates) as CSV or XLSX (issue #12 defect 9), the columns and words of the page, tonnes and MWh
    /// unrounded. As the caller may see them (the page's own access rules).
    func sinksOffsetsDownload(_ request: Request, _ context: AppRequestContext) async throws -> TableDownload {
        let loaded = try await load(request, context, nav: "navSinks")
        let key = loaded.park.profile.id
        let computed = try await service.compute(parkKey: key, year: loaded.year, caller: loaded.caller)
        let strings = t(context)
        let text = WebText.dictionary(context.language)
        func words(_ keys: String...) -> [String] { keys.map { text[$0] ?? $0 } }
        func value(_ row: [String: Any], _ key: String) -> String { row[key].map { "\($0)" } ?? "" }
        let (sinks, offsets) = try await sinkAndOffsetRows(loaded, inventory: computed.inventory, strings: strings)
        let certificates = try await certificateRows(computed.inventory, parkKey: key, caller: loaded.caller, strings: strings)
        let sinkTable = DownloadTable(title: text["sinks"] ?? "", header: words("key", "name", "kind", "detail") + ["tCO2 \(loaded.year)"],
                                      rows: sinks.map { row in ["id", "name", "kind", "detail", "tco2Raw"].map { value(row, $0) } },
                                      numericColumns: [4])
        let offsetTable = DownloadTable(title: text["offsets"] ?? "",
                                        header: words("key", "name", "type", "claimedT", "countedT", "surplusT", "counted", "local", "reason", "warnings"),
                                        rows: offsets.map { row in
                                            ["id", "name", "type", "tco2Raw", "countedRaw", "surplusRaw", "counted", "local", "reason", "warnings"].map { value(row, $0) }
                                        }, numericColumns: [3, 4, 5])
        let certificateTable = DownloadTable(title: text["greenCertificates"] ?? "",
                                             header: [text["certificateId"] ?? "", text["source"] ?? "", "MWh"]
                                                 + words("generatedIn", "claimYear", "retiredOn", "appliedMWh", "status", "reason"),
                                             rows: certificates.map { row in
                                                 ["id", "source", "mwhRaw", "vintage", "year", "retired", "appliedRaw", "status", "reason"].map { value(row, $0) }
                                             }, numericColumns: [2, 3, 4, 6])
        return TableDownload(fileName: "zeropark-\(key)-\(loaded.year)-sinks-offsets", tables: [sinkTable, offsetTable, certificateTable])
    }
}
