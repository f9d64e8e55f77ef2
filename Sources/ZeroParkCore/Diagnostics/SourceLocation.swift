/// A position in an input file (1-based line and column), carried by parsed park items so that
/// errors found later, during accounting, can still point at the line a user must fix.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// Where each field of one park item was written: the item itself and its fields by dotted name
/// (`activity.unit`, `factor`, ...).
public struct FieldLocations: Hashable, Sendable {
    public var item: SourceLocation?
    public var fields: [String: SourceLocation]

    public init(item: SourceLocation? = nil, fields: [String: SourceLocation] = [:]) {
        self.item = item
        self.fields = fields
    }

    /// The location of `field`, or of the nearest parent field, or of the item.
    public subscript(field: String) -> SourceLocation? {
        var name = field
        while true {
            if let location = fields[name] { return location }
            guard let dot = name.lastIndex(of: ".") else { return item }
            name = String(name[..<dot])
        }
    }
}
