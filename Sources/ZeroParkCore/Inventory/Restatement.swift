import Foundation

/// An inventory restated: two inventory documents of the same park and period compared line by
/// line — which figures moved, by how much, and why (a factor's value or vintage, the activity, the
/// method, the electricity basis, a rule, the factor library). Pure; serves STANDARD.md 1.1.2(b),
/// 1.1.2(e) and docs/accounting-rules.md §8. A stored snapshot is never recomputed in place: a
/// restatement sets it beside a fresh computation and shows the difference.
public struct Restatement: Sendable, Equatable {
    /// One compared figure: a total or a source, sink or offset line.
    public struct Line: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable { case total, source, sink, offset }
        public let kind: Kind
        public let id: String
        public let name: String
        public let before: Double?
        public let after: Double?
        /// after − before, with a missing side taken as 0.
        public var delta: Double { (after ?? 0) - (before ?? 0) }
        public let reasons: [String]
    }

    public let beforeLibrary: String
    public let afterLibrary: String
    /// The rules that differ, as "key: before → after".
    public let ruleChanges: [String]
    public let totals: [Line]
    /// Source, sink and offset lines that moved or whose inputs changed; unchanged lines are left out.
    public let lines: [Line]

    public var changed: Bool { !lines.isEmpty || totals.contains { $0.delta != 0 } }

    /// Compares `before` (e.g. a stored snapshot) with `after` (a fresh computation).
    public static func compare(_ before: InventoryDocument, _ after: InventoryDocument) -> Restatement {
        var ruleChanges: [String] = []
        let beforeRules = before.rules ?? [:], afterRules = after.rules ?? [:]
        for key in Set(beforeRules.keys).union(afterRules.keys).sorted() where beforeRules[key] != afterRules[key] {
            ruleChanges.append("\(key): \(beforeRules[key] ?? "—") → \(afterRules[key] ?? "—")")
        }
        var general: [String] = ruleChanges.map { "rule \($0)" }
        if before.factorLibrary != after.factorLibrary {
            general.append("factor library \(before.factorLibrary) → \(after.factorLibrary)")
        }
        let totals = [
            total("emissions_tco2", "碳排放（计入） Emissions", before.totals.emissionsTco2, after.totals.emissionsTco2),
            total("emissions_location_based_tco2", "位置法排放 Location-based", before.totals.emissionsLocationBasedTco2,
                  after.totals.emissionsLocationBasedTco2),
            total("sequestration_tco2", "碳吸收 Sequestration", before.totals.sequestrationTco2, after.totals.sequestrationTco2),
            total("offsets_tco2", "碳抵消 Offsets", before.totals.offsetsTco2, after.totals.offsetsTco2),
            total("net_tco2", "净排放 Net", before.totals.netTco2, after.totals.netTco2),
            total("consumption_tce", "综合能耗 Energy (tce)", before.energy.consumptionTce, after.energy.consumptionTce),
        ]
        var lines: [Line] = []
        let beforeSources = Dictionary(before.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterSources = Dictionary(after.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ordered(before.sources.map(\.id), after.sources.map(\.id)) {
            let old = beforeSources[id], new = afterSources[id]
            var reasons = sourceReasons(old, new)
            let moved = !same(old?.tco2, new?.tco2)
            if moved && reasons.isEmpty { reasons = general.isEmpty ? ["recomputed"] : general }
            if moved || !reasons.isEmpty {
                lines.append(Line(kind: .source, id: id, name: new?.name ?? old?.name ?? id, before: old?.tco2, after: new?.tco2,
                                  reasons: reasons))
            }
        }
        let beforeSinks = Dictionary(before.sinks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterSinks = Dictionary(after.sinks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ordered(before.sinks.map(\.id), after.sinks.map(\.id)) {
            let old = beforeSinks[id], new = afterSinks[id]
            guard !same(old?.tco2, new?.tco2) || old?.calculation != new?.calculation else { continue }
            var reasons = presence(old != nil, new != nil)
            if reasons.isEmpty { reasons = ["calculation \(old?.calculation ?? "") → \(new?.calculation ?? "")"] }
            lines.append(Line(kind: .sink, id: id, name: new?.name ?? old?.name ?? id, before: old?.tco2, after: new?.tco2, reasons: reasons))
        }
        let beforeOffsets = Dictionary(before.offsets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let afterOffsets = Dictionary(after.offsets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ordered(before.offsets.map(\.id), after.offsets.map(\.id)) {
            let old = beforeOffsets[id], new = afterOffsets[id]
            let oldCounted = old.map { $0.counted ? $0.tco2 : 0 }, newCounted = new.map { $0.counted ? $0.tco2 : 0 }
            guard !same(oldCounted, newCounted) || old?.reason != new?.reason else { continue }
            var reasons = presence(old != nil, new != nil)
            if reasons.isEmpty { reasons = ["\(old?.reason ?? "") → \(new?.reason ?? "")"] }
            lines.append(Line(kind: .offset, id: id, name: new?.name ?? old?.name ?? id, before: oldCounted, after: newCounted,
                              reasons: reasons))
        }
        return Restatement(beforeLibrary: before.factorLibrary, afterLibrary: after.factorLibrary, ruleChanges: ruleChanges,
                           totals: totals, lines: lines)
    }

    static func total(_ id: String, _ name: String, _ before: Double, _ after: Double) -> Line {
        Line(kind: .total, id: id, name: name, before: before, after: after, reasons: [])
    }

    /// Ids in first-seen order: every id of `before`, then the new ones of `after`.
    static func ordered(_ before: [String], _ after: [String]) -> [String] {
        var seen = Set<String>()
        return (before + after).filter { seen.insert($0).inserted }
    }

    static func same(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case let (x?, y?): return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        default: return false
        }
    }

    static func presence(_ before: Bool, _ after: Bool) -> [String] {
        switch (before, after) {
        case (false, true): return ["added"]
        case (true, false): return ["removed"]
        default: return []
        }
    }

    /// Why a source line may have moved: every input that differs, in words.
    static func sourceReasons(_ old: InventoryDocument.Source?, _ new: InventoryDocument.Source?) -> [String] {
        guard let old, let new else { return presence(old != nil, new != nil) }
        var reasons: [String] = []
        if old.method != new.method { reasons.append("method \(old.method) → \(new.method)") }
        if old.activity.quantity != new.activity.quantity || old.activity.unit != new.activity.unit {
            reasons.append("activity \(Quantity.format(old.activity.quantity)) \(old.activity.unit) → \(Quantity.format(new.activity.quantity)) \(new.activity.unit)")
        }
        let oldParameters = Dictionary(old.parameters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newParameters = Dictionary(new.parameters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in ordered(old.parameters.map(\.id), new.parameters.map(\.id)) {
            switch (oldParameters[id], newParameters[id]) {
            case let (a?, b?):
                if a.value != b.value || a.unit != b.unit {
                    reasons.append("factor \(id) \(Quantity.format(a.value)) \(a.unit)\(a.vintage.map { " (\($0))" } ?? "") → \(Quantity.format(b.value)) \(b.unit)\(b.vintage.map { " (\($0))" } ?? "")")
                } else if a.vintage != b.vintage || a.source != b.source {
                    reasons.append("factor \(id) re-cited: \(a.vintage.map(String.init) ?? "—") → \(b.vintage.map(String.init) ?? "—")")
                }
            case let (a?, nil): reasons.append("factor \(id) (\(Quantity.format(a.value)) \(a.unit)) no longer used")
            case let (nil, b?): reasons.append("factor \(id) = \(Quantity.format(b.value)) \(b.unit) now used")
            case (nil, nil): break
            }
        }
        if let a = old.electricity, let b = new.electricity {
            if a.marketBasis != b.marketBasis { reasons.append("electricity basis \(a.marketBasis) → \(b.marketBasis)") }
            if a.certificateMwh != b.certificateMwh {
                reasons.append("certificates \(Quantity.format(a.certificateMwh)) → \(Quantity.format(b.certificateMwh)) MWh")
            }
        } else if old.electricity == nil, new.electricity != nil {
            reasons.append("electricity basis not recorded before (a document older than the market-based rules)")
        }
        return reasons
    }
}
