import Foundation
import ZeroParkInput

/// Where a scenario's series come from: the one impure seam of the scenario module. `values(for:horizon:)`
/// answers one number per step of the horizon, in the spec's unit for CSV and inline values, and in mean
/// kW for meters. Implementations: `FileSeriesSource` (CSV files beside the scenario file) and the
/// store's meters (`StoreSeriesSource` in ZeroParkServer).
///
/// Serves STANDARD.md 1.1.37 (metered history feeds the optimisation) and the project's
/// "functional core, imperative shell".
public protocol SeriesSource: Sendable {
    func values(for spec: SeriesSpec, horizon: ScenarioHorizon) async throws(InputError) -> [Double]
}

extension SeriesSource {
    /// Inline values need no source: checked for length here, whatever the implementation.
    func resolve(_ spec: SeriesSpec, horizon: ScenarioHorizon) async throws(InputError) -> [Double] {
        if case let .values(values) = spec.origin {
            guard values.count == horizon.stepCount else {
                throw InputError(SeriesCSV.lengthProblem(field: spec.field + ".values", found: values.count, horizon: horizon, line: nil))
            }
            return values
        }
        return try await values(for: spec, horizon: horizon)
    }
}

/// CSV series files read from disk, paths relative to the scenario file's folder, each at most
/// `SeriesCSV.maxBytes` (checked before reading). Meters are refused: there is no store.
///
/// Serves STANDARD.md 1.1.37.
public struct FileSeriesSource: SeriesSource {
    public let baseDirectory: URL

    public init(baseDirectory: URL) {
        self.baseDirectory = baseDirectory
    }

    public func values(for spec: SeriesSpec, horizon: ScenarioHorizon) async throws(InputError) -> [Double] {
        switch spec.origin {
        case .values(let values): return values
        case .meters:
            throw InputError(InputProblem(code: "meters_need_store", field: spec.field,
                                          zh: "计量表数据需要园区数据库（--db）", en: "meter series need the park's database (--db)"))
        case .csv(let path):
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
            let field = spec.field + ".csv"
            let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
            guard let attributes, (attributes[.type] as? FileAttributeType) == .typeRegular else {
                throw InputError(InputProblem(code: "file_not_found", field: field, zh: "找不到文件 \(path)", en: "no such file: \(path)"))
            }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            guard size <= SeriesCSV.maxBytes else {
                throw InputError(InputProblem(code: "too_large", field: field, zh: "\(path) 为 \(size) 字节，上限 \(SeriesCSV.maxBytes) 字节",
                                              en: "\(path) is \(size) bytes; series files are at most \(SeriesCSV.maxBytes) bytes"))
            }
            guard let data = try? Data(contentsOf: url), data.count <= SeriesCSV.maxBytes else {
                throw InputError(InputProblem(code: "unreadable", field: field, zh: "无法读取 \(path)", en: "cannot read \(path)"))
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw InputError(InputProblem(code: "bad_utf8", field: field, zh: "\(path) 不是 UTF-8 文本", en: "\(path) is not UTF-8 text"))
            }
            return try SeriesCSV.parse(text, field: field, horizon: horizon)
        }
    }
}
