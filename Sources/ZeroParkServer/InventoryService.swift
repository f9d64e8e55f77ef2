import Foundation
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkReports
import ZeroParkStore

/// Composes the store and the accounting core: loads the stored facts a caller may see for a year,
/// computes the inventory, and records immutable snapshots with their input park file.
struct InventoryService: Sendable {
    let store: any ParkRepository
    let cache: InventoryCache
    /// Today's date (China Standard Time): the offsets' report date when the park sets none.
    var today: @Sendable () -> CalendarDate? = { ReportClock.today() }

    struct Computed: Sendable {
        let inventory: Inventory
        let definition: ParkDefinition
        /// Sources with no activity data for the year.
        let missing: [String]
        /// The report date the offsets were checked against: the park's `report_date`, else the day
        /// of computation (docs/accounting-rules.md §4).
        var reportDate: CalendarDate? = nil
    }

    /// The inventory of a park and year as the caller may see it. Results are cached per park,
    /// year, visibility (all, or one tenant's enterprise) and data version, so any write to the park
    /// makes the next request recompute from stored facts. The key holds the day too: offsets are
    /// checked against today's date when the park sets no report date, so no result outlives its day.
    func compute(parkKey: String, year: Int, caller: Caller) async throws -> Computed {
        let key = try await cacheKey(parkKey: parkKey, year: year, caller: caller)
        let store = self.store
        return try await cache.computed(key) {
            let (definition, missing) = try await store.definition(parkKey: parkKey, year: year, caller: caller)
            return Computed(inventory: try InventoryCalculator.compute(definition, today: key.day), definition: definition, missing: missing,
                            reportDate: definition.rules.reportDate ?? key.day)
        }
    }

    /// The `zeropark.inventory/1` JSON of `compute`, cached the same way.
    func json(parkKey: String, year: Int, caller: Caller) async throws -> String {
        let key = try await cacheKey(parkKey: parkKey, year: year, caller: caller)
        if let cached = await cache.json(key) { return cached }
        let json = try Self.encode(InventoryDocument(try await compute(parkKey: parkKey, year: year, caller: caller).inventory))
        await cache.store(json: json, for: key)
        return json
    }

    /// Years with activity data, newest first (cached per park and data version).
    func years(parkKey: String, caller: Caller) async throws -> [Int] {
        let key = try await cacheKey(parkKey: parkKey, year: 0, caller: caller)
        if let cached = await cache.years(key) { return cached }
        let years = try await store.years(parkKey: parkKey, caller: caller)
        await cache.store(years: years, for: key)
        return years
    }

    func cacheKey(parkKey: String, year: Int, caller: Caller) async throws -> InventoryCache.Key {
        let park = try await store.park(key: parkKey, caller: caller)
        let version = try await store.dataVersion(parkKey: parkKey, caller: caller)
        let scope: InventoryCache.Scope = caller.tenantEnterprise(parkID: park.id).map { .enterprise($0) } ?? .wholePark
        return InventoryCache.Key(parkKey: parkKey, year: year, scope: scope, version: version, day: today())
    }

    /// Checks that a source description can be accounted with the park's factors and fuels (known
    /// factor, fuel, grid and gas ids; matching units) before it is stored, so that no edit can leave
    /// the park's inventory unable to compute. Throws the accounting's `ParkInputError`.
    func check(_ spec: SourceSpec, parkKey: String, caller: Caller) async throws {
        let validated = try spec.validated()
        guard let source = validated.emissionSource(unit: try QuantityUnit.parse(validated.unit), values: .total(0)) else { return }
        try await checkAccountable(parkKey: parkKey, caller: caller) { definition in
            definition.sources = [source]
            definition.sinks = []
            definition.offsets = []
            // Certificates on this source stay, so a method change that they no longer fit is refused.
            definition.certificates = definition.certificates.filter { $0.source == source.id }
        }
    }

    /// Checks that the park still accounts with `factor` added or replaced (e.g. a unit change that
    /// no longer fits the sources using it is refused).
    func check(_ factor: ParkFactor, parkKey: String, caller: Caller) async throws {
        try await checkAccountable(parkKey: parkKey, caller: caller) { definition in
            definition.factors.removeAll { $0.id == factor.id }
            definition.factors.append(factor)
        }
    }

    /// Checks that the park still accounts with `fuel` added or replaced.
    func check(_ fuel: FuelDefinition, parkKey: String, caller: Caller) async throws {
        try await checkAccountable(parkKey: parkKey, caller: caller) { definition in
            definition.fuels.removeAll { $0.id == fuel.id }
            definition.fuels.append(fuel)
        }
    }

    /// Checks that the park still accounts with `sink` added or replaced, in its year (CCUS) or the
    /// park's default year (greenery), so that no stored sink can make the inventory refuse to compute.
    func check(sink: CarbonSink, year: Int?, parkKey: String, caller: Caller) async throws {
        try await checkAccountable(parkKey: parkKey, caller: caller, year: year) { definition in
            definition.sinks.removeAll { $0.id == sink.id }
            definition.sinks.append(sink)
        }
    }

    /// Checks that the park still accounts with `offset` claimed for `year`.
    func check(offset: CarbonOffset, year: Int, parkKey: String, caller: Caller) async throws {
        try await checkAccountable(parkKey: parkKey, caller: caller, year: year) { definition in
            definition.offsets.removeAll { $0.id == offset.id }
            definition.offsets.append(offset)
        }
    }

    func check(certificate: GreenCertificate, year: Int, parkKey: String, caller: Caller) async throws {
        try await checkAccountable(parkKey: parkKey, caller: caller, year: year) { definition in
            definition.certificates.append(certificate)
        } refuse: { definition in
            // A certificate claimed again is a conflict with the stored claim, not a malformed one.
            definition.certificates.contains { $0.id == certificate.id }
                ? StoreError.conflict("certificate \(certificate.id) is already claimed (year \(year)): a certificate counts once") : nil
        }
    }

    /// Accounts the park for `year` (default: its default year) as the caller sees it, after
    /// `change`; throws its issues.
    private func checkAccountable(parkKey: String, caller: Caller, year: Int? = nil, change: (inout ParkDefinition) -> Void,
                                  refuse: (ParkDefinition) -> StoreError? = { _ in nil }) async throws {
        let park = try await store.park(key: parkKey, caller: caller)
        var (definition, _) = try await store.definition(parkKey: parkKey, year: year ?? park.defaultYear, caller: caller)
        if let refusal = refuse(definition) { throw refusal }
        change(&definition)
        _ = try InventoryCalculator.compute(definition, today: today())
    }

    /// Computes and stores a snapshot; returns it with its hashes.
    func snapshot(parkKey: String, year: Int, caller: Caller) async throws -> InventorySnapshot {
        let computed = try await compute(parkKey: parkKey, year: year, caller: caller)
        // The input record names the report date used, so the snapshot recomputes to the same figures.
        var definition = computed.definition
        definition.rules.reportDate = computed.reportDate
        let parkFile = ParkFileWriter.write(definition)
        let document = try Self.encode(InventoryDocument(computed.inventory))
        let context = try await snapshotContext(parkKey: parkKey, year: year, inventory: computed.inventory, caller: caller)
        return try await store.saveSnapshot(parkKey: parkKey, year: year, inputParkFile: parkFile, document: document,
                                            emissionsTco2: computed.inventory.emissionsTco2, netTco2: computed.inventory.netTco2,
                                            context: context.json, caller: caller)
    }

    /// What the report shows beside the inventory, as it stands now (issue #11 item 1): each metered
    /// source's data quality over the year, the meters, the latest plan version and the trial's state.
    func snapshotContext(parkKey: String, year: Int, inventory: Inventory, caller: Caller) async throws -> SnapshotContext {
        let quality = try await store.meteredQuality(parkKey: parkKey, year: year, caller: caller)
        let names = Dictionary(inventory.sources.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = quality.filter { $0.value.expected > 0 }.sorted { $0.key < $1.key }.map { key, q in
            SnapshotContext.Quality(source: key, name: names[key] ?? key, expected: q.expected, completeness: q.completeness,
                                    estimatedShare: q.estimatedShare, flagged: q.flagged)
        }
        let meters = try await store.meters(parkKey: parkKey, caller: caller).count
        var plan: SnapshotContext.Plan?
        if let latest = try await store.plans(parkKey: parkKey, caller: caller).max(by: { $0.version < $1.version }) {
            // The listing carries no document; the version is read whole for its yearly path.
            let years = (try? await store.plan(parkKey: parkKey, version: latest.version, caller: caller))
                .flatMap { try? TrialService.plannedYears($0) }
                .map { $0.sorted { $0.key < $1.key }.map { SnapshotContext.PlanYear(year: $0.key, emissions: $0.value.bySource.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }, sinks: $0.value.sinks, offsets: $0.value.offsets) } }
            plan = SnapshotContext.Plan(version: latest.version, baseYear: latest.baseYear, balanceYear: latest.balanceYear,
                                        createdAt: TelemetryFormat.isoTime(latest.createdAt), createdBy: latest.createdBy, reason: latest.reason, years: years)
        }
        var trial: SnapshotContext.Trial?
        if let report = try? await TrialService(inventories: self, today: today).report(parkKey: parkKey, caller: caller) {
            let progress = report.progress
            trial = SnapshotContext.Trial(start: report.declaration.start, end: report.declaration.end, planVersion: report.declaration.planVersion,
                                          threshold: report.declaration.threshold, monthsCompared: progress.monthsCompared,
                                          plannedNetToDate: progress.plannedNetToDate, actualNetToDate: progress.actualNetToDate,
                                          findings: progress.findings.count,
                                          months: progress.months.map { month in
                                              SnapshotContext.TrialMonth(month: month.span.month.description, plannedNet: month.plannedNet, actualNet: month.actualNet,
                                                                         partial: month.inProgress || !month.missingSources.isEmpty)
                                          })
        }
        let head = try await store.ledgerDayHeads(parkKey: parkKey, limit: 1).first
        return SnapshotContext(meters: meters, quality: rows, plan: plan, trial: trial, dataTrailHead: head?.link, dataTrailSeq: head?.seq)
    }

    /// A range inventory's answer: the document, where each source's activity came from, the sources
    /// without data in the range, and what a range does not apply.
    struct RangeAnswer: Encodable {
        let inventory: InventoryDocument
        let basis: [String: String]
        let missing: [String]
        let notApplied: [String]

        enum CodingKeys: String, CodingKey {
            case inventory, basis, missing
            case notApplied = "not_applied"
        }
    }

    static func rangeJSON(_ range: RangeDefinition) throws -> String {
        let inventory = try InventoryCalculator.compute(range.definition, today: range.definition.period.end)
        return try encode(RangeAnswer(inventory: InventoryDocument(inventory), basis: range.basis, missing: range.missing,
                                      notApplied: ["offsets", "green_certificates"]))
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// Computed inventories and their JSON, keyed by park, year, visibility and data version. Bounded:
/// the oldest entries go first.
actor InventoryCache {
    /// Whose figures an entry holds: the whole park, or one enterprise's (a tenant's view). A
    /// typed value, so no enterprise name a user can choose can stand for the whole park.
    enum Scope: Hashable, Sendable {
        case wholePark
        case enterprise(String)
    }

    struct Key: Hashable, Sendable {
        let parkKey: String
        let year: Int
        let scope: Scope
        let version: Int64
        /// The day of computation (offsets' report date when the park sets none).
        var day: CalendarDate? = nil
    }

    private var computed: [Key: InventoryService.Computed] = [:]
    private var encoded: [Key: String] = [:]
    private var yearLists: [Key: [Int]] = [:]
    private var fragments: [Key: [String: String]] = [:]
    private var order: [Key] = []
    let capacity: Int

    init(capacity: Int = 32) {
        self.capacity = capacity
    }

    private var inFlight: [Key: Task<InventoryService.Computed, Error>] = [:]

    /// The cached value for `key`, or the one `make` computes. Concurrent requests for the same key
    /// wait for one computation instead of each running their own.
    func computed(_ key: Key, make: @escaping @Sendable () async throws -> InventoryService.Computed) async throws -> InventoryService.Computed {
        if let value = computed[key] { return value }
        if let running = inFlight[key] { return try await running.value }
        let task = Task { try await make() }
        inFlight[key] = task
        defer { inFlight[key] = nil }
        let value = try await task.value
        store(value, for: key)
        return value
    }

    func json(_ key: Key) -> String? { encoded[key] }

    func years(_ key: Key) -> [Int]? { yearLists[key] }

    /// A rendered page fragment (e.g. the overview body in one language) for the same key.
    func fragment(_ key: Key, _ name: String) -> String? { fragments[key]?[name] }

    private struct FragmentKey: Hashable { let key: Key; let name: String }
    private var fragmentsInFlight: [FragmentKey: Task<String, Error>] = [:]

    /// The cached fragment, or the one `make` renders. Concurrent requests for the same fragment wait
    /// for one rendering: after a data change a burst of dashboard requests renders it once, not once
    /// per request (issue #8, bench-server's cold start).
    func fragment(_ key: Key, _ name: String, make: @escaping @Sendable () async throws -> String) async throws -> String {
        if let value = fragments[key]?[name] { return value }
        let flight = FragmentKey(key: key, name: name)
        if let running = fragmentsInFlight[flight] { return try await running.value }
        let task = Task { try await make() }
        fragmentsInFlight[flight] = task
        defer { fragmentsInFlight[flight] = nil }
        let value = try await task.value
        store(fragment: value, named: name, for: key)
        return value
    }

    func store(fragment: String, named name: String, for key: Key) {
        remember(key)
        fragments[key, default: [:]][name] = fragment
    }

    func store(years: [Int], for key: Key) {
        remember(key)
        yearLists[key] = years
    }

    func store(_ value: InventoryService.Computed, for key: Key) {
        remember(key)
        computed[key] = value
    }

    func store(json: String, for key: Key) {
        remember(key)
        encoded[key] = json
    }

    private func remember(_ key: Key) {
        guard computed[key] == nil, encoded[key] == nil, yearLists[key] == nil, fragments[key] == nil else { return }
        order.append(key)
        while order.count > capacity {
            let oldest = order.removeFirst()
            computed[oldest] = nil
            encoded[oldest] = nil
            yearLists[oldest] = nil
            fragments[oldest] = nil
        }
    }
}
