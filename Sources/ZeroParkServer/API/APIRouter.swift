import Foundation
import Hummingbird
import Logging
import Metrics
import ZeroParkCore
import ZeroParkInput
import ZeroParkStore

/// Registers `APIOperation`s on the router: each request is authorised, its query checked and its
/// body read and checked, in that order, before the handler runs; every failure becomes the API's
/// one error shape in the caller's language. A status the operation does not document is logged
/// and counted (`zeropark_api_undocumented_status_total`), and the tests fail on it.
enum APIRouter {
    static func register(_ operations: [APIOperation], on router: Router<AppRequestContext>) {
        let api = router.group("api/v1").add(middleware: APISessionCSRFMiddleware())
        for operation in operations {
            api.on(RouterPath(operation.routePath), method: operation.method) { request, context in
                try await respond(operation, request, context)
            }
        }
    }

    static func respond(_ operation: APIOperation, _ request: Request, _ context: AppRequestContext) async throws -> Response {
        do {
            try authorize(operation, context)
            try checkQuery(operation, request)
            let input = try await readBody(operation, request, context)
            return try await operation.handler(request, context, input)
        } catch {
            let mapped = APIError.from(error, language: context.language)
            if !operation.documentedStatuses.contains(Int(mapped.status.code)) {
                context.logger.error("undocumented status \(mapped.status.code) from \(operation.method) \(operation.path): \(mapped.code)")
                Counter(label: "zeropark_api_undocumented_status_total").increment()
            }
            throw mapped
        }
    }

    /// 401 without a caller, 404 for a park the caller has no role in (existence does not leak),
    /// 403 for a role the operation does not allow.
    static func authorize(_ operation: APIOperation, _ context: AppRequestContext) throws {
        if operation.access == .anyone { return }
        let caller = try context.requireCaller()
        if operation.access == .signedIn || caller.isSystemAdmin { return }
        if operation.access == .parkImporter {
            guard caller.memberships.contains(where: { $0.role == .admin }) else {
                throw APIError(status: .forbidden, code: "forbidden", message: context.text("只有系统管理员可以导入园区，园区管理员可以替换自己的园区",
                                                                                            "only system administrators import parks; park admins replace their own"))
            }
            return
        }
        guard let parkKey = context.parameters.get("park") else { return }
        guard let membership = caller.memberships.first(where: { $0.parkKey == parkKey }) else {
            throw APIError(status: .notFound, code: "not_found", message: context.text("未找到园区 \(parkKey)", "park \(parkKey) not found"))
        }
        guard operation.access.allowedRoles.contains(membership.role) else {
            throw APIError(status: .forbidden, code: "forbidden",
                           message: context.text("您在此园区的角色（\(membership.role.nameZh)）不能执行此操作",
                                                 "your role in this park (\(membership.role.rawValue)) cannot do this"))
        }
    }

    /// Every query parameter the operation declares is checked against its schema; unknown ones are ignored
    /// (`lang` is the page language).
    static func checkQuery(_ operation: APIOperation, _ request: Request) throws {
        for parameter in operation.query {
            guard let text = request.uri.queryParameters.get(parameter.name) else { continue }
            let value: JSONValue
            switch parameter.schema.kind {
            case .integer, .number:
                guard text.allSatisfy({ "0123456789-+.eE".contains($0) }), let number = Double(text), number.isFinite else {
                    throw APIError(status: .badRequest, code: "bad_query", message: "?\(parameter.name)=：须为数字 / ?\(parameter.name)=: must be a number", field: parameter.name)
                }
                value = .number(number, text)
            case .boolean:
                guard text == "true" || text == "false" else {
                    throw APIError(status: .badRequest, code: "bad_query", message: "?\(parameter.name)=：须为 true 或 false / ?\(parameter.name)=: must be true or false", field: parameter.name)
                }
                value = .bool(text == "true")
            default:
                value = .string(text)
            }
            var problems: [InputProblem] = []
            parameter.schema.validate(JSONValue.Located(value: value, line: 1, column: 1), path: parameter.name, into: &problems)
            if let problem = problems.first {
                throw APIError(status: .badRequest, code: "bad_query", message: "?\(parameter.name)=：\(problem.zh) / ?\(parameter.name)=: \(problem.en)", field: parameter.name)
            }
        }
    }

    /// The body within the size limit (413), as UTF-8 (400), and for JSON checked against the
    /// schema: syntax errors are 400 with line and column, schema violations 422 with every path.
    static func readBody(_ operation: APIOperation, _ request: Request, _ context: AppRequestContext) async throws -> APIInput {
        guard let body = operation.body else { return .none }
        let limit: Int
        if case .readings = body { limit = APIRequestBody.readingsBodyLimit } else { limit = context.maxUploadSize }
        let buffer = try await request.body.collect(upTo: limit)
        let bytes = Array(buffer.readableBytesView)
        switch body {
        case let .json(schema):
            do {
                return APIInput(bytes: try schema.check(bytes).canonicalJSON())
            } catch {
                throw APIError(input: error, language: context.language,
                               status: error.first.map { Self.syntaxCodes.contains($0.code) } == true ? .badRequest : .unprocessableContent)
            }
        case .readings:
            return APIInput(bytes: bytes)
        case .yaml, .csv:
            guard String(validating: bytes, as: UTF8.self) != nil else {
                throw APIError(status: .badRequest, code: "bad_utf8", message: context.text("正文不是有效的 UTF-8 文本", "the body is not valid UTF-8 text"))
            }
        }
        return APIInput(bytes: bytes)
    }

    /// Problems that mean "this is not JSON" (400) rather than "this JSON is not acceptable" (422).
    static let syntaxCodes: Set<String> = ["json_syntax", "bad_utf8", "bad_escape", "bom", "too_deep", "too_many_values",
                                           "too_many_members", "too_many_items", "duplicate_key", "number_out_of_range"]
}

extension AppRequestContext {
    /// A message from the catalogue in the request's language (Chinese unless `?lang=en`, the
    /// language cookie or `Accept-Language: en`).
    func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}

/// Unknown paths under /api/v1 answer the API's JSON 404; known paths with a method they do not
/// have answer 405 with `Allow` (e.g. TRACE, PATCH).
struct APIMethodMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let operations: [APIOperation]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/v1/") || request.uri.path == "/api/v1" else { return try await next(request, context) }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = String(request.uri.path.dropFirst("/api/v1".count))
            let allowed = operations.filter { Self.matches($0.path, path) }.map(\.method.rawValue)
            guard !allowed.isEmpty else {
                throw APIError(status: .notFound, code: "not_found", message: context.text("没有这个接口", "no such API path"))
            }
            var response = try APIError(status: .methodNotAllowed, code: "method_not_allowed",
                                        message: context.text("此路径只支持 \(allowed.joined(separator: ", "))", "this path supports \(allowed.joined(separator: ", ")) only"))
                .response(from: request, context: context)
            response.headers[.allow] = Array(Set(allowed)).sorted().joined(separator: ", ")
            return response
        }
    }

    static func matches(_ pattern: String, _ path: String) -> Bool {
        let expected = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let given = path.split(separator: "/", omittingEmptySubsequences: true)
        guard expected.count == given.count else { return false }
        return zip(expected, given).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
    }
}
