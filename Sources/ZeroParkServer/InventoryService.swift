import Foundation
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkStore

/// Composes the store and the accounting core: loads the stored facts a caller may see for a year,
/// computes the inventory, and records immutable snapshots with their input park file.
struct InventoryService: Sendable {
    let store: SQLiteParkStore

    struct Computed: Sendable {
        let inventory: Inventory
        let definition: ParkDefinition
        /// Sources with no activity data for the year.
        let missing: [String]
    }

    func compute(parkKey: String, year: Int, caller: Caller) async throws -> Computed {
        let (definition, missing) = try await store.definition(parkKey: parkKey, year: year, caller: caller)
        return Computed(inventory: try InventoryCalculator.compute(definition), definition: definition, missing: missing)
    }

    /// Computes and stores a snapshot; returns it with its hashes.
    func snapshot(parkKey: String, year: Int, caller: Caller) async throws -> InventorySnapshot {
        let computed = try await compute(parkKey: parkKey, year: year, caller: caller)
        let parkFile = ParkFileWriter.write(computed.definition)
        let document = try Self.encode(InventoryDocument(computed.inventory))
        return try await store.saveSnapshot(parkKey: parkKey, year: year, inputParkFile: parkFile, document: document,
                                            emissionsTco2: computed.inventory.emissionsTco2, netTco2: computed.inventory.netTco2,
                                            caller: caller)
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
