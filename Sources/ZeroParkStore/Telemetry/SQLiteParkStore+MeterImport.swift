import Foundation
import GRDB

/// One problem of a meter import: the file line, the field at fault and why.
public struct MeterImportProblem: Sendable, Equatable {
    public var line: Int
    public var field: String
    public var message: String
    /// The store's error kind: "invalid" or "conflict".
    public var kind: String

    public init(line: Int, field: String, message: String, kind: String = "invalid") {
        self.line = line
        self.field = field
        self.message = message
        self.kind = kind
    }
}

/// A meter import refused as a whole (nothing stored), with every problem found.
public struct MeterImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var problems: [MeterImportProblem]
    public var description: String { problems.map { "line \($0.line), \($0.field): \($0.message)" }.joined(separator: "; ") }
}

extension SQLiteParkStore {
    /// Registers many meters in one transaction, all or nothing (issue #8 §1: meters by CSV). Each
    /// meter gets `createMeter`'s checks; a parent may be defined later in the same import. Every
    /// problem is reported with its line; when there is any, nothing is stored.
    public func importMeters(parkKey: String, meters rows: [(line: Int, meter: MeterDefinition)], caller: Caller) async throws -> Int {
        let at = timestamp()
        return try await pool.write { db in
            let park = try Self.parkRow(db, key: parkKey, caller: caller)
            guard caller.canEditPark(parkID: park.id) else { throw StoreError.forbidden("your role cannot register meters") }
            var problems: [MeterImportProblem] = []
            var pending: [(line: Int, meter: MeterDefinition)] = []
            var keys: [String: Int] = [:]
            for row in rows {
                do {
                    let meter = try row.meter.validated()
                    if let first = keys[meter.key] {
                        problems.append(.init(line: row.line, field: "key", message: "meter \(meter.key) is also on line \(first)", kind: "conflict"))
                        continue
                    }
                    keys[meter.key] = row.line
                    if try Self.meterID(db, parkID: park.id, key: meter.key) != nil {
                        problems.append(.init(line: row.line, field: "key", message: "计量表 \(meter.key) 已存在 / meter \(meter.key) exists", kind: "conflict"))
                        continue
                    }
                    pending.append((row.line, meter))
                } catch let StoreError.invalid(field, message) {
                    problems.append(.init(line: row.line, field: field, message: message))
                }
            }
            // Parents first: insert what can be inserted until nothing moves; what is left names its parent.
            var progress = true
            while progress, !pending.isEmpty {
                progress = false
                var waiting: [(line: Int, meter: MeterDefinition)] = []
                for row in pending {
                    if let parent = row.meter.parent, keys[parent] != nil,
                       try Self.meterID(db, parkID: park.id, key: parent) == nil {
                        waiting.append(row)  // its parent is in this file and not inserted yet
                        continue
                    }
                    do {
                        try Self.checkReferences(db, park: park, meter: row.meter)
                        try Self.insertMeter(db, parkID: park.id, meter: row.meter, at: at)
                        try Self.audit(db, at: at, actor: caller.username, parkID: park.id, entity: "meter", key: row.meter.key,
                                       action: "create", before: nil, after: Self.json(row.meter))
                        progress = true
                    } catch let StoreError.invalid(field, message) {
                        problems.append(.init(line: row.line, field: field, message: message))
                        keys[row.meter.key] = nil
                        progress = true
                    }
                }
                pending = waiting
            }
            for row in pending {
                problems.append(.init(line: row.line, field: "parent", message: "meter \(row.meter.parent ?? "") could not be registered first (a cycle or an error on its line)"))
            }
            if !problems.isEmpty {
                throw MeterImportError(problems: problems.sorted { ($0.line, $0.field) < ($1.line, $1.field) })
            }
            return rows.count
        }
    }
}

/// Stores that can import meters in one transaction (the CSV meter upload).
public protocol MeterImporting: Sendable {
    func importMeters(parkKey: String, meters: [(line: Int, meter: MeterDefinition)], caller: Caller) async throws -> Int
}

extension SQLiteParkStore: MeterImporting {}
