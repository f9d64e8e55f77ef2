import Hummingbird
import ZeroParkStore

/// Identifies the caller from `Authorization: Bearer <api key>` or the `zp_session` cookie, and the
/// page language from `?lang=` or the `zp_lang` cookie. Routes that need a caller check
/// `context.caller`; the store checks again where data is read.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "zp_session"
    static let languageCookie = "zp_lang"

    let store: any ParkRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let lang = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
            ?? request.cookies[Self.languageCookie].flatMap({ Language(rawValue: $0.value) }) {
            context.language = lang
        } else if request.uri.path.hasPrefix("/api/"), let accept = request.headers[.acceptLanguage], accept.lowercased().hasPrefix("en") {
            // API clients may ask for English messages; pages stay Chinese first until the switch is used.
            context.language = .en
        }
        if let authorization = request.headers[.authorization], authorization.hasPrefix("Bearer ") {
            let key = String(authorization.dropFirst("Bearer ".count))
            guard let caller = try await store.caller(apiKeyHash: Secrets.hash(key)) else {
                throw APIError(status: .unauthorized, code: "invalid_api_key",
                               message: StoreError.pick("接口密钥无效 / the API key is not valid", chinese: context.language == .zh))
            }
            context.caller = caller
            context.viaAPIKey = true
        } else if let cookie = request.cookies[Self.sessionCookie] {
            let tokenHash = Secrets.hash(cookie.value)
            if let (caller, csrf) = try await store.session(tokenHash: tokenHash) {
                context.caller = caller
                context.csrfToken = csrf
                context.sessionTokenHash = tokenHash
            }
        }
        var response = try await next(request, context)
        if let lang = request.uri.queryParameters.get("lang"), Language(rawValue: lang) != nil {
            response.setCookie(Cookie(name: Self.languageCookie, value: lang, maxAge: 365 * 24 * 3600, path: "/", httpOnly: true, sameSite: .lax))
        }
        return response
    }
}
