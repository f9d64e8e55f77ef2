import Yams
import ZeroParkCore
import ZeroParkInput
import ZeroParkTelemetry

/// The `meters:` list of a park file (issue #8 §1; STANDARD.md 1.1.3(b), 1.1.29): each meter's fields
/// with their documented ranges, then the references between them (unique ids, a parent declared in
/// the file and of the same quantity, `feeds` naming a source or sink of the file).
extension ParkFileReader {
    static let meterKeys = ["id", "name", "quantity", "unit", "reading_kind", "interval_minutes", "multiplier", "counter_modulus",
                            "physical_min", "physical_max", "enterprise", "feeds", "parent"]

    static func readMeter(_ map: YAMLMap, _ r: inout YAMLReader) -> ParkMeter? {
        r.rejectUnknownKeys(map, allowed: Set(meterKeys))
        let id = r.string(map, "id", required: true)
        let name = r.string(map, "name", required: true)
        let quantity = r.enumValue(map, "quantity", MeterQuantity.self, allowed: MeterQuantity.allCases.map(\.rawValue))
        let unit = r.string(map, "unit", required: true)
        if let unit, unit.isEmpty || unit.count > 24 {
            r.fail("invalid_value", map.field("unit"), "must be 1–24 characters", zh: "应为 1–24 个字符", at: map.entries["unit"]?.value.mark)
        }
        let kind = r.enumValue(map, "reading_kind", ReadingKind.self, allowed: ReadingKind.allCases.map(\.rawValue))
        let interval = r.int(map, "interval_minutes", in: 1...60) ?? 15
        if !MeterSpec.allowedIntervals.contains(interval) {
            r.fail("invalid_value", map.field("interval_minutes"), "must be 5, 15, 30 or 60, got \(interval)",
                   zh: "应为 5、15、30 或 60，实际为 \(interval)",
                   at: map.entries["interval_minutes"]?.value.mark)
        }
        let multiplier = r.double(map, "multiplier", in: MeterSpec.multiplierRange) ?? 1
        let modulus = r.double(map, "counter_modulus", in: MeterSpec.modulusRange)
        if modulus != nil, let kind, kind != .cumulative {
            r.fail("invalid_value", map.field("counter_modulus"), "only a cumulative counter wraps",
                   zh: "只有累计读数（cumulative）的计数器才会翻转", at: map.entries["counter_modulus"]?.value.mark)
        }
        let low = r.double(map, "physical_min", in: MeterSpec.physicalRange)
        let high = r.double(map, "physical_max", in: MeterSpec.physicalRange)
        if let low, let high, low >= high {
            r.fail("invalid_value", map.field("physical_max"), "must be above physical_min", zh: "应大于 physical_min",
                   at: map.entries["physical_max"]?.value.mark)
        }
        guard let id, let name, let quantity, let unit, let kind else { return nil }
        return ParkMeter(id: id, name: name, quantity: quantity.rawValue, unit: unit, readingKind: kind.rawValue, intervalMinutes: interval,
                         multiplier: multiplier, counterModulus: modulus, physicalMin: low, physicalMax: high,
                         enterprise: r.string(map, "enterprise"), feeds: r.string(map, "feeds"), parent: r.string(map, "parent"))
    }

    static func checkMeterReferences(_ meters: [ParkMeter], top: YAMLMap, targets: Set<String>, _ r: inout YAMLReader) {
        guard let node = top.entries["meters"]?.value, let items = node.sequence else { return }
        func mark(_ index: Int, _ key: String) -> Mark? {
            guard index < items.count else { return node.mark }
            return items[index].mapping?[key]?.mark ?? items[index].mark
        }
        // `meters` holds only the items that read; map them back to their positions by id.
        var positions: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let id = item.mapping?["id"]?.scalar?.string else { continue }
            if let first = positions[id] {
                r.fail("duplicate_id", "meters[\(index)].id", "meter \(id) is also meters[\(first)]",
                       zh: "计量表编号 \(id) 与 meters[\(first)] 重复", at: mark(index, "id"))
            } else {
                positions[id] = index
            }
        }
        let byID = Dictionary(meters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for meter in meters {
            let index = positions[meter.id] ?? 0
            if let feeds = meter.feeds, !targets.contains(feeds) {
                r.fail("unknown_reference", "meters[\(index)].feeds", "no source or sink \(feeds) in this file",
                       zh: "本文件中没有排放源或碳汇 \(feeds)", at: mark(index, "feeds"))
            }
            guard let parent = meter.parent else { continue }
            if parent == meter.id {
                r.fail("invalid_value", "meters[\(index)].parent", "a meter cannot be its own parent",
                       zh: "计量表不能以自己为上级表", at: mark(index, "parent"))
            } else if let main = byID[parent] {
                if main.quantity != meter.quantity {
                    r.fail("invalid_value", "meters[\(index)].parent",
                           "\(parent) measures \(main.quantity), this meter \(meter.quantity): a sub-meter measures what its main meter does",
                           zh: "上级表 \(parent) 计量 \(main.quantity)，本表计量 \(meter.quantity)：分表应与上级表计量同一种量",
                           at: mark(index, "parent"))
                }
            } else {
                r.fail("unknown_reference", "meters[\(index)].parent", "no meter \(parent) in this file",
                       zh: "本文件中没有计量表 \(parent)", at: mark(index, "parent"))
            }
        }
        // A cycle of parents (a → b → a) has no main meter.
        for meter in meters where meter.parent != meter.id {
            var seen: Set<String> = [meter.id]
            var current = meter.parent
            while let next = current, let parentMeter = byID[next] {
                if !seen.insert(next).inserted {
                    let index = positions[meter.id] ?? 0
                    r.fail("invalid_value", "meters[\(index)].parent", "the parents of \(meter.id) form a cycle",
                           zh: "计量表 \(meter.id) 的上级表形成了循环", at: mark(index, "parent"))
                    break
                }
                current = parentMeter.parent
            }
        }
    }
}
