/// Kinds of offsets a park may deduct (STANDARD.md 1.1.4(b), 1.1.7, 1.1.34).
public enum OffsetType: String, CaseIterable, Sendable, Codable {
    /// China Certified Emission Reduction (national voluntary credits), 1.1.7.
    case ccer = "CCER"
    /// Guangdong carbon-inclusive certified reduction (碳普惠), 1.1.7.
    case phcer = "PHCER"
    /// An external reduction project the park funds or supplies technology to, 1.1.4(b).
    case fundedProject = "funded_project"
    /// The park's own reduction project, 1.1.34.
    case ownProject = "own_project"
    /// A reduction project the park co-develops, 1.1.34.
    case coDevelopedProject = "co_developed_project"

    /// Credits are counted only once retired; projects by their own rules (1.1.4(b), 1.1.34).
    public var isCredit: Bool { self == .ccer || self == .phcer }

    /// The clause an offset of this type is counted under: credits 1.1.7, funded projects 1.1.4(b),
    /// own and co-developed projects 1.1.34.
    public var clause: String {
        switch self {
        case .ccer, .phcer: return "1.1.7"
        case .fundedProject: return "1.1.4(b)"
        case .ownProject, .coDevelopedProject: return "1.1.34"
        }
    }
}

/// An offset claimed against the park's emissions (STANDARD.md 1.1.4(b), 1.1.7, 1.1.34): a quantity
/// of tCO2 with its vintage, the province of the project, the registry reference, the retirement
/// (date and beneficiary) and, for projects, the operating commitment and verification.
/// Whether it is local (1.1.7) is derived from `projectProvince` against the park's province, never
/// taken from `statedLocal` (docs/accounting-rules.md §4).
public struct CarbonOffset: Hashable, Sendable {
    /// The province of a PHCER project: 碳普惠 credits are issued by Guangdong only (粤环发〔2022〕4号).
    public static let phcerProvince = "guangdong"

    public var id: String
    public var name: String
    public var type: OffsetType
    public var quantity: Quantity
    /// The year the reductions happened (credit vintage).
    public var vintage: Int?
    /// The province key of the project (`guangdong`, ...). PHCER projects are in Guangdong by
    /// definition, so for PHCER nil means Guangdong.
    public var projectProvince: String?
    /// The `local:` flag a park file, form or API body typed, kept for compatibility and checked
    /// against the derived value (a warning when it disagrees or cannot be checked); never trusted.
    public var statedLocal: Bool?
    /// The date the credits were retired (cancelled) in their registry; nil: not retired.
    public var retired: CalendarDate?
    /// The beneficiary named on the retirement record (注销用途/受益方): the park's id or name.
    public var retiredFor: String?
    public var registryRef: String?
    /// Years the park commits to run the project (1.1.34 asks for at least 3).
    public var commitmentYears: Int?
    public var verification: String?
    public var locations: FieldLocations

    public init(id: String, name: String, type: OffsetType, quantity: Quantity, vintage: Int? = nil,
                local: Bool? = nil, projectProvince: String? = nil, retired: CalendarDate? = nil, retiredFor: String? = nil,
                registryRef: String? = nil, commitmentYears: Int? = nil, verification: String? = nil,
                locations: FieldLocations = .init()) {
        self.id = id
        self.name = name
        self.type = type
        self.quantity = quantity
        self.vintage = vintage
        self.statedLocal = local
        self.projectProvince = projectProvince
        self.retired = retired
        self.retiredFor = retiredFor
        self.registryRef = registryRef
        self.commitmentYears = commitmentYears
        self.verification = verification
        self.locations = locations
    }

    /// The project's province as accounted: the stated one, or Guangdong for PHCER.
    public var effectiveProjectProvince: String? {
        projectProvince ?? (type == .phcer ? Self.phcerProvince : nil)
    }

    /// Local (1.1.7): the project lies in the park's province. False when either is unknown.
    public func isLocal(parkProvince: String?) -> Bool {
        guard let parkProvince, let project = effectiveProjectProvince else { return false }
        return project == parkProvince
    }

    /// The registry reference as compared for uniqueness: trimmed and upper-cased, so that
    /// `ccer-2024-1` and ` CCER-2024-1 ` are the same credit. Nil when there is none.
    public var registryKey: String? { registryRef.flatMap(Self.registryKey) }

    public static func registryKey(_ reference: String) -> String? {
        let trimmed = reference.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        return trimmed.isEmpty ? nil : String(trimmed).uppercased()
    }
}
