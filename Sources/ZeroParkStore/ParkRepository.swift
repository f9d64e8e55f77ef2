import Foundation
import ZeroParkCore

/// One activity value to record: a source, a year and a month (0 = whole year).
public struct ActivityInput: Sendable, Hashable {
    public var sourceKey: String
    public var year: Int
    public var month: Int
    public var value: Double
    public var dataSource: String?
    public var evidence: String?

    public init(sourceKey: String, year: Int, month: Int, value: Double, dataSource: String? = nil, evidence: String? = nil) {
        self.sourceKey = sourceKey
        self.year = year
        self.month = month
        self.value = value
        self.dataSource = dataSource
        self.evidence = evidence
    }
}


/// The store the server and commands use, as a protocol, so that a PostgreSQL implementation can
/// be added beside `SQLiteParkStore` and run the same conformance tests (issue #3 §3). Every
/// method that touches park data takes the `Caller` and enforces its role.
public protocol ParkRepository: TelemetryRepository, AlertRepository {
    // Parks
    func parks(for caller: Caller) async throws -> [ParkSummary]
    func publishedParks() async throws -> [ParkSummary]
    func park(key: String, caller: Caller) async throws -> StoredPark
    func publishedPark(key: String) async throws -> StoredPark?
    @discardableResult
    func importPark(_ definition: ParkDefinition, caller: Caller, replace: Bool, enterprises: [Enterprise]) async throws -> Int64
    func setPublished(parkKey: String, published: Bool, reductionTarget: String?, caller: Caller) async throws
    func definition(parkKey: String, year: Int, caller: Caller) async throws -> (definition: ParkDefinition, missing: [String])
    /// The definition for a date range of at most a year (activity month by month from meters or pro-rated typed values).
    func definition(parkKey: String, from: CalendarDate, to: CalendarDate, caller: Caller) async throws -> RangeDefinition
    func publishedDefinition(parkKey: String, year: Int) async throws -> ParkDefinition?
    func years(parkKey: String, caller: Caller) async throws -> [Int]
    func dataVersion(parkKey: String, caller: Caller) async throws -> Int64
    // Sources and activity
    func sources(parkKey: String, caller: Caller) async throws -> [SourceSpec]
    func source(parkKey: String, sourceKey: String, caller: Caller) async throws -> SourceSpec
    func createSource(parkKey: String, spec: SourceSpec, caller: Caller) async throws -> SourceSpec
    func updateSource(parkKey: String, sourceKey: String, spec: SourceSpec, caller: Caller) async throws -> SourceSpec
    func deleteSource(parkKey: String, sourceKey: String, caller: Caller) async throws
    func activity(parkKey: String, sourceKey: String, caller: Caller) async throws -> [ActivityRecord]
    func recordActivity(parkKey: String, values: [ActivityInput], caller: Caller) async throws
    func deleteActivity(parkKey: String, sourceKey: String, year: Int, month: Int, caller: Caller) async throws
    // Sinks and offsets
    func sinks(parkKey: String, caller: Caller) async throws -> [CarbonSink]
    func offsets(parkKey: String, caller: Caller) async throws -> [(offset: CarbonOffset, year: Int)]
    func createSink(parkKey: String, sink: CarbonSink, year: Int?, caller: Caller) async throws
    func createOffset(parkKey: String, offset: CarbonOffset, year: Int, caller: Caller) async throws
    func deleteSinkOrOffset(parkKey: String, entity: String, key: String, caller: Caller) async throws
    func updateSink(parkKey: String, sink: CarbonSink, year: Int?, caller: Caller) async throws
    func updateOffset(parkKey: String, offset: CarbonOffset, year: Int, caller: Caller) async throws
    // Green certificates and accounting rules (issue #7)
    func certificates(parkKey: String, caller: Caller) async throws -> [(certificate: GreenCertificate, year: Int)]
    func createCertificate(parkKey: String, certificate: GreenCertificate, year: Int, caller: Caller) async throws
    func deleteCertificate(parkKey: String, key: String, caller: Caller) async throws
    func updateRules(parkKey: String, rules: AccountingRules, caller: Caller) async throws
    // Profile and park factors
    func updateProfile(parkKey: String, profile: ParkProfile, caller: Caller) async throws
    func parkFactors(parkKey: String, caller: Caller) async throws -> [ParkFactor]
    func saveParkFactor(parkKey: String, factor: ParkFactor, caller: Caller) async throws
    func deleteParkFactor(parkKey: String, factorKey: String, caller: Caller) async throws
    func parkFuels(parkKey: String, caller: Caller) async throws -> [FuelDefinition]
    func saveParkFuel(parkKey: String, fuel: FuelDefinition, caller: Caller) async throws
    func deleteParkFuel(parkKey: String, fuelKey: String, caller: Caller) async throws
    // Members
    func members(parkKey: String, caller: Caller) async throws -> [Member]
    func revoke(parkKey: String, username: String, caller: Caller) async throws
    func grant(parkKey: String, username: String, role: ParkRole, enterprise: String?, caller: Caller) async throws
    // Snapshots, audit, comments
    func saveSnapshot(parkKey: String, year: Int, inputParkFile: String, document: String, emissionsTco2: Double,
                      netTco2: Double, context: String?, caller: Caller) async throws -> InventorySnapshot
    func snapshots(parkKey: String, caller: Caller) async throws -> [InventorySnapshot]
    func publishSnapshot(parkKey: String, snapshotID: Int64?, caller: Caller) async throws
    func publishedSnapshot(parkKey: String, caller: Caller?) async throws -> PublishedSnapshot?
    func savePlan(parkKey: String, baseYear: Int, measuresFile: String, document: String, balanceYear: Int?, reason: String,
                  caller: Caller) async throws -> StoredPlan
    func plans(parkKey: String, caller: Caller) async throws -> [StoredPlan]
    func plan(parkKey: String, version: Int, caller: Caller) async throws -> StoredPlan
    func declareTrial(parkKey: String, start: CalendarDate, end: CalendarDate, planVersion: Int, threshold: Double,
                      caller: Caller) async throws -> TrialDeclaration
    func trial(parkKey: String, caller: Caller) async throws -> TrialDeclaration?
    func setYearOutput(parkKey: String, year: Int, areaM2: Double, outputValueCNY: Double?, dataSource: String,
                       caller: Caller) async throws -> YearOutput
    func yearOutputs(parkKey: String, caller: Caller) async throws -> [YearOutput]
    func setParkTariff(parkKey: String, json: String, caller: Caller) async throws -> ParkTariffSetting
    func parkTariff(parkKey: String, caller: Caller) async throws -> ParkTariffSetting?
    func setCatalogueEntry(parkKey: String, category: String, json: String, caller: Caller) async throws -> StoredCatalogueEntry
    func removeCatalogueEntry(parkKey: String, category: String, caller: Caller) async throws
    func catalogueEntries(parkKey: String, caller: Caller) async throws -> [StoredCatalogueEntry]
    // Evaluations and certificates (issue #11)
    func openEvaluation(parkKey: String, body: String, caller: Caller) async throws -> StoredEvaluation
    func updateEvaluation(parkKey: String, id: Int64, body: String, caller: Caller) async throws -> StoredEvaluation
    func submitEvaluation(parkKey: String, id: Int64, body: String, result: String, caller: Caller) async throws -> StoredEvaluation
    func decideEvaluation(parkKey: String, id: Int64, result: String, note: String?, certificate: NewParkCertificate?,
                          caller: Caller) async throws -> StoredEvaluation
    func returnEvaluation(parkKey: String, id: Int64, note: String, caller: Caller) async throws -> StoredEvaluation
    func evaluations(parkKey: String, caller: Caller) async throws -> [StoredEvaluation]
    func evaluation(parkKey: String, id: Int64, caller: Caller) async throws -> StoredEvaluation
    func publishedPlan(parkKey: String) async throws -> StoredPlan?
    func addEvidence(parkKey: String, evaluationID: Int64, item: String, fileName: String, mediaType: String, content: [UInt8],
                     caller: Caller) async throws -> EvaluationEvidence
    func removeEvidence(parkKey: String, evaluationID: Int64, evidenceID: Int64, caller: Caller) async throws
    func evidence(parkKey: String, evaluationID: Int64, caller: Caller) async throws -> [EvaluationEvidence]
    func evidenceContent(parkKey: String, evaluationID: Int64, evidenceID: Int64, caller: Caller) async throws -> (EvaluationEvidence, [UInt8])
    func registerIssuerKey(keyID: String, publicKey: String) async throws
    func issuerKeys() async throws -> [(keyID: String, publicKey: String, registeredAt: String)]
    func parkCertificate(id: String) async throws -> StoredParkCertificate?
    func parkCertificates(parkKey: String, caller: Caller?) async throws -> [StoredParkCertificate]
    func revokeCertificate(id: String, reason: String, caller: Caller) async throws -> StoredParkCertificate
    func revokedCertificates() async throws -> [(id: String, reason: String)]
    func changePassword(userID: Int64, passwordHash: String, keepingSession tokenHash: String?) async throws
    func snapshot(parkKey: String, id: Int64, caller: Caller) async throws -> InventorySnapshot
    func auditLog(parkKey: String, caller: Caller, limit: Int) async throws -> [AuditEntry]
    func addComment(parkKey: String, target: String, text: String, caller: Caller) async throws -> ReviewComment
    func comments(parkKey: String, caller: Caller) async throws -> [ReviewComment]
    // Users, sessions, API keys
    @discardableResult
    func createUser(username: String, displayName: String, passwordHash: String, isAdmin: Bool) async throws -> Int64
    func userExists(_ username: String) async throws -> Bool
    func setMembership(username: String, parkKey: String, role: ParkRole, enterprise: String?) async throws
    func credentials(username: String) async throws -> (id: Int64, passwordHash: String)?
    func caller(userID: Int64) async throws -> Caller?
    func caller(apiKeyHash: String) async throws -> Caller?
    func createSession(userID: Int64, tokenHash: String, csrfToken: String, expiresAt: Date) async throws
    func session(tokenHash: String) async throws -> (caller: Caller, csrfToken: String)?
    func deleteSession(tokenHash: String) async throws
    func createAPIKey(username: String, name: String, keyHash: String) async throws
    func ping() async throws
}

extension ParkRepository {
    @discardableResult
    public func importPark(_ definition: ParkDefinition, caller: Caller) async throws -> Int64 {
        try await importPark(definition, caller: caller, replace: false, enterprises: [])
    }

    public func auditLog(parkKey: String, caller: Caller) async throws -> [AuditEntry] {
        try await auditLog(parkKey: parkKey, caller: caller, limit: 200)
    }
}

extension SQLiteParkStore: ParkRepository {}

/// SHA-256 of a text, hex: session tokens, API keys, snapshot inputs and outputs.
public enum ContentHash {
    public static func sha256(_ text: String) -> String { SQLiteParkStore.sha256(text) }
}

extension ParkRepository {
    /// A snapshot without its context (data quality, plan, trial): what the report then says it lacks.
    public func saveSnapshot(parkKey: String, year: Int, inputParkFile: String, document: String, emissionsTco2: Double,
                             netTco2: Double, caller: Caller) async throws -> InventorySnapshot {
        try await saveSnapshot(parkKey: parkKey, year: year, inputParkFile: inputParkFile, document: document, emissionsTco2: emissionsTco2,
                               netTco2: netTco2, context: nil, caller: caller)
    }
}
