import Foundation
import Hummingbird
import ZeroParkPlanning
import ZeroParkStore

/// A stored plan version's tables as CSV and XLSX (issue #12 defect 9, `TableDownload`): its years (business as usual, reductions,
/// emissions, sinks, local and other offsets, net, costs) and its measures (stage, category, start, tonnes,
/// costs, MAC), from the version's `zeropark.plan/1` document — unrounded, a header in the reader's language. Every member but tenants (like the version itself).
enum PlanExports {
    struct Document: Decodable {
        struct Year: Decodable {
            struct Purchase: Decodable {
                let tonnes: Double
                let local: Bool?
            }
            let year: Int
            let business_as_usual_tco2: Double?
            let emissions_tco2: Double?
            let net_tco2: Double?
            let measure_cost_cny: Double?
            let offset_cost_cny: Double?
            let reductions: [String: Double]?
            let sinks: [String: Double]?
            let offsets: [Purchase]?
        }
        struct Measure: Decodable {
            let id: String
            let name: String
            let category: String
            let stage: String?
            let start_year: Int?
            let tonnes_per_year: Double?
            let capex_cny: Double?
            let annual_cost_cny: Double?
            let mac_cny_per_tonne: Double?
        }
        let years: [Year]
        let measures: [Measure]
    }

    static func register(on web: RouterGroup<AppRequestContext>, store: any ParkRepository) {
        web.downloads("parks/:park/plans/:version/years") { _, context in
            let (key, version, document) = try await load(context, store: store)
            let chinese = context.language == .zh
            let header = chinese
                ? ["年份", "基准情景 tCO2", "减排 tCO2", "排放 tCO2", "碳汇 tCO2", "本地抵消 tCO2", "其他抵消 tCO2", "净排放 tCO2", "措施费用 元", "抵消费用 元"]
                : ["year", "business as usual tCO2", "reduced tCO2", "emissions tCO2", "sinks tCO2", "local offsets tCO2", "other offsets tCO2",
                   "net tCO2", "measure cost CNY", "offset cost CNY"]
            let rows = document.years.map { year -> [String] in
                let offsets = year.offsets ?? []
                let local = offsets.filter { $0.local == true }.reduce(0) { $0 + $1.tonnes }
                let other = offsets.filter { $0.local != true }.reduce(0) { $0 + $1.tonnes }
                let text = DownloadTable.number
                return [String(year.year), text(year.business_as_usual_tco2), text(year.reductions.map(sum)), text(year.emissions_tco2),
                        text(year.sinks.map(sum)), String(local), String(other), text(year.net_tco2), text(year.measure_cost_cny), text(year.offset_cost_cny)]
            }
            return TableDownload(fileName: "zeropark-\(key)-plan-\(version)-years", tables: [
                DownloadTable(title: chinese ? "方案第 \(version) 版逐年" : "Plan v\(version) years", header: header, rows: rows, numericColumns: Set(0...9))])
        }
        web.downloads("parks/:park/plans/:version/measures") { _, context in
            let (key, version, document) = try await load(context, store: store)
            let chinese = context.language == .zh
            let header = chinese
                ? ["编号", "名称", "类别", "阶段", "起始年", "tCO2/年", "投资 元", "年化成本 元/年", "边际减排成本 元/tCO2"]
                : ["id", "name", "category", "stage", "start year", "tCO2/yr", "capex CNY", "annual cost CNY/yr", "MAC CNY/tCO2"]
            let rows = document.measures.map { m -> [String] in
                let category = MeasureCategory(rawValue: m.category).map { chinese ? $0.nameZh : $0.nameEn } ?? m.category
                let text = DownloadTable.number
                return [m.id, m.name, category, m.stage ?? "", m.start_year.map(String.init) ?? "", text(m.tonnes_per_year), text(m.capex_cny),
                        text(m.annual_cost_cny), text(m.mac_cny_per_tonne)]
            }
            return TableDownload(fileName: "zeropark-\(key)-plan-\(version)-measures", tables: [
                DownloadTable(title: chinese ? "方案第 \(version) 版措施" : "Plan v\(version) measures", header: header, rows: rows, numericColumns: Set(4...8))])
        }
    }

    static func sum(_ values: [String: Double]) -> Double { values.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value } }

    static func load(_ context: AppRequestContext, store: any ParkRepository) async throws -> (String, Int, Document) {
        let caller = try context.requireLogin()
        let key = try context.parameter("park")
        guard let version = Int(try context.parameter("version")), version > 0 else { throw StoreError.notFound("plan version") }
        let plan = try await store.plan(parkKey: key, version: version, caller: caller)
        guard let text = plan.document, let document = try? JSONDecoder().decode(Document.self, from: Data(text.utf8)) else {
            throw StoreError.conflict("方案第 \(version) 版没有可读的文档 / plan version \(version) has no readable document")
        }
        return (key, version, document)
    }
}
