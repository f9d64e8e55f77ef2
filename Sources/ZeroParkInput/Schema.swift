/// A JSON Schema (the subset OpenAPI 3.1 bodies need) that is both the check applied to a request
/// body and the text published in the OpenAPI document, so the two cannot drift (issue #6 "The
/// OpenAPI document is exact"). Every string has a length bound and the text policy; every number
/// a range; objects refuse members they do not name.
public struct Schema: Sendable {
    public enum Kind: String, Sendable {
        case object, array, string, number, integer, boolean
    }

    /// Checked string shapes, published as `pattern` or `format`.
    public enum Shape: String, Sendable {
        /// Keys of parks, sources, factors …: 1–64 ASCII letters, digits, `.`, `-`, `_`.
        case key
        /// A calendar date `YYYY-MM-DD`.
        case date
        /// What a review comment is about: `park`, `source:<key>` or `inventory:<year>`.
        case commentTarget
        /// A unit in ZeroPark's grammar (`t`, `10^4 Nm3`, `tCO2/MWh`, `GJ/10^4 Nm3`, `tCO2/ha/yr`).
        case unit
        /// A mass of CO2 (`tCO2`, `kgCO2e`, `10^4 tCO2`, …).
        case co2Mass
    }

    public var kind: Kind
    public var summary: String?
    /// The component name when the schema is published under `#/components/schemas`.
    public var name: String?
    public var properties: [(name: String, schema: Schema)] = []
    public var required: [String] = []
    public var items: [Schema] = []
    public var maxItems: Int?
    public var text: TextPolicy?
    public var minLength: Int?
    public var shape: Shape?
    public var choices: [String]?
    public var minimum: Double?
    public var maximum: Double?
    public var exclusiveMinimum: Double?
    public var nullable = false
    /// A string with no length or character rule (see `anyText`).
    public var unrestricted = false
    /// Object variants told apart by the value of `discriminator` (published as `oneOf`).
    public var variants: [Schema] = []
    public var discriminator: String?

    public init(kind: Kind) {
        self.kind = kind
    }

    // MARK: builders

    /// An object with these members; `required` lists the ones that must be present.
    public static func object(_ name: String? = nil, _ summary: String? = nil, required: [String] = [],
                              _ properties: [(String, Schema)]) -> Schema {
        var schema = Schema(kind: .object)
        schema.name = name
        schema.summary = summary
        schema.properties = properties.map { (name: $0.0, schema: $0.1) }
        schema.required = required
        return schema
    }

    public static func string(_ policy: TextPolicy = .name, minLength: Int? = nil, _ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .string)
        schema.text = policy
        schema.minLength = minLength
        schema.summary = summary
        return schema
    }

    /// Any string: for text that is only matched against, never stored or shown (a search term),
    /// bounded by the request that carries it.
    public static func anyText(_ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .string)
        schema.summary = summary
        schema.unrestricted = true
        return schema
    }

    public static func key(_ summary: String? = nil) -> Schema {
        var schema = Schema.string(TextPolicy(maxLength: 64), minLength: 1, summary)
        schema.shape = .key
        return schema
    }

    public static func date(_ summary: String? = nil) -> Schema {
        var schema = Schema.string(TextPolicy(maxLength: 10), minLength: 10, summary)
        schema.shape = .date
        return schema
    }

    public static func choice(_ values: [String], _ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .string)
        schema.choices = values
        schema.summary = summary
        return schema
    }

    public static func number(_ range: ClosedRange<Double>, _ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .number)
        schema.minimum = range.lowerBound
        schema.maximum = range.upperBound
        schema.summary = summary
        return schema
    }

    /// A number greater than `above` and at most `maximum`.
    public static func number(above: Double, maximum: Double, _ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .number)
        schema.exclusiveMinimum = above
        schema.maximum = maximum
        schema.summary = summary
        return schema
    }

    public static func integer(_ range: ClosedRange<Int>, _ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .integer)
        schema.minimum = Double(range.lowerBound)
        schema.maximum = Double(range.upperBound)
        schema.summary = summary
        return schema
    }

    public static var boolean: Schema { Schema(kind: .boolean) }

    public static func array(_ item: Schema, maxItems: Int, _ summary: String? = nil) -> Schema {
        var schema = Schema(kind: .array)
        schema.items = [item]
        schema.maxItems = maxItems
        schema.summary = summary
        return schema
    }

    /// An object that is exactly one of `variants`, chosen by the value of its `discriminator`
    /// member (each variant lists that member's allowed values as a choice).
    public static func oneOf(_ name: String, _ summary: String, discriminator: String, _ variants: [Schema]) -> Schema {
        var schema = Schema(kind: .object)
        schema.name = name
        schema.summary = summary
        schema.variants = variants
        schema.discriminator = discriminator
        return schema
    }

    /// The same schema, also accepting `null`.
    public var orNull: Schema {
        var copy = self
        copy.nullable = true
        return copy
    }

    public func described(_ summary: String) -> Schema {
        var copy = self
        copy.summary = summary
        return copy
    }
}
