/// A green electricity certificate (绿证, GEC) the park claims against one purchased-electricity
/// source (STANDARD.md 1.1.19, 1.1.36; docs/accounting-rules.md §1): its certificate id, the MWh it
/// represents, the year the power was generated, and when it was retired (claimed, 核销) for the
/// park. A certificate id can be claimed once per park: a second claim is refused.
public struct GreenCertificate: Hashable, Sendable {
    /// The certificate's serial number (or serial range) as issued, unique within the park.
    public var id: String
    /// The `purchased_electricity` source whose grid power it covers.
    public var source: String
    public var mwh: Double
    /// The year the certified electricity was generated.
    public var vintage: Int
    /// The date the certificate was retired for the park; nil: held, not retired (not applied).
    public var retired: CalendarDate?
    /// Where it is registered (e.g. 国家绿证核发交易系统).
    public var registry: String?
    public var locations: FieldLocations

    public init(id: String, source: String, mwh: Double, vintage: Int, retired: CalendarDate? = nil,
                registry: String? = nil, locations: FieldLocations = .init()) {
        self.id = id
        self.source = source
        self.mwh = mwh
        self.vintage = vintage
        self.retired = retired
        self.registry = registry
        self.locations = locations
    }
}

/// What inventory category a source's emissions belong to, for the 910号 core indicator
/// (energy activity + industrial process) and GB/T 32150's split of the total.
public enum EmissionCategory: String, CaseIterable, Sendable, Codable {
    /// Fuel combustion, purchased/exported electricity and heat (能源活动).
    case energy
    /// Industrial process emissions (工业生产过程), e.g. carbonate decomposition.
    case industrialProcess = "industrial_process"
    /// Everything else: F-gas leakage, scope-3 activity lines, waste, water.
    case other

    /// The category of a method when a source does not name one.
    public static func defaultCategory(of method: AccountingMethodKind) -> EmissionCategory {
        switch method {
        case .fuelCombustion, .purchasedElectricity, .greenElectricity, .onsiteRenewable, .purchasedHeat,
             .exportedElectricity, .exportedHeat:
            return .energy
        case .refrigerantLeakage, .activityFactor:
            return .other
        }
    }
}
