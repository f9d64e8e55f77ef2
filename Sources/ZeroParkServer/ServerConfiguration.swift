/// How the server runs: address, database file and security settings (flags and environment
/// variables of `zeropark serve`).
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var databasePath: String
    /// bcrypt cost for new passwords (12 in production; tests may lower it to 4).
    public var bcryptCost: UInt8
    /// Mark cookies `Secure` (behind HTTPS).
    public var secureCookies: Bool
    /// Largest accepted request body in bytes; larger bodies get 413.
    public var maxBodyBytes: Int
    /// The certificate issuer's signing key and name (`--issuer-key`); without it evaluations can be
    /// decided but no certificate is signed.
    public var issuer: IssuerKey?
    /// The address the public reaches the server at (`--public-url`, e.g. `https://zeropark.example.cn`),
    /// written into certificates' QR codes; without it the request's Host is used.
    public var publicURL: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, databasePath: String = "zeropark.sqlite",
                bcryptCost: UInt8 = 12, secureCookies: Bool = false, maxBodyBytes: Int = 2 * 1024 * 1024,
                issuer: IssuerKey? = nil, publicURL: String? = nil) {
        self.host = host
        self.port = port
        self.databasePath = databasePath
        self.bcryptCost = bcryptCost
        self.secureCookies = secureCookies
        self.maxBodyBytes = maxBodyBytes
        self.issuer = issuer
        self.publicURL = publicURL
    }
}
