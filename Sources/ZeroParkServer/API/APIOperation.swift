import Foundation
import Hummingbird
import ZeroParkInput
import ZeroParkStore

/// One operation of /api/v1 declared once: method, path, who may call it, its query parameters,
/// its body schema, its responses and its handler. The router registers the handler from it and
/// the OpenAPI document is written from it, so the two cannot drift (issue #6; STANDARD.md
/// 1.1.2(d): a published, exact interface). The caller is authorised from its memberships and the
/// query checked before the body is read; the body is read within the size limit and checked
/// against the schema before the handler decodes it.
struct APIOperation: Sendable {
    let method: HTTPRequest.Method
    /// OpenAPI form, relative to /api/v1: `/parks/{park}/sources`.
    let path: String
    let summary: String
    let access: APIAccess
    var query: [APIQueryParameter] = []
    var body: APIRequestBody?
    var success: [APISuccess]
    /// Whether the operation can answer 409 (a key that exists, a factor still in use).
    var conflicts = false
    /// Whether checks beyond the body schema can answer 422 (unknown factor, unit that does not fit).
    var semanticChecks = false
    /// Whether a path segment must be a number (400 otherwise).
    var numericPath = false
    let handler: @Sendable (Request, AppRequestContext, APIInput) async throws -> Response

    /// Names of the `{…}` path parameters, in order.
    var pathParameters: [String] {
        path.split(separator: "/").compactMap { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? String(segment.dropFirst().dropLast()) : nil
        }
    }

    /// The Hummingbird route path (`parks/:park/sources`).
    var routePath: String {
        path.split(separator: "/").map { segment in
            segment.hasPrefix("{") ? ":" + segment.dropFirst().dropLast() : String(segment)
        }.joined(separator: "/")
    }

    /// Every error status this operation can answer, derived from what it declares.
    var errorStatuses: [Int] {
        var statuses: Set<Int> = [401]
        if body != nil || !query.isEmpty || numericPath { statuses.insert(400) }
        if method != .get || access.limitsRoles { statuses.insert(403) }
        if !pathParameters.isEmpty { statuses.insert(404) }
        if conflicts { statuses.insert(409) }
        if body != nil {
            statuses.insert(413)
            statuses.insert(422)
        }
        if semanticChecks { statuses.insert(422) }
        return statuses.sorted()
    }

    var documentedStatuses: Set<Int> { Set(success.map(\.status) + errorStatuses) }
}

/// Who may call an operation; checked from the caller's memberships before any body is read
/// (issue #6 "Authorise before parsing"). The store checks again where it reads and writes.
enum APIAccess: Sendable {
    /// Public reference data (the factor library): no caller needed.
    case anyone
    /// Any signed-in caller.
    case signedIn
    /// Any role in `{park}`.
    case parkMember
    /// Admins and managers of `{park}`.
    case parkEditor
    /// Admins of `{park}`.
    case parkAdmin
    /// Admins, managers and tenants of `{park}` (tenants for their own enterprise's sources).
    case sourceWriter
    /// Every role of `{park}` but viewers.
    case commenter
    /// Admins, managers and auditors of `{park}`.
    case auditReader
    /// Every role of `{park}` but tenants (whole-park results such as snapshots).
    case parkWideReader
    /// System administrators (create) and park admins (replace with `?replace=true`).
    case parkImporter

    var limitsRoles: Bool {
        switch self {
        case .anyone, .signedIn, .parkMember: return false
        default: return true
        }
    }

    var allowedRoles: Set<ParkRole> {
        switch self {
        case .anyone, .signedIn, .parkMember: return Set(ParkRole.allCases)
        case .parkEditor: return [.admin, .manager]
        case .parkAdmin, .parkImporter: return [.admin]
        case .sourceWriter: return [.admin, .manager, .tenant]
        case .commenter: return [.admin, .manager, .tenant, .auditor]
        case .auditReader: return [.admin, .manager, .auditor]
        case .parkWideReader: return [.admin, .manager, .auditor, .viewer]
        }
    }
}

/// A query parameter with its schema (checked before the handler runs; 400 naming it otherwise).
struct APIQueryParameter: Sendable {
    let name: String
    let schema: Schema
    let summary: String

    static let year = APIQueryParameter(name: "year", schema: .integer(Domain.year), summary: "The accounting year (default: the park's)")
    static let replace = APIQueryParameter(name: "replace", schema: .boolean, summary: "true: replace the park of the same id")
    /// Only matched against the library, never stored or shown: any text, bounded by the HTTP request head.
    static let search = APIQueryParameter(name: "search", schema: .anyText(), summary: "Text to look for (bounded by the request line)")
    static let against = APIQueryParameter(name: "against", schema: .choice(RestatementBasis.allCases.map(\.rawValue)),
                                           summary: "current: today's data for the snapshot's year (default); library: the snapshot's own inputs with today's factor library")
}

/// What an operation reads as its body.
enum APIRequestBody: Sendable {
    /// JSON checked against the schema (and decoded by the handler).
    case json(Schema)
    /// A park file (YAML, docs/park-file.md).
    case yaml
    /// Activity values as CSV.
    case csv
    /// Meter readings: JSON, CSV or an XLSX workbook by Content-Type, read by the bounded readings
    /// readers (issue #8 §2), up to `readingsBodyLimit` bytes.
    case readings

    /// Largest readings body: 200,000 readings of JSON fit in about 20 MiB.
    static let readingsBodyLimit = 32 * 1024 * 1024
}

/// A successful response: status, description and what it carries.
struct APISuccess: Sendable {
    enum Content: Sendable {
        case none
        case json(DocumentNode)
        case yaml
    }

    let status: Int
    let description: String
    var content: Content = .none

    static func ok(_ description: String, _ schema: DocumentNode) -> APISuccess { APISuccess(status: 200, description: description, content: .json(schema)) }
    static func created(_ description: String, _ schema: DocumentNode) -> APISuccess { APISuccess(status: 201, description: description, content: .json(schema)) }
    static let deleted = APISuccess(status: 204, description: "Deleted")
}

/// The request body of an operation, already read within the limit and checked.
struct APIInput: Sendable {
    let bytes: [UInt8]

    static let none = APIInput(bytes: [])

    /// The checked JSON body decoded (snake_case keys).
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(T.self, from: Data(bytes))
    }

    /// The body as text (already checked to be UTF-8).
    var text: String { String(decoding: bytes, as: UTF8.self) }
}
