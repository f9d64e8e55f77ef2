import ZeroParkInput
import ZeroParkPlanning

/// The OpenAPI 3.1 description of /api/v1, served at /openapi.yaml, written from the same
/// `APIOperation` list the router registers: paths, methods, parameters, body schemas (the ones
/// that check requests), every status each operation can answer and its media types (issue #6).
enum OpenAPIDocument {
    static func yaml(_ operations: [APIOperation]) -> String { document(operations).yaml }

    static func document(_ operations: [APIOperation]) -> DocumentNode {
        var paths: [(String, DocumentNode)] = []
        for path in orderedPaths(operations) {
            let items = operations.filter { $0.path == path }.map { ($0.method.rawValue.lowercased(), operation($0)) }
            paths.append((path, .map(items)))
        }
        var schemas: [(String, DocumentNode)] = [("Error", errorSchema)]
        for (name, schema) in RequestBodies.all { schemas.append((name, schema.document(inline: true))) }
        return .map([
            ("openapi", .string("3.1.0")),
            ("info", .map([
                ("title", .string("ZeroPark API")),
                ("version", .string("1.1.0")),
                ("description", .string("""
                    Carbon accounting for zero-carbon parks (T/IPIF 智慧零碳园区设计技术指南).
                    Authenticate with `Authorization: Bearer <api key>` (or a browser session plus `X-CSRF-Token` on writes).
                    Every error has the shape {"error": {"code", "message", "field"?, "details"?}}; messages are Chinese unless
                    `?lang=en`, the language cookie or `Accept-Language: en`. Limits: bodies ≤ 2 MiB (413), JSON depth ≤ 16,
                    park files expand to no more values than they have bytes; every string and number states its bounds below.
                    """)),
            ])),
            ("servers", .list([.map([("url", .string("/api/v1"))])])),
            ("security", .list([.map([("bearer", .list([]))])])),
            ("components", .map([
                ("securitySchemes", .map([("bearer", .map([("type", .string("http")), ("scheme", .string("bearer"))]))])),
                ("responses", .map([("Error", .map([
                    ("description", .string("An error in the one error shape")),
                    ("content", .map([("application/json", .map([("schema", .map([("$ref", .string("#/components/schemas/Error"))]))]))])),
                ]))])),
                ("schemas", .map(schemas)),
            ])),
            ("paths", .map(paths)),
        ])
    }

    static func orderedPaths(_ operations: [APIOperation]) -> [String] {
        var seen = Set<String>(), ordered: [String] = []
        for operation in operations where seen.insert(operation.path).inserted { ordered.append(operation.path) }
        return ordered
    }

    static func operation(_ operation: APIOperation) -> DocumentNode {
        var entries: [(String, DocumentNode)] = [
            ("operationId", .string(operationID(operation))),
            ("summary", .string(operation.summary)),
        ]
        if operation.access == .anyone { entries.append(("security", .list([.map([]), .map([("bearer", .list([]))])]))) }
        var parameters: [DocumentNode] = operation.pathParameters.map { name in
            let schema: Schema
            switch name {
            case "id" where operation.numericPath, "alert" where operation.numericPath, "version" where operation.numericPath:
                schema = .integer(1...Int(Int32.max))
            case "year" where operation.numericPath: schema = .integer(Domain.year)
            case "username": schema = .string(TextPolicy(maxLength: 64), minLength: 1)
            case "category": schema = .choice(MeasureCategory.allCases.map(\.rawValue))
            default: schema = .key()
            }
            return .map([("name", .string(name)), ("in", .string("path")), ("required", .bool(true)), ("schema", schema.document())])
        }
        parameters += operation.query.map { parameter in
            .map([("name", .string(parameter.name)), ("in", .string("query")), ("required", .bool(false)),
                  ("description", .string(parameter.summary)), ("schema", parameter.schema.document())])
        }
        if !parameters.isEmpty { entries.append(("parameters", .list(parameters))) }
        if let body = operation.body {
            var content: (String, DocumentNode)
            var more: [(String, DocumentNode)] = []
            switch body {
            case .readings:
                content = ("application/json", .map([("schema", ReadingsDecoding.jsonSchema.document())]))
                more = [("text/csv", .map([("schema", .map([("type", .string("string")),
                                                             ("description", .string("Header meter,ts,value; ts RFC 3339 with offset"))]))])),
                        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         .map([("schema", .map([("type", .string("string")), ("format", .string("binary"))]))]))]
            case let .json(schema): content = ("application/json", .map([("schema", schema.document())]))
            case .yaml: content = ("application/yaml", .map([("schema", .map([("type", .string("string")), ("maxLength", .number(2 * 1024 * 1024))]))]))
            case .csv: content = ("text/csv", .map([("schema", .map([("type", .string("string")), ("maxLength", .number(2 * 1024 * 1024))]))]))
            }
            entries.append(("requestBody", .map([("required", .bool(true)), ("content", .map([content] + more))])))
        }
        var responses: [(String, DocumentNode)] = operation.success.map { success in
            var response: [(String, DocumentNode)] = [("description", .string(success.description))]
            switch success.content {
            case .none: break
            case let .json(schema): response.append(("content", .map([("application/json", .map([("schema", schema)]))])))
            case .yaml: response.append(("content", .map([("application/yaml", .map([]))])))
            }
            return (String(success.status), .map(response))
        }
        responses += operation.errorStatuses.map { (String($0), .map([("$ref", .string("#/components/responses/Error"))])) }
        entries.append(("responses", .map(responses)))
        return .map(entries)
    }

    static func operationID(_ operation: APIOperation) -> String {
        let words = operation.path.split(separator: "/").map { segment -> String in
            let name = segment.hasPrefix("{") ? "by_" + segment.dropFirst().dropLast() : String(segment)
            return name.replacingOccurrences(of: ".", with: "_")
        }
        return ([operation.method.rawValue.lowercased()] + words).joined(separator: "_")
    }

    static let errorSchema = DocumentNode.map([
        ("type", .string("object")),
        ("required", .list([.string("error")])),
        ("properties", .map([("error", .map([
            ("type", .string("object")),
            ("required", .list([.string("code"), .string("message")])),
            ("properties", .map([
                ("code", .map([("type", .string("string"))])),
                ("message", .map([("type", .string("string"))])),
                ("field", .map([("type", .string("string"))])),
                ("details", .map([("type", .string("array")), ("items", .map([
                    ("type", .string("object")),
                    ("properties", .map([
                        ("code", .map([("type", .string("string"))])),
                        ("field", .map([("type", .string("string"))])),
                        ("message", .map([("type", .string("string"))])),
                        ("line", .map([("type", .string("integer"))])),
                        ("column", .map([("type", .string("integer"))])),
                    ])),
                ]))])),
            ])),
        ]))])),
    ])
}
