import Foundation
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkScenario
import ZeroParkStore

/// Fills an empty database with the demo: the two example parks, users for every role and a
/// published disclosure. Idempotent: a database that already holds parks is left as it is.
public enum DemoSeed {
    public struct Login: Sendable {
        public let username: String
        public let password: String
        public let role: String
    }

    public struct Result: Sendable {
        public let created: Bool
        public let logins: [Login]
        /// The admin's API key, shown once when the demo is created.
        public let apiKey: String?
    }

    public static let logins: [Login] = [
        Login(username: "admin", password: "zeropark-admin", role: "system admin"),
        Login(username: "manager", password: "zeropark-manager", role: "park manager, nansha-demo and xihu-creative"),
        Login(username: "logistics", password: "zeropark-tenant", role: "tenant, enterprise logistics (nansha-demo)"),
        Login(username: "property", password: "zeropark-tenant", role: "tenant, enterprise property (nansha-demo)"),
        Login(username: "auditor", password: "zeropark-auditor", role: "auditor (third-party evaluator), nansha-demo and xihu-creative"),
        Login(username: "viewer", password: "zeropark-viewer", role: "viewer, xihu-creative"),
    ]

    /// The tenant of each example source of the Nansha park, so that tenants have sources to see.
    static let nanshaEnterprises = ["fleet-diesel": "logistics", "chiller-leak": "property", "water": "property"]

    /// Seeds `store` from the park files in `examplesDirectory` when it has no parks yet.
    public static func seed(store: any ParkRepository, examplesDirectory: String, bcryptCost: UInt8,
                            history: Bool = false, now: Int64 = ReportClock.nowSeconds()) async throws -> Result {
        if try await store.userExists("admin") { return Result(created: false, logins: logins, apiKey: nil) }
        func read(_ name: String) throws -> ParkDefinition {
            let path = (examplesDirectory as NSString).appendingPathComponent(name)
            return try ParkFileReader.read(yaml: try String(contentsOfFile: path, encoding: .utf8))
        }
        var nansha = try read("park-example.yaml")
        for index in nansha.sources.indices {
            nansha.sources[index].enterprise = nanshaEnterprises[nansha.sources[index].id]
        }
        let xihu = try read("creative-park.yaml")
        for login in logins {
            try await store.createUser(username: login.username, displayName: displayName(login.username),
                                       passwordHash: Secrets.hashPassword(login.password, cost: bcryptCost),
                                       isAdmin: login.username == "admin")
        }
        guard let admin = try await store.caller(userID: 1) else { throw StoreError.notFound("admin") }
        try await store.importPark(nansha, caller: admin, replace: false, enterprises: [Enterprise(key: "logistics", name: "南沙园区物流有限公司"),
                                                                        Enterprise(key: "property", name: "园区物业服务公司")])
        try await store.importPark(xihu, caller: admin, replace: false, enterprises: [Enterprise(key: "studio-a", name: "数字内容工作室 A"),
                                                                      Enterprise(key: "cloud-b", name: "云计算服务 B")])
        // The previous year's activity (illustrative figures) so that the demo shows year-on-year change.
        let previousYear = (examplesDirectory as NSString).appendingPathComponent("nansha-2024-activity.csv")
        if let csv = try? String(contentsOfFile: previousYear, encoding: .utf8) {
            _ = try await ActivityImport.importCSV(csv, parkKey: "nansha-demo", caller: admin, store: store)
        }
        try await store.setMembership(username: "manager", parkKey: "nansha-demo", role: .manager, enterprise: nil)
        try await store.setMembership(username: "manager", parkKey: "xihu-creative", role: .manager, enterprise: nil)
        try await store.setMembership(username: "logistics", parkKey: "nansha-demo", role: .tenant, enterprise: "logistics")
        try await store.setMembership(username: "property", parkKey: "nansha-demo", role: .tenant, enterprise: "property")
        try await store.setMembership(username: "auditor", parkKey: "nansha-demo", role: .auditor, enterprise: nil)
        try await store.setMembership(username: "auditor", parkKey: "xihu-creative", role: .auditor, enterprise: nil)
        // The creative park's 2025 inventory snapshot, for a third-party evaluation to rest on (issue #11).
        _ = try await InventoryService(store: store, cache: InventoryCache()).snapshot(parkKey: "xihu-creative", year: 2025, caller: admin)
        try await store.setMembership(username: "viewer", parkKey: "xihu-creative", role: .viewer, enterprise: nil)
        try await store.setPublished(parkKey: "nansha-demo", published: true,
                                     reductionTarget: "2030 年前实现园区净零排放；2027 年清洁能源消费占比达到 60%（示例目标）", caller: admin)
        let apiKey = "zp_" + Secrets.token()
        try await store.createAPIKey(username: "admin", name: "demo", keyHash: Secrets.hash(apiKey))
        for meter in DemoMeters.meters { _ = try await store.createMeter(parkKey: DemoMeters.park, meter: meter, caller: admin) }
        // The park's tariff for monitoring cost: Guangdong's TOU tariff (粤发改价格〔2021〕331号) on its cited
        // 2021 Pearl River Delta general commercial < 1 kV flat price; no demand charge or export price is cited,
        // so none is set.
        _ = try await store.setParkTariff(parkKey: "nansha-demo", json: #"{"base_price_cny_per_kwh":0.6725,"id":"cn-gd-tou-2021-331"}"#,
                                          caller: admin)
        if history {
            try await seedHistory(store: store, until: now)
            // Example alert rules on the live demo (thresholds are illustrative settings, not limits from a standard).
            for rule in [
                AlertRule(key: "water-night-leak", meter: "water-main", kind: .nightBaseline, threshold: 6, fromHour: 0, toHour: 5),
                AlertRule(key: "cod-high", meter: "cod-outfall", kind: .above, threshold: 100, slots: 1),
                AlertRule(key: "grid-power-offline", meter: "grid-power", kind: .offline, slots: 6),
            ] { _ = try await store.createAlertRule(parkKey: DemoMeters.park, rule: rule, caller: admin) }
            _ = try await store.evaluateAlerts(now: now)
            try await seedTrial(store: store, examplesDirectory: examplesDirectory, admin: admin)
        }
        return Result(created: true, logins: logins, apiKey: apiKey)
    }

    /// The demo meters' 15-minute history from 2025-11-01 up to `until`, through the one ingest path,
    /// then cleaned and rolled up (issue #8 §11).
    public static func seedHistory(store: any ParkRepository, until: Int64) async throws {
        var state = DemoMeters.CounterState()
        var from = DemoMeters.historyStart
        while from < until {
            let to = min(from + 30 * 86_400, until - until % 900)
            guard to > from else { break }
            let readings = DemoMeters.readings(from: from, to: to, state: &state)
            for batch in DemoMeters.batches(readings) {
                _ = try await store.ingest(parkKey: DemoMeters.park, batch: batch, channel: .simulator, actor: .system("demo-history"),
                                           now: until, duplicates: .refuse)
            }
            from = to
        }
        try await store.cleanAll()
    }

    /// A neutrality plan and a trial year in progress (issue #10 items 5–6): version 1 of the plan in
    /// `plan-example.yaml` on the 2025 inventory, the illustrative 2026 bills of the sources without
    /// meters (`nansha-2026-activity.csv`, January–October), and the trial period 2026 held to it with a
    /// 3 % deviation threshold (a demo setting, tight enough that the demo shows findings).
    static func seedTrial(store: any ParkRepository, examplesDirectory: String, admin: Caller) async throws {
        let bills = (examplesDirectory as NSString).appendingPathComponent("nansha-2026-activity.csv")
        let planFile = (examplesDirectory as NSString).appendingPathComponent("plan-example.yaml")
        guard let csv = try? String(contentsOfFile: bills, encoding: .utf8),
              let yaml = try? String(contentsOfFile: planFile, encoding: .utf8) else { return }
        _ = try await ActivityImport.importCSV(csv, parkKey: "nansha-demo", caller: admin, store: store)
        let planner = PlanService(inventories: InventoryService(store: store, cache: InventoryCache()))
        let stored = try await planner.save(try PlanFileReader.read(yaml: yaml), measuresFile: yaml,
                                            reason: "首版：以 2025 年清单为基准（示例数字）", parkKey: "nansha-demo", year: 2025, caller: admin)
        guard let start = CalendarDate(year: 2026, month: 1, day: 1), let end = CalendarDate(year: 2026, month: 12, day: 31) else { return }
        _ = try await store.declareTrial(parkKey: "nansha-demo", start: start, end: end, planVersion: stored.version, threshold: 0.03, caller: admin)
    }

    static func displayName(_ username: String) -> String {
        switch username {
        case "admin": return "系统管理员"
        case "manager": return "园区能源经理"
        case "logistics": return "物流公司（租户）"
        case "property": return "物业公司（租户）"
        case "auditor": return "第三方核查员"
        default: return "查看者"
        }
    }

    /// Creates an API key for a user and returns it (shown once; stored hashed).
    public static func createAPIKey(store: any ParkRepository, username: String, name: String) async throws -> String {
        let key = "zp_" + Secrets.token()
        try await store.createAPIKey(username: username, name: name, keyHash: Secrets.hash(key))
        return key
    }

    /// Creates a user with a bcrypt-hashed password.
    public static func createUser(store: any ParkRepository, username: String, displayName: String, password: String,
                                  isAdmin: Bool, bcryptCost: UInt8) async throws {
        try await store.createUser(username: username, displayName: displayName,
                                   passwordHash: Secrets.hashPassword(password, cost: bcryptCost), isAdmin: isAdmin)
    }
}
