import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer
import ZeroParkStore

/// A demo database on a temporary file, API keys for each demo user, and the app under test.
struct TestServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let store: SQLiteParkStore
    let keys: [String: String]

    static func make() async throws -> TestServer {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zp-server-\(UUID().uuidString).sqlite").path
        let store = try SQLiteParkStore(path: path)
        let seeded = try await DemoSeed.seed(store: store, examplesDirectory: root.appendingPathComponent("examples").path, bcryptCost: 4)
        var keys: [String: String] = ["admin": try #require(seeded.apiKey)]
        for user in ["manager", "logistics", "property", "auditor", "viewer"] {
            keys[user] = try await DemoSeed.createAPIKey(store: store, username: user, name: "test")
        }
        return TestServer(store: store, keys: keys)
    }

    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let app = ZeroParkServer.buildApplication(configuration: ServerConfiguration(bcryptCost: 4), store: store)
        try await app.test(.router, body)
    }

    /// The API's operations as the router registers them, and the OpenAPI document written from them.
    var operations: [APIOperation] { APIRoutes(store: store, service: InventoryService(store: store, cache: InventoryCache())).operations }
    var openAPI: String { OpenAPIDocument.yaml(operations) }

    func auth(_ user: String, _ extra: HTTPFields = [:]) -> HTTPFields {
        var headers = extra
        headers[.authorization] = "Bearer \(keys[user] ?? "")"
        return headers
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// The `{"error": {...}}` object of an error response.
    func error() throws -> [String: Any] {
        let object = try #require(try json() as? [String: Any])
        return try #require(object["error"] as? [String: Any])
    }
}

func body(_ text: String) -> ByteBuffer { ByteBuffer(string: text) }
