import Foundation
import Hummingbird
import Mustache
import ZeroParkStore

/// `/account`: every signed-in user changes their own password (issue #12, "password change for every
/// user"). The current password is checked first; the new one is 8 to 256 characters, typed twice;
/// every other session of the user ends. Chinese first; no JavaScript.
struct AccountPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let bcryptCost: UInt8
    let library: MustacheLibrary?

    init(store: any ParkRepository, renderer: WebRenderer, bcryptCost: UInt8) {
        self.store = store
        self.renderer = renderer
        self.bcryptCost = bcryptCost
        var library = MustacheLibrary()
        try? library.register(Self.template, named: "account")
        self.library = library
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("account") { _, context in try page(context, message: nil, error: nil) }
        web.post("account/password") { request, context in try await changePassword(request, context) }
    }

    static let entries: [(String, String, String)] = [
        ("title", "账户", "Account"), ("user", "用户名", "Username"), ("change", "修改密码", "Change password"),
        ("current", "当前密码", "Current password"), ("new", "新密码（8–256 个字符）", "New password (8–256 characters)"),
        ("confirm", "再次输入新密码", "New password again"), ("save", "修改密码", "Change password"),
        ("done", "密码已修改；其他设备上的登录已退出。", "Password changed; sessions on other devices have ended."),
        ("wrongCurrent", "当前密码不正确。", "The current password is not right."),
        ("length", "新密码须为 8 至 256 个字符。", "The new password must be 8 to 256 characters."),
        ("mismatch", "两次输入的新密码不一致。", "The two new passwords differ."),
    ]

    static func text(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }

    static let template = """
    <h1>{{a.title}}</h1>
    <section class="card"><p>{{a.user}}：<strong id="account-username">{{username}}</strong></p></section>
    {{#message}}<p class="ok" id="account-message">{{message}}</p>{{/message}}
    {{#error}}<div class="error" id="form-error">{{error}}</div>{{/error}}
    <section class="card"><h2>{{a.change}}</h2>
    <form method="post" action="/account/password" class="stack" id="password-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <label>{{a.current}} <input type="password" name="current_password" id="current-password" required autocomplete="current-password"></label>
    <label>{{a.new}} <input type="password" name="new_password" id="new-password" required minlength="8" maxlength="256" autocomplete="new-password"></label>
    <label>{{a.confirm}} <input type="password" name="confirm_password" id="confirm-password" required minlength="8" maxlength="256" autocomplete="new-password"></label>
    <button type="submit" id="password-save">{{a.save}}</button></form></section>
    """

    func page(_ context: AppRequestContext, message: String?, error: String?, status: HTTPResponse.Status = .ok) throws -> Response {
        let caller = try context.requireLogin()
        let text = Self.text(context.language == .zh)
        var data: [String: Any] = ["a": text, "csrf": context.csrfToken ?? "", "username": caller.username]
        if let message { data["message"] = message }
        if let error { data["error"] = error }
        return renderer.page(body: library?.render(data, withTemplate: "account") ?? "", title: text["title"] ?? "", context: context,
                             status: status)
    }

    func changePassword(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let text = Self.text(context.language == .zh)
        let current = form["current_password"] ?? "", new = form["new_password"] ?? "", confirm = form["confirm_password"] ?? ""
        guard let credentials = try await store.credentials(username: caller.username), Secrets.verify(current, hash: credentials.passwordHash) else {
            return try page(context, message: nil, error: text["wrongCurrent"], status: .unprocessableContent)
        }
        guard (8...256).contains(new.count) else { return try page(context, message: nil, error: text["length"], status: .unprocessableContent) }
        guard new == confirm else { return try page(context, message: nil, error: text["mismatch"], status: .unprocessableContent) }
        try await store.changePassword(userID: credentials.id, passwordHash: Secrets.hashPassword(new, cost: bcryptCost),
                                       keepingSession: context.sessionTokenHash)
        return try page(context, message: text["done"], error: nil)
    }
}
