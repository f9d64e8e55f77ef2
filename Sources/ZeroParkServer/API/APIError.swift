import Foundation
import HTTPTypes
import Hummingbird
import ZeroParkCore
import ZeroParkInput
import ZeroParkStore
import ZeroParkTelemetry

/// The one JSON error shape of the API: `{"error": {"code", "message", "field"?}}` with the HTTP
/// status the failure deserves (400/401/403/404/409/413/422).
struct APIError: Error, HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    let field: String?
    /// Further problems (e.g. every issue of a park file).
    let details: [ParkIssue]
    /// Whether `details` are given in Chinese (the answer's language, by Accept-Language).
    let detailsInChinese: Bool

    init(status: HTTPResponse.Status, code: String, message: String, field: String? = nil, details: [ParkIssue] = [],
         detailsInChinese: Bool = false) {
        self.status = status
        self.code = code
        self.message = message
        self.field = field
        self.details = details
        self.detailsInChinese = detailsInChinese
    }

    struct Body: Encodable {
        struct Inner: Encodable {
            let code: String
            let message: String
            let field: String?
            let details: [Detail]?
        }
        struct Detail: Encodable {
            let code: String
            let field: String
            let message: String
            let line: Int?
            let column: Int?
        }
        let error: Inner
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let details = details.isEmpty ? nil : details.map {
            Body.Detail(code: $0.code, field: $0.field, message: $0.message(chinese: detailsInChinese), line: $0.location?.line,
                        column: $0.location?.column)
        }
        let data = try JSONEncoder().encode(Body(error: .init(code: code, message: message, field: field, details: details)))
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The problems of refused input: the first one's message and field, every one in `details`
    /// with its line and column.
    init(input: InputError, language: Language, status: HTTPResponse.Status) {
        let chinese = language == .zh
        let first = input.first
        self.init(status: status, code: first?.code ?? "invalid", message: first?.message(chinese: chinese) ?? "invalid input",
                  field: first?.field, details: input.problems.map { problem in
                      ParkIssue(code: problem.code, field: problem.field, message: problem.en, zh: problem.zh,
                                location: problem.line.map { SourceLocation(line: $0, column: problem.column ?? 1) })
                  }, detailsInChinese: chinese)
    }

    /// A refused readings batch (nothing stored): the first problem's message, every problem in
    /// `details` with where it was (`readings[17].ts`, `line 18.value`).
    init(refused: ReadingBatchRefused, language: Language) {
        let chinese = language == .zh
        let first = refused.problems.first
        self.init(status: .unprocessableContent, code: first?.code ?? "invalid",
                  message: first.map { TelemetryText.problem($0, chinese: chinese) } ?? "invalid readings",
                  field: first.map { "\($0.place).\($0.field)" },
                  details: refused.problems.map { problem in
                      ParkIssue(code: problem.code, field: "\(problem.place).\(problem.field)", message: TelemetryText.problem(problem, chinese: false),
                                zh: TelemetryText.problem(problem, chinese: true), location: nil)
                  }, detailsInChinese: chinese)
    }

    /// Maps store, accounting, input and decoding failures to API errors.
    static func from(_ error: Error, language: Language = .zh) -> APIError {
        switch error {
        case let error as APIError:
            // A message written "中文 / English" is answered in the caller's language.
            return APIError(status: error.status, code: error.code, message: StoreError.pick(error.message, chinese: language == .zh),
                            field: error.field, details: error.details, detailsInChinese: error.detailsInChinese)
        case let error as StoreError:
            switch error {
            case let .notFound(what):
                return APIError(status: .notFound, code: "not_found", message: language == .zh ? "未找到：\(StoreError.pick(what, chinese: true))" : "\(what) not found")
            case let .forbidden(why): return APIError(status: .forbidden, code: "forbidden", message: StoreError.pick(why, chinese: language == .zh))
            case let .conflict(why): return APIError(status: .conflict, code: "conflict", message: StoreError.pick(why, chinese: language == .zh))
            case let .invalid(field, message):
                return APIError(status: .unprocessableContent, code: "invalid", message: StoreError.pick(message, chinese: language == .zh), field: field)
            }
        case let error as InputError:
            return APIError(input: error, language: language, status: .unprocessableContent)
        case let refused as ReadingBatchRefused:
            return APIError(refused: refused, language: language)
        case let error as ParkInputError:
            // The park's problems in the answer's language (issue #12 defect 4), each in `details` too.
            let first = error.issues.first
            return APIError(status: .unprocessableContent, code: first?.code ?? "invalid",
                            message: error.message(chinese: language == .zh), field: first?.field, details: error.issues,
                            detailsInChinese: language == .zh)
        case is EncodingError:
            return APIError(status: .unprocessableContent, code: "not_representable",
                            message: language == .zh ? "结果中有数值超出可表示范围，请检查活动数据与因子的量级"
                                                     : "a result is too large to represent; check the magnitudes of activity data and factors")
        case let error as DecodingError:
            return APIError(status: .badRequest, code: "bad_json", message: describe(error), field: path(error))
        case let error as HTTPResponseError where error.status == .contentTooLarge:
            return APIError(status: .contentTooLarge, code: "too_large",
                            message: language == .zh ? "请求正文超过 2 MiB 上限" : "the request body is larger than the 2 MiB limit")
        case let error as HTTPError:
            return APIError(status: error.status, code: "http_\(error.status.code)", message: error.body ?? error.status.reasonPhrase)
        case let error as HTTPResponseError:
            return APIError(status: error.status, code: "http_\(error.status.code)", message: error.status.reasonPhrase)
        default:
            return APIError(status: .internalServerError, code: "internal", message: "internal error")
        }
    }

    static func path(_ error: DecodingError) -> String? {
        let context: DecodingError.Context
        switch error {
        case let .typeMismatch(_, c), let .valueNotFound(_, c), let .dataCorrupted(c): context = c
        case let .keyNotFound(key, c): return (c.codingPath + [key]).map(\.stringValue).joined(separator: ".")
        @unknown default: return nil
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? nil : path
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case let .keyNotFound(key, _): return "missing field \(key.stringValue)"
        case let .typeMismatch(type, _): return "wrong type: expected \(type)"
        case .valueNotFound: return "missing value"
        case let .dataCorrupted(context): return "malformed JSON: \(context.debugDescription)"
        @unknown default: return "malformed request"
        }
    }
}

/// API writes authenticated by a browser session cookie (not an API key) must carry the session's
/// CSRF token in `X-CSRF-Token`, on top of SameSite=Lax cookies.
struct APISessionCSRFMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.method != .get, request.method != .head, context.caller != nil, !context.viaAPIKey {
            guard let expected = context.csrfToken, let name = HTTPField.Name("X-CSRF-Token"), let given = request.headers[name],
                  Secrets.equal(expected, given) else {
                throw APIError(status: .forbidden, code: "csrf", message: "send the session's CSRF token in X-CSRF-Token, or use an API key")
            }
        }
        return try await next(request, context)
    }
}
