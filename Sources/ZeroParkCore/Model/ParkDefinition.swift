/// Everything a park file says: profile and boundary, period, park factors and fuels, and the
/// sources, sinks and offsets to account (STANDARD.md 1.1.1–1.1.4).
public struct ParkDefinition: Hashable, Sendable {
    public var profile: ParkProfile
    public var period: AccountingPeriod
    public var factors: [ParkFactor]
    public var fuels: [FuelDefinition]
    public var sources: [EmissionSource]
    public var sinks: [CarbonSink]
    public var offsets: [CarbonOffset]
    /// Green certificates claimed against purchased electricity (1.1.19, 1.1.36).
    public var certificates: [GreenCertificate]
    /// The conventions applied (market basis, exported energy, clean energy, ...), docs/accounting-rules.md.
    public var rules: AccountingRules
    /// Meters declared in the park file (registered on import; not used by the annual accounting itself).
    public var meters: [ParkMeter]

    public init(profile: ParkProfile, period: AccountingPeriod, factors: [ParkFactor] = [],
                fuels: [FuelDefinition] = [], sources: [EmissionSource] = [], sinks: [CarbonSink] = [],
                offsets: [CarbonOffset] = [], certificates: [GreenCertificate] = [], rules: AccountingRules = .standard,
                meters: [ParkMeter] = []) {
        self.meters = meters
        self.certificates = certificates
        self.rules = rules
        self.profile = profile
        self.period = period
        self.factors = factors
        self.fuels = fuels
        self.sources = sources
        self.sinks = sinks
        self.offsets = offsets
    }
}
