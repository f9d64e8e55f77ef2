import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ZeroParkServer
import ZeroParkStore

/// Options shared by `serve` and `demo`: flags, each with an environment-variable default.
struct ServerOptions: ParsableArguments {
    @Option(help: "Address to listen on (env ZEROPARK_HOST).")
    var host: String = ProcessInfo.processInfo.environment["ZEROPARK_HOST"] ?? "127.0.0.1"

    @Option(help: "Port to listen on (env ZEROPARK_PORT).")
    var port: Int = Int(ProcessInfo.processInfo.environment["ZEROPARK_PORT"] ?? "") ?? 8080

    @Option(help: "Log level: trace, debug, info, notice, warning, error (env LOG_LEVEL).")
    var logLevel: String = ProcessInfo.processInfo.environment["LOG_LEVEL"] ?? "info"

    @Flag(help: "Mark session cookies Secure (when served over HTTPS; env ZEROPARK_SECURE_COOKIES=1).")
    var secureCookies: Bool = ProcessInfo.processInfo.environment["ZEROPARK_SECURE_COOKIES"] == "1"

    @Option(help: "MQTT broker to subscribe to for meter readings, HOST:PORT (env ZEROPARK_MQTT); none if absent.")
    var mqtt: String? = ProcessInfo.processInfo.environment["ZEROPARK_MQTT"]

    @Option(help: "The certificate issuer's Ed25519 private key file, from `zeropark keys generate` (env ZEROPARK_ISSUER_KEY); without it no certificate is signed.")
    var issuerKey: String? = ProcessInfo.processInfo.environment["ZEROPARK_ISSUER_KEY"]

    @Option(help: "The issuer's name written into certificates (env ZEROPARK_ISSUER_NAME).")
    var issuerName: String = ProcessInfo.processInfo.environment["ZEROPARK_ISSUER_NAME"] ?? "ZeroPark"

    @Option(help: "The address the public reaches this server at, for certificates' QR codes (env ZEROPARK_PUBLIC_URL; default: the request's host).")
    var publicURL: String? = ProcessInfo.processInfo.environment["ZEROPARK_PUBLIC_URL"]

    func validate() throws {
        if let publicURL, !(publicURL.hasPrefix("https://") || publicURL.hasPrefix("http://")) || publicURL.count > 200 {
            throw ValidationError("--public-url 须为不超过 200 个字符的 http(s) 地址 / --public-url must be an http(s) address of at most 200 characters")
        }
        guard (1...65535).contains(port) else { throw ValidationError("--port 须为 1–65535 / --port must be 1–65535") }
        if let mqtt, broker(mqtt) == nil { throw ValidationError("--mqtt 须为 主机:端口 / --mqtt must be HOST:PORT") }
    }

    func broker(_ text: String) -> (host: String, port: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, !parts[0].isEmpty, let port = Int(parts[1]), (1...65535).contains(port) else { return nil }
        return (String(parts[0]), port)
    }

    /// The server with its telemetry services: the cleaner and the alert evaluator always, the MQTT
    /// bridge with --mqtt; live pages share the cleaner's updates. Runs
    /// until SIGTERM or SIGINT, then shuts down gracefully.
    func run(store: SQLiteParkStore, database: String, logger: Logger, issuer: IssuerKey? = nil) async throws {
        let live = LiveUpdates()
        var configuration = configuration(database: database)
        if let issuer {
            configuration.issuer = issuer
        } else if let issuerKey {
            do { configuration.issuer = try IssuerKey.load(path: issuerKey, name: issuerName) } catch {
                throw CommandLineFailure("错误：签发密钥不可用 / error: --issuer-key \(error.description)")
            }
        }
        if let issuer = configuration.issuer { logger.info("certificates signed", metadata: ["key": "\(issuer.keyID)", "issuer": "\(issuer.name)"]) }
        let app = ZeroParkServer.buildApplication(configuration: configuration, store: store, logger: logger, live: live)
        var services: [any Service] = [app, TelemetryCleanerService(store: store, live: live, logger: logger),
                                       AlertService(store: store, live: live, logger: logger)]
        if let mqtt, let broker = broker(mqtt) {
            // One persistent MQTT session per database: a restart resumes it (and gets what it had not
            // acknowledged); two servers on different databases never take over each other's session.
            let path = URL(fileURLWithPath: database).standardizedFileURL.path
            let clientID = "zeropark-" + String(SQLiteParkStore.sha256(path).prefix(16))
            services.append(MQTTBridgeService(host: broker.host, port: broker.port, clientID: clientID, store: store, logger: logger))
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }

    func configuration(database: String) -> ServerConfiguration {
        ServerConfiguration(host: host, port: port, databasePath: database, secureCookies: secureCookies,
                            publicURL: publicURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 })
    }

    func logger() -> Logger {
        var logger = Logger(label: "zeropark")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        return logger
    }
}

/// Opens a store, turning a failure into an input error (exit 1) that names the file.
func openStore(_ path: String) throws -> SQLiteParkStore {
    do {
        return try SQLiteParkStore(path: path)
    } catch {
        throw CommandLineFailure("错误：无法打开数据库 \(path) / error: \(path): cannot open the database (\(error))")
    }
}

/// `zeropark serve`: the platform on a SQLite database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the ZeroPark server (REST API, web dashboard) on a SQLite database.")

    @OptionGroup var options: ServerOptions

    @Option(help: "SQLite database file, created and migrated if needed (env ZEROPARK_DB).")
    var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark.sqlite"

    func run() async throws {
        let store = try openStore(db)
        let logger = options.logger()
        logger.info("ZeroPark serving", metadata: ["url": "http://\(options.host):\(options.port)", "db": "\(db)"])
        try await options.run(store: store, database: db, logger: logger)
    }
}

/// `zeropark demo`: creates (or reuses) a demo database with two parks and a user per role, prints
/// the URL and logins, and serves it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Create (or reuse) the demo database and serve it; prints the URL and demo logins.")

    @OptionGroup var options: ServerOptions

    @Option(help: "Demo database file (env ZEROPARK_DB).")
    var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark-demo.sqlite"

    @Option(help: "Folder holding park-example.yaml and creative-park.yaml.")
    var examples: String = "examples"

    func run() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        let store = try openStore(db)
        let seeded: DemoSeed.Result
        do {
            seeded = try await DemoSeed.seed(store: store, examplesDirectory: examples, bcryptCost: 10, history: true)
        } catch {
            throw CommandLineFailure("错误：无法由 \(examples) 创建演示园区 / error: cannot create the demo from \(examples): \(error)")
        }
        let logger = options.logger()
        // The demo's issuer key beside its database: made once, 0600, reused on later runs (--issuer-key wins).
        let keyPath = options.issuerKey ?? (db + ".issuer.key")
        let issuer: IssuerKey
        do {
            let name = options.issuerName == "ZeroPark" ? "ZeroPark 演示签发方（示例，非认证机构）" : options.issuerName
            issuer = FileManager.default.fileExists(atPath: keyPath) ? try IssuerKey.load(path: keyPath, name: name)
                : try IssuerKey.generate(path: keyPath, name: name)
        } catch {
            throw CommandLineFailure("错误：演示签发密钥不可用 / error: the demo's issuer key: \(error.description)")
        }
        let host = options.host == "0.0.0.0" ? "127.0.0.1" : options.host
        var text = "\nZeroPark demo \(seeded.created ? "created" : "reused") in \(db) (ready in \(started.duration(to: clock.now)))\n"
        text += "  Open http://\(host):\(options.port)/  ·  public disclosure: http://\(host):\(options.port)/public/nansha-demo\n"
        text += "  Logins (username / password — role):\n"
        for login in seeded.logins { text += "    \(login.username) / \(login.password) — \(login.role)\n" }
        if let key = seeded.apiKey {
            text += "  API key for admin (shown once): \(key)\n  e.g. curl -H 'Authorization: Bearer \(key)' http://\(host):\(options.port)/api/v1/parks\n"
        }
        text += "  Certificate issuer key \(issuer.keyID): \(keyPath) (public: \(IssuerKey.publicPath(for: keyPath)))\n"
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
        try await options.run(store: store, database: db, logger: logger, issuer: issuer)
    }
}

/// `zeropark users add`: creates a login on a server database (for `serve`).
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage users of a server database.", subcommands: [Add.self, Grant.self, APIKey.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a user; the password is read from standard input.")
        @Option var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark.sqlite"
        @Argument var username: String
        @Option var name: String?
        @Flag(help: "System administrator (may create parks).") var admin = false
        @Option(help: "Language of the messages: zh (简体中文) or en.") var lang: OutputLanguage = .zh

        func run() async throws {
            let store = try openStore(db)
            guard let password = readLine(strippingNewline: true), password.count >= 8 else {
                throw CommandLineFailure(lang == .zh ? "错误：请在标准输入中给出至少 8 个字符的密码" : "error: give a password of at least 8 characters on standard input")
            }
            do {
                try await DemoSeed.createUser(store: store, username: username, displayName: name ?? username, password: password,
                                              isAdmin: admin, bcryptCost: 12)
            } catch let error as StoreError {
                throw CommandLineFailure(lang == .zh ? "错误：\(error.message(chinese: true))" : "error: \(error.message(chinese: false))")
            }
            print(lang == .zh ? "已添加用户 \(username)" : "user \(username) added")
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "grant", abstract: "Give a user a role in a park.")
        @Option var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark.sqlite"
        @Argument var username: String
        @Argument var park: String
        @Argument(help: "admin, manager, tenant, auditor or viewer") var role: String
        @Option(help: "The enterprise a tenant acts for.") var enterprise: String?
        @Option(help: "Language of the messages: zh (简体中文) or en.") var lang: OutputLanguage = .zh

        func run() async throws {
            guard let parkRole = ParkRole(rawValue: role) else {
                throw ValidationError(lang == .zh ? "角色须为以下之一：\(ParkRole.allCases.map(\.rawValue).joined(separator: "、"))"
                                                  : "role must be one of \(ParkRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let store = try openStore(db)
            do { try await store.setMembership(username: username, parkKey: park, role: parkRole, enterprise: enterprise) } catch let error as StoreError {
                throw CommandLineFailure(lang == .zh ? "错误：\(error.message(chinese: true))" : "error: \(error.message(chinese: false))")
            }
            print(lang == .zh ? "\(username) 现为园区 \(park) 的\(parkRole.nameZh)" : "\(username) is \(role) of \(park)")
        }
    }

    struct APIKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "api-key", abstract: "Create an API key for a user (printed once).")
        @Option var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark.sqlite"
        @Argument var username: String
        @Option var name: String = "cli"

        func run() async throws {
            let store = try openStore(db)
            do { print(try await DemoSeed.createAPIKey(store: store, username: username, name: name)) } catch let error as StoreError {
                throw CommandLineFailure("错误：\(error.message(chinese: true)) / error: \(error.message(chinese: false))")
            }
        }
    }
}
