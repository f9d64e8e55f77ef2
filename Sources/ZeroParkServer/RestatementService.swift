import Foundation
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkStore

/// What a stored snapshot is restated against (docs/accounting-rules.md §8).
enum RestatementBasis: String, CaseIterable, Sendable {
    /// Today's data for the snapshot's year, with today's library and rules.
    case current
    /// The snapshot's own stored inputs with today's factor library: isolates library changes.
    case library
}

extension InventoryService {
    /// A stored snapshot beside a fresh computation, line by line. The snapshot itself is read as
    /// stored and never recomputed in place.
    func restatement(parkKey: String, snapshotID: Int64, against basis: RestatementBasis,
                     caller: Caller) async throws -> (snapshot: InventorySnapshot, restatement: Restatement) {
        let snapshot = try await store.snapshot(parkKey: parkKey, id: snapshotID, caller: caller)
        let stored = try JSONDecoder().decode(InventoryDocument.self, from: Data((snapshot.document ?? "").utf8))
        let fresh: Inventory
        switch basis {
        case .current:
            fresh = try await compute(parkKey: parkKey, year: snapshot.year, caller: caller).inventory
        case .library:
            fresh = try InventoryCalculator.compute(try ParkFileReader.read(yaml: snapshot.inputParkFile ?? ""))
        }
        return (snapshot, Restatement.compare(stored, InventoryDocument(fresh)))
    }

    /// The park's inventory for `year` before and after `change` (a park-factor edit), compared.
    func restated(parkKey: String, year: Int, caller: Caller, change: () async throws -> Void) async throws -> Restatement {
        let before = try await compute(parkKey: parkKey, year: year, caller: caller).inventory
        try await change()
        let after = try await compute(parkKey: parkKey, year: year, caller: caller).inventory
        return Restatement.compare(InventoryDocument(before), InventoryDocument(after))
    }
}
