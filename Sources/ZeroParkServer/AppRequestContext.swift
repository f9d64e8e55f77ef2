import Hummingbird
import NIOCore
import ZeroParkStore

/// The request context: who is calling (from a session cookie or a bearer API key), the session's
/// CSRF token and the page language.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var caller: Caller?
    public var csrfToken: String?
    public var sessionTokenHash: String?
    /// True when the caller authenticated with an API key (no CSRF needed, no cookie).
    public var viaAPIKey = false
    public var language: Language = .zh
    /// The client's IP address (for login throttling); nil in in-process tests.
    public let clientAddress: String?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    public var maxUploadSize: Int { 2 * 1024 * 1024 }
}

/// The page language: Simplified Chinese first, English second.
public enum Language: String, Sendable {
    case zh, en
}
