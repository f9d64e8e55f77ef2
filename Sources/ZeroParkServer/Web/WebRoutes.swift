import Foundation
import ZeroParkPDF
import Hummingbird
import Mustache
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkReports
import ZeroParkStore

/// The server-rendered dashboard (issue #3 §6) and the public disclosure page (1.1.2(d)).
struct WebRoutes {
    let store: any ParkRepository
    let configuration: ServerConfiguration
    let service: InventoryService
    var live = LiveUpdates()

    func register(on router: Router<AppRequestContext>) {
        let library: MustacheLibrary
        do { library = try WebTemplates.library() } catch {
            router.get("parks") { _, _ in Response(status: .internalServerError) }
            return
        }
        let renderer = WebRenderer(library: library)
        router.get("static/app.css") { _, _ in
            JSONBody.text(WebStyle.css, contentType: "text/css; charset=utf-8")
        }
        let web = router.group().add(middleware: WebErrorMiddleware(renderer: renderer))
        web.get("/") { _, context in
            Response(status: .seeOther, headers: [.location: context.caller == nil ? "/login" : "/parks"])
        }
        web.get("login") { _, context in
            try await loginPage(renderer, context: context, error: nil, username: "")
        }
        let throttle = LoginThrottle()
        web.post("login") { request, context in
            let form = try await WebForm.read(request, context: context)
            // Double-submit token against login CSRF: the form's token must equal the cookie set with the form.
            guard let cookie = request.cookies[Self.loginCookie]?.value, let given = form["_login"], Secrets.equal(cookie, given) else {
                return try await loginPage(renderer, context: context, error: WebText.text("formExpired", context.language),
                                           username: form["username"] ?? "", status: .forbidden)
            }
            let username = form["username"] ?? "", password = form["password"] ?? ""
            if let wait = await throttle.wait(username: username, address: context.clientAddress) {
                let seconds = Int(wait.rounded(.up))
                var response = try await loginPage(renderer, context: context,
                                                   error: WebText.text("tooManyLogins", context.language) + " (\(seconds) s)",
                                                   username: username, status: .tooManyRequests)
                response.headers[.retryAfter] = String(seconds)
                return response
            }
            guard let credentials = try await store.credentials(username: username),
                  Secrets.verify(password, hash: credentials.passwordHash) else {
                await throttle.recordFailure(username: username, address: context.clientAddress)
                return try await loginPage(renderer, context: context, error: WebText.text("badLogin", context.language),
                                           username: username, status: .unauthorized)
            }
            await throttle.recordSuccess(username: username, address: context.clientAddress)
            let token = Secrets.token()
            try await store.createSession(userID: credentials.id, tokenHash: Secrets.hash(token), csrfToken: Secrets.token(),
                                          expiresAt: Date().addingTimeInterval(12 * 3600))
            var response = Response(status: .seeOther, headers: [.location: "/parks"])
            response.setCookie(Cookie(name: AuthMiddleware.sessionCookie, value: token, maxAge: 12 * 3600, path: "/",
                                      secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
            response.setCookie(Cookie(name: Self.loginCookie, value: "", maxAge: 0, path: "/login", httpOnly: true, sameSite: .lax))
            return response
        }
        web.post("logout") { request, context in
            _ = try await WebForm.verified(request, context: context)
            if let hash = context.sessionTokenHash { try await store.deleteSession(tokenHash: hash) }
            var response = Response(status: .seeOther, headers: [.location: "/login"])
            response.setCookie(Cookie(name: AuthMiddleware.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
            return response
        }
        web.get("parks") { _, context in
            let caller = try context.requireLogin()
            let parks = try await store.parks(for: caller).map { park -> [String: Any] in
                ["key": park.key, "name": context.language == .en ? (park.nameEn ?? park.name) : park.name,
                 "typeName": ParkType(rawValue: park.type).map { context.language == .zh ? $0.nameZh : $0.nameEn } ?? park.type,
                 "province": park.province ?? "", "published": park.published, "defaultYear": park.defaultYear,
                 "roleName": park.role.map { context.language == .zh ? $0.nameZh : $0.rawValue } ?? ""]
            }
            return renderer.page("parks", title: WebText.text("parks", context.language), context: context, data: ["parks": parks])
        }
        let pages = ParkPages(store: store, renderer: renderer, service: service)
        AlertPages(store: store, renderer: renderer).register(on: web)
        DispatchPages(store: store, renderer: renderer).register(on: web)
        TariffPages(store: store, renderer: renderer).register(on: web)
        PlanPages(store: store, renderer: renderer, inventories: service).register(on: web)
        TrialPages(store: store, renderer: renderer, inventories: service).register(on: web)
        EvaluationPages(store: store, renderer: renderer, inventories: service, issuer: configuration.issuer).register(on: web)
        // One browser queue for every printed PDF (certificates for the public, reports for the park's people).
        let pdfs = PrintedPDFs(renderer: ChromiumPDFRenderer.find())
        VerifyPages(store: store, renderer: renderer, publicURL: configuration.publicURL, pdfs: pdfs).register(on: web)
        ReportPages(store: store, renderer: renderer, pdfs: pdfs, inventories: service).register(on: web)
        AccountPages(store: store, renderer: renderer, bcryptCost: configuration.bcryptCost).register(on: web)
        TableExports(store: store).register(on: web)
        web.get("parks/:park") { request, context in try await pages.overview(request, context) }
        web.get("parks/:park/sources") { request, context in try await pages.sources(request, context) }
        web.get("parks/:park/sources/new") { request, context in try await pages.sourceForm(request, context, form: [:], error: nil) }
        web.post("parks/:park/sources") { request, context in try await pages.createSource(request, context) }
        web.get("parks/:park/sources/:source") { request, context in try await pages.source(request, context, formError: nil, form: [:]) }
        web.get("parks/:park/sources/:source/edit") { request, context in try await pages.editSourceForm(request, context) }
        web.post("parks/:park/sources/:source/edit") { request, context in try await pages.updateSource(request, context) }
        web.post("parks/:park/sources/:source/delete") { request, context in try await pages.deleteSource(request, context) }
        web.post("parks/:park/activity-csv") { request, context in try await pages.importCSV(request, context) }
        web.get("parks/:park/activity-template.csv") { request, context in try await pages.activityTemplate(request, context, xlsx: false) }
        web.get("parks/:park/activity-template.xlsx") { request, context in try await pages.activityTemplate(request, context, xlsx: true) }
        web.post("parks/:park/comments") { request, context in try await pages.addComment(request, context) }
        web.get("parks/:park/sinks/:sink/edit") { request, context in try await pages.editSinkForm(request, context) }
        web.post("parks/:park/sinks/:sink/edit") { request, context in try await pages.updateSink(request, context) }
        web.post("parks/:park/sinks/:sink/delete") { request, context in try await pages.deleteSinkOrOffset(request, context, entity: "sink") }
        web.get("parks/:park/offsets/:offset/edit") { request, context in try await pages.editOffsetForm(request, context) }
        web.post("parks/:park/offsets/:offset/edit") { request, context in try await pages.updateOffset(request, context) }
        web.post("parks/:park/offsets/:offset/delete") { request, context in try await pages.deleteSinkOrOffset(request, context, entity: "offset") }
        web.get("parks/:park/settings") { request, context in try await pages.settings(request, context) }
        web.post("parks/:park/settings/publication") { request, context in try await pages.savePublication(request, context) }
        web.post("parks/:park/settings/published-snapshot") { request, context in try await pages.savePublishedSnapshot(request, context) }
        web.post("parks/:park/settings/members") { request, context in try await pages.grantMember(request, context) }
        web.post("parks/:park/settings/members/:username/remove") { request, context in try await pages.revokeMember(request, context) }
        web.post("parks/:park/settings/profile") { request, context in try await pages.saveProfile(request, context) }
        web.post("parks/:park/settings/factors") { request, context in try await pages.saveFactor(request, context) }
        web.post("parks/:park/settings/factors/:factor/delete") { request, context in try await pages.deleteFactor(request, context) }
        web.post("parks/:park/settings/fuels") { request, context in try await pages.saveFuel(request, context) }
        web.post("parks/:park/settings/fuels/:fuel/delete") { request, context in try await pages.deleteFuel(request, context) }
        web.post("parks/:park/sources/:source/activity") { request, context in try await pages.recordActivity(request, context) }
        web.post("parks/:park/sources/:source/activity/delete") { request, context in try await pages.deleteActivity(request, context) }
        web.get("parks/:park/sinks-offsets") { request, context in try await pages.sinksOffsets(request, context, error: nil) }
        web.downloads("parks/:park/sinks-offsets") { request, context in try await pages.sinksOffsetsDownload(request, context) }
        web.post("parks/:park/sinks") { request, context in try await pages.createSink(request, context) }
        web.post("parks/:park/offsets") { request, context in try await pages.createOffset(request, context) }
        web.post("parks/:park/certificates") { request, context in try await pages.createCertificate(request, context) }
        web.post("parks/:park/certificates/:certificate/delete") { request, context in try await pages.deleteCertificate(request, context) }
        web.post("parks/:park/settings/rules") { request, context in try await pages.saveRules(request, context) }
        web.get("parks/:park/inventories") { request, context in try await pages.inventories(request, context, error: nil) }
        web.post("parks/:park/inventories") { request, context in try await pages.createSnapshot(request, context) }
        web.get("parks/:park/inventories/:id/download") { request, context in try await pages.download(request, context) }
        web.get("parks/:park/inventories/:id/restatement") { request, context in try await pages.snapshotRestatement(request, context) }
        web.get("public/:park") { request, context in try await pages.disclosure(request, context) }
        registerTelemetryPages(on: router, web: web, renderer: renderer)
    }

    static let loginCookie = "zp_login"

    /// The login page, with a fresh double-submit token in a cookie and in the form.
    func loginPage(_ renderer: WebRenderer, context: AppRequestContext, error: String?, username: String,
                   status: HTTPResponse.Status = .ok) async throws -> Response {
        let published = try await store.publishedParks().map { ["key": $0.key, "name": $0.name] }
        let token = Secrets.token()
        var data: [String: Any] = ["username": username, "published": published, "hasPublished": !published.isEmpty, "loginToken": token]
        if let error { data["error"] = error }
        var response = renderer.page("login", title: WebText.text("login", context.language), context: context, data: data, status: status)
        response.setCookie(Cookie(name: Self.loginCookie, value: token, maxAge: 3600, path: "/login",
                                  secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
