import Foundation
import Hummingbird

/// JSON in and out of the API: snake_case keys, sorted for stable output.
enum JSONBody {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return raw(try encoder.encode(value), status: status)
    }

    static func raw(_ data: Data, status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func raw(_ bytes: [UInt8], status: HTTPResponse.Status = .ok, contentType: String = "application/json; charset=utf-8") -> Response {
        Response(status: status, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String) -> Response {
        raw(Data(text.utf8), status: status, contentType: contentType)
    }
}

extension AppRequestContext {
    /// The caller, or 401.
    func requireCaller() throws -> ZeroParkStore.Caller {
        guard let caller else {
            throw APIError(status: .unauthorized, code: "unauthenticated", message: text("请先登录或提供 API 密钥", "log in or send an API key"))
        }
        return caller
    }

    func parameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw APIError(status: .badRequest, code: "bad_path", message: "缺少路径参数 \(name) / missing \(name)") }
        return value
    }
}

import ZeroParkStore
