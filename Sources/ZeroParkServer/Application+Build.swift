import Foundation
import HTTPTypes
import Hummingbird
import Logging
import Metrics
import Prometheus
import ZeroParkStore

/// Builds the ZeroPark web application: store, routes (API, web, public), middleware. Tests call
/// this with `app.test(.router)`; `zeropark serve` and `zeropark demo` run it.
public enum ZeroParkServer {
    /// The Prometheus registry behind /metrics (bootstrapped once per process).
    public static let metricsRegistry = PrometheusCollectorRegistry()
    private static let bootstrapMetrics: Void = {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metricsRegistry))
    }()

    public static func buildApplication(
        configuration: ServerConfiguration, store: any ParkRepository, logger: Logger = Logger(label: "zeropark"),
        live: LiveUpdates = LiveUpdates()
    ) -> some ApplicationProtocol {
        _ = bootstrapMetrics
        let router = buildRouter(configuration: configuration, store: store, live: live)
        return Application(router: router,
                           configuration: .init(address: .hostname(configuration.host, port: configuration.port),
                                                serverName: "ZeroPark"),
                           logger: logger)
    }

    public static func buildRouter(configuration: ServerConfiguration, store: any ParkRepository,
                                   live: LiveUpdates = LiveUpdates()) -> Router<AppRequestContext> {
        _ = bootstrapMetrics
        let router = Router(context: AppRequestContext.self)
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.info))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: AuthMiddleware(store: store))
        router.get("healthz") { _, _ in
            try await store.ping()
            return JSONBody.text("{\"status\":\"ok\"}", contentType: "application/json")
        }
        router.get("metrics") { _, _ in
            JSONBody.text(metricsRegistry.emitToString(), contentType: "text/plain; version=0.0.4")
        }
        let service = InventoryService(store: store, cache: InventoryCache())
        let api = APIRoutes(store: store, service: service)
        let operations = api.operations
        let openAPI = OpenAPIDocument.yaml(operations)
        router.get("openapi.yaml") { _, _ in
            JSONBody.text(openAPI, contentType: "application/yaml; charset=utf-8")
        }
        router.add(middleware: APIMethodMiddleware(operations: operations))
        api.register(on: router)
        WebRoutes(store: store, configuration: configuration, service: service, live: live).register(on: router)
        return router
    }
}

/// Security headers on every response: no sniffing, no framing (frame-ancestors), a strict content policy (the pages
/// use no external resources and no inline script).
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        if let frameOptions = HTTPField.Name("X-Frame-Options") { response.headers[frameOptions] = "DENY" }
        if let referrer = HTTPField.Name("Referrer-Policy") { response.headers[referrer] = "same-origin" }
        // A page that states its own policy keeps it (the print pages: `PrintPage`); every other gets the strict one.
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
        }
        return response
    }
}

/// A self-contained print page (the report, the printable live figures, the certificate): an A4 document
/// that carries its own styles inline, so the same HTML prints to PDF in Chromium without the server. Its
/// policy allows those inline styles and data: images and nothing else — no script, no request out, no
/// framing — where the dashboard's policy (`style-src 'self'`) would leave it unstyled on screen.
enum PrintPage {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'"

    static func response(_ html: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                                        .contentSecurityPolicy: contentSecurityPolicy],
                 body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
