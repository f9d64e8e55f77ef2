/// A user's role in one park (issue #3 §5; STANDARD.md 1.1.2(d) for the public).
public enum ParkRole: String, Codable, CaseIterable, Sendable {
    /// Everything, including members and publication.
    case admin
    /// Edits the park: sources, activity, sinks, offsets, snapshots.
    case manager
    /// An enterprise inside the park: sees and edits only its own sources.
    case tenant
    /// A third-party evaluator: reads everything of the park, writes only review comments.
    case auditor
    /// Reads the park.
    case viewer

    public var nameZh: String {
        switch self {
        case .admin: return "管理员"
        case .manager: return "园区能源经理"
        case .tenant: return "入园企业"
        case .auditor: return "第三方核查"
        case .viewer: return "查看者"
        }
    }
}

/// A user's membership of a park: role and, for tenants, the enterprise they act for.
public struct Membership: Codable, Hashable, Sendable {
    public let parkID: Int64
    public let parkKey: String
    public let role: ParkRole
    public let enterprise: String?

    public init(parkID: Int64, parkKey: String, role: ParkRole, enterprise: String?) {
        self.parkID = parkID
        self.parkKey = parkKey
        self.role = role
        self.enterprise = enterprise
    }
}

/// Who is asking: passed to every store read and write, which filter and check with it, so that
/// authorisation holds where data is read and not only on routes (DESIGN.md "Security by construction").
public struct Caller: Hashable, Sendable {
    public let userID: Int64
    public let username: String
    public let displayName: String
    /// A system administrator is admin of every park.
    public let isSystemAdmin: Bool
    public let memberships: [Membership]

    public init(userID: Int64, username: String, displayName: String, isSystemAdmin: Bool, memberships: [Membership]) {
        self.userID = userID
        self.username = username
        self.displayName = displayName
        self.isSystemAdmin = isSystemAdmin
        self.memberships = memberships
    }

    public func membership(parkID: Int64) -> Membership? { memberships.first { $0.parkID == parkID } }

    public func role(parkID: Int64) -> ParkRole? {
        isSystemAdmin ? .admin : membership(parkID: parkID)?.role
    }

    /// The enterprise a tenant is limited to; nil for every other role.
    public func tenantEnterprise(parkID: Int64) -> String? {
        guard !isSystemAdmin, let membership = membership(parkID: parkID), membership.role == .tenant else { return nil }
        return membership.enterprise ?? ""
    }

    public func canRead(parkID: Int64) -> Bool { role(parkID: parkID) != nil }

    /// Park-level edits: park data, sinks, offsets, snapshots.
    public func canEditPark(parkID: Int64) -> Bool {
        switch role(parkID: parkID) {
        case .admin, .manager: return true
        default: return false
        }
    }

    /// Edits of one source: managers and admins any; a tenant only its own enterprise's.
    public func canEditSource(parkID: Int64, enterprise: String?) -> Bool {
        switch role(parkID: parkID) {
        case .admin, .manager: return true
        case .tenant: return enterprise != nil && enterprise == tenantEnterprise(parkID: parkID)
        default: return false
        }
    }

    /// Opens, edits and submits third-party evaluations of the park (issue #11; STANDARD.md 1.1.12): its
    /// auditors, and system administrators.
    public func canEvaluate(parkID: Int64) -> Bool {
        isSystemAdmin || membership(parkID: parkID)?.role == .auditor
    }

    /// Whether a source is visible: tenants see only their enterprise's sources.
    public func canSeeSource(parkID: Int64, enterprise: String?) -> Bool {
        guard let role = role(parkID: parkID) else { return false }
        if role == .tenant { return enterprise != nil && enterprise == tenantEnterprise(parkID: parkID) }
        return true
    }
}
