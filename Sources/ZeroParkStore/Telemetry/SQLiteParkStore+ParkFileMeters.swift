import Foundation
import GRDB
import ZeroParkCore
import ZeroParkTelemetry

extension SQLiteParkStore {
    /// The park file's `meters:` registered with the park (issue #8 §1), in the import's transaction:
    /// a meter new to the park is created; one that exists takes the file's description (the API's
    /// rules: its kind and interval stay once it has readings). Meters the file leaves out stay, with
    /// their readings (raw data is never deleted; remove a meter without readings through the API).
    /// Main meters go in before their sub-meters. A problem names the file's field, `meters[i].…`.
    static func registerParkFileMeters(_ db: Database, parkID: Int64, parkKey: String, meters: [ParkMeter], actor: String, at: String) throws {
        let park = ParkRow(id: parkID, key: parkKey)
        var pending = Array(meters.enumerated())
        let declared = Set(meters.map(\.id))
        while !pending.isEmpty {
            var waiting: [(offset: Int, element: ParkMeter)] = []
            for (index, meter) in pending {
                if let parent = meter.parent, declared.contains(parent), try meterID(db, parkID: parkID, key: parent) == nil {
                    waiting.append((index, meter))  // its main meter is later in the file
                    continue
                }
                do {
                    let definition = try definition(of: meter).validated()
                    if let row = try Row.fetchOne(db, sql: "SELECT * FROM meter WHERE park_id = ? AND key = ?", arguments: [parkID, meter.id]),
                       let existing = meterRow(row) {
                        if existing.definition != definition {
                            try changeMeter(db, park: park, existing: existing, to: definition, actor: actor, at: at)
                        }
                    } else {
                        try checkReferences(db, park: park, meter: definition)
                        try insertMeter(db, parkID: parkID, meter: definition, at: at)
                        try audit(db, at: at, actor: actor, parkID: parkID, entity: "meter", key: meter.id, action: "create",
                                  before: nil, after: json(definition))
                    }
                } catch let StoreError.invalid(field, message) {
                    throw StoreError.invalid(field: "meters[\(index)].\(field)", message: message)
                } catch let StoreError.conflict(message) {
                    throw StoreError.conflict("meters[\(index)]: \(message)")
                }
            }
            // The reader refuses cycles; this stops a loop whatever the input.
            guard waiting.count < pending.count else {
                throw StoreError.invalid(field: "meters[\(waiting.first?.offset ?? 0)].parent", message: "上级表关系成环 / the parents form a cycle")
            }
            pending = waiting
        }
    }

    /// A park file's meter as the registry's definition; a quantity or kind the reader did not check is refused.
    static func definition(of meter: ParkMeter) throws -> MeterDefinition {
        guard let quantity = MeterQuantity(rawValue: meter.quantity) else {
            throw StoreError.invalid(field: "quantity", message: "未知的计量量 \(meter.quantity) / unknown quantity \(meter.quantity)")
        }
        guard let kind = ReadingKind(rawValue: meter.readingKind) else {
            throw StoreError.invalid(field: "reading_kind", message: "未知的读数类型 \(meter.readingKind) / unknown reading kind \(meter.readingKind)")
        }
        return MeterDefinition(key: meter.id, name: meter.name, quantity: quantity, unit: meter.unit, readingKind: kind,
                               intervalMinutes: meter.intervalMinutes, multiplier: meter.multiplier, counterModulus: meter.counterModulus,
                               physicalMin: meter.physicalMin, physicalMax: meter.physicalMax, enterprise: meter.enterprise,
                               feeds: meter.feeds, parent: meter.parent)
    }
}
