import Foundation
import Hummingbird
import Mustache
import ZeroParkCore
import ZeroParkInput
import ZeroParkReports
import ZeroParkStore

/// Rendering pages in the layout, reading forms and checking CSRF tokens for the dashboard.
struct WebRenderer: Sendable {
    let library: MustacheLibrary

    /// The page `template` with `data`, inside the layout.
    func page(_ template: String, title: String, context: AppRequestContext, data: [String: Any],
              park: [String: Any]? = nil, status: HTTPResponse.Status = .ok) -> Response {
        page(body: body(template, context: context, data: data), title: title, context: context, park: park, status: status)
    }

    /// The page body alone (the template with the language's strings and the session's CSRF token).
    func body(_ template: String, context: AppRequestContext, data: [String: Any]) -> String {
        var data = data
        data["t"] = WebText.dictionary(context.language)
        data["csrf"] = context.csrfToken ?? ""
        return library.render(data, withTemplate: template) ?? ""
    }

    /// A rendered body inside the layout.
    func page(body: String, title: String, context: AppRequestContext, park: [String: Any]? = nil,
              status: HTTPResponse.Status = .ok) -> Response {
        let language = context.language
        let t = WebText.dictionary(language)
        var layout: [String: Any] = [
            "title": title, "body": body, "t": t, "htmlLang": language == .zh ? "zh-CN" : "en",
            "otherLang": language == .zh ? "en" : "zh", "otherLangName": language == .zh ? "English" : "中文",
            "csrf": context.csrfToken ?? "",
        ]
        if let caller = context.caller { layout["user"] = ["displayName": caller.displayName] }
        if var park {
            // The dispatch link only for those who may run it (admins and managers, STANDARD.md 1.1.37).
            if let caller = context.caller, let key = park["key"] as? String {
                park["canDispatch"] = caller.isSystemAdmin || caller.memberships.contains { $0.parkKey == key && ($0.role == .admin || $0.role == .manager) }
                // The trial year is the park's: every member but tenants reads it (STANDARD.md 1.1.9).
                park["canTrial"] = caller.isSystemAdmin || caller.memberships.contains { $0.parkKey == key && $0.role != .tenant }
            }
            layout["park"] = park
        }
        let html = library.render(layout, withTemplate: "layout") ?? body
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    func message(_ heading: String, _ text: String, context: AppRequestContext, status: HTTPResponse.Status) -> Response {
        page("message", title: heading, context: context, data: ["heading": heading, "text": text], status: status)
    }
}

enum WebForm {
    /// Parses an `application/x-www-form-urlencoded` body.
    static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let key = parts.first.map(decode) else { continue }
            result[key] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return result
    }

    static func read(_ request: Request, context: AppRequestContext) async throws -> [String: String] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        return parse(String(decoding: buffer.readableBytesView, as: UTF8.self))
    }

    /// The form after checking the session's CSRF token (403 when it does not match).
    static func verified(_ request: Request, context: AppRequestContext) async throws -> [String: String] {
        let form = try await read(request, context: context)
        guard let expected = context.csrfToken, let given = form["_csrf"], Secrets.equal(expected, given) else {
            throw HTTPError(.forbidden, message: "invalid CSRF token")
        }
        return form
    }

    /// A `multipart/form-data` body (a file upload) read up to `limit` bytes, parsed with its parts
    /// bounded, after checking the session's CSRF token in it (403 when it does not match); nil when the
    /// request is not multipart. Callers authorise before calling: the body is only read here.
    static func multipart(_ request: Request, context: AppRequestContext, limit: Int) async throws -> MultipartForm? {
        guard let boundary = request.headers[.contentType].flatMap(MultipartForm.boundary) else { return nil }
        let buffer: ByteBuffer
        do { buffer = try await request.body.collect(upTo: limit) } catch {
            throw InputError(InputProblem(code: "too_large", field: "file", zh: "文件超过 \(limit >> 20) MiB", en: "the file exceeds \(limit >> 20) MiB"))
        }
        let form = try MultipartForm.parse(Array(buffer.readableBytesView), boundary: boundary)
        guard let expected = context.csrfToken, let given = form.field("_csrf"), Secrets.equal(expected, given) else {
            throw HTTPError(.forbidden, message: "invalid CSRF token")
        }
        return form
    }

    static func value(_ form: [String: String], _ key: String) -> String? {
        guard let value = form[key]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }
}

/// Number formatting for pages (display only): the shared `NumberText` rules.
enum Display {
    static func number(_ value: Double, decimals: Int = 2) -> String { NumberText.grouped(value, decimals: decimals) }

    static func percent(_ share: Double?) -> String { NumberText.percent(share) }
}

/// Turns failures of dashboard routes into pages: not logged in → the login page; missing or
/// forbidden → a 404/403 page; invalid input → 422 page.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let renderer: WebRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            // Chinese pages draw chart numbers in 万 and 亿 (issue #12).
            return try await SVGChart.$chineseNumbers.withValue(context.language == .zh) { try await next(request, context) }
        } catch let error as StoreError {
            let language = context.language
            let text = WebErrorText.message(error, chinese: language == .zh)
            switch error {
            case .notFound: return renderer.message(WebText.text("notFound", language), text, context: context, status: .notFound)
            case .forbidden: return renderer.message(WebText.text("forbidden", language), text, context: context, status: .forbidden)
            case .conflict: return renderer.message("409", text, context: context, status: .conflict)
            case .invalid: return renderer.message("422", text, context: context, status: .unprocessableContent)
            }
        } catch let error as WebLoginRequired {
            _ = error
            let target = request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "%2F"
            return Response(status: .seeOther, headers: [.location: "/login?next=\(target)"])
        } catch let error as ParkInputError {
            // Stored data the accounting refuses (e.g. after a park-file re-import): say what, not 500.
            return renderer.message("422", error.message(chinese: context.language == .zh), context: context,
                                    status: .unprocessableContent)
        } catch let error as HTTPError where error.status == .forbidden || error.status == .contentTooLarge {
            return renderer.message("\(error.status.code)", error.body ?? "", context: context, status: error.status)
        }
    }
}

/// The words of a refused page request (issue #12, "Chinese throughout"): a message already written in
/// the page's language is shown as it is; a store message in English on a Chinese page is replaced by a
/// Chinese sentence for its kind (naming the field for invalid input), so no English sentence reaches a
/// Chinese page.
enum WebErrorText {
    static func message(_ error: StoreError, chinese: Bool) -> String {
        if case .notFound = error, chinese { return "没有找到所请求的内容，或您无权查看。" }
        return error.message(chinese: chinese)
    }

    /// Whether a text holds CJK ideographs (the catalogue's Chinese messages do).
    static func hasChinese(_ text: String) -> Bool { StoreError.hasChinese(text) }
}

/// Thrown by dashboard routes when nobody is logged in.
struct WebLoginRequired: Error {}

extension AppRequestContext {
    func requireLogin() throws -> Caller {
        guard let caller else { throw WebLoginRequired() }
        return caller
    }
}
