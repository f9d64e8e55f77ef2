/// One green certificate as accounted: how many of its MWh were applied to its source, and why the
/// rest (if any) was not (STANDARD.md 1.1.19, 1.1.36; docs/accounting-rules.md §1).
public struct CertificateAccount: Hashable, Sendable {
    public enum Status: String, Sendable, Codable {
        /// Retired, generated within the period, applied in full.
        case applied
        /// Applied in part: the source's grid power was smaller than the certificates claimed on it.
        case partlyApplied = "partly_applied"
        /// Held but not retired for the park: not applied.
        case notRetired = "not_retired"
        /// Generated outside the accounting period: not applied.
        case outsidePeriod = "outside_period"
    }

    public let id: String
    public let source: String
    public let mwh: Double
    public let vintage: Int
    public let retired: CalendarDate?
    public let registry: String?
    public let appliedMWh: Double
    public let status: Status
    public let reason: String
}

/// Matches the park's green certificates to its purchased-electricity sources (pure). A certificate
/// counts only when retired and generated in the period; a source's certificates cover at most its
/// own MWh. A certificate id claimed twice, or a certificate naming a source that is not purchased
/// grid electricity, is refused (an input error, not a warning): double claiming is never accepted.
enum CertificateMatching {
    struct Result {
        var appliedMWh: [String: Double] = [:]
        var idsBySource: [String: [String]] = [:]
        var accounts: [CertificateAccount] = []
        var warnings: [AccountingWarning] = []
        var issues: [ParkIssue] = []
    }

    static func match(_ park: ParkDefinition) -> Result {
        var result = Result()
        guard !park.certificates.isEmpty else { return result }
        let sources = Dictionary(park.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: [String: SourceLocation?] = [:]
        var remaining: [String: Double] = [:]
        for certificate in park.certificates {
            let field = "certificates[\(certificate.id)]"
            if let first = seen[certificate.id] {
                let at = first.map { " (first claimed at line \($0.line))" } ?? ""
                let atZh = first.map { "（首次申报在第 \($0.line) 行）" } ?? ""
                result.issues.append(ParkIssue(code: "duplicate_certificate", field: "\(field).id",
                                               message: "certificate \(certificate.id) is claimed twice\(at): a certificate counts once",
                                               zh: "绿证 \(certificate.id) 被重复申报\(atZh)：同一张绿证只能使用一次",
                                               location: certificate.locations["id"] ?? certificate.locations.item))
                continue
            }
            seen[certificate.id] = certificate.locations["id"] ?? certificate.locations.item
            guard let source = sources[certificate.source] else {
                result.issues.append(ParkIssue(code: "unknown_source", field: "\(field).source",
                                               message: "no source \"\(certificate.source)\" in this park",
                                               zh: "本园区没有排放源“\(certificate.source)”",
                                               location: certificate.locations["source"]))
                continue
            }
            guard source.method == .purchasedElectricity else {
                result.issues.append(ParkIssue(code: "invalid_value", field: "\(field).source",
                                               message: "certificates cover purchased grid electricity; \(source.id) uses \(source.method.rawValue)",
                                               zh: "绿证只能抵扣外购电网电力；排放源 \(source.id) 的核算方法是 \(source.method.rawValue)",
                                               location: certificate.locations["source"]))
                continue
            }
            guard certificate.mwh.isFinite, certificate.mwh >= 0 else {
                result.issues.append(ParkIssue(code: "invalid_value", field: "\(field).mwh",
                                               message: "must be a finite number ≥ 0", zh: "应为不小于 0 的有限数值",
                                               location: certificate.locations["mwh"]))
                continue
            }
            let status: CertificateAccount.Status
            var applied = 0.0
            var reason: String
            var reasonZh = ""
            if certificate.retired == nil {
                status = .notRetired
                reason = "not retired for the park: not applied"
                reasonZh = "未为本园区注销，未抵扣"
            } else if certificate.vintage < park.period.start.year || certificate.vintage > park.period.end.year {
                status = .outsidePeriod
                reason = "generated in \(certificate.vintage), outside the period \(park.period.start)..\(park.period.end): not applied"
                reasonZh = "生产于 \(certificate.vintage) 年，不在核算期 \(park.period.start)..\(park.period.end) 内，未抵扣"
            } else {
                if remaining[source.id] == nil {
                    remaining[source.id] = (try? source.activity.quantity.value(in: .megawattHour)) ?? 0
                }
                let available = remaining[source.id] ?? 0
                applied = min(certificate.mwh, available)
                remaining[source.id] = available - applied
                if applied < certificate.mwh {
                    status = .partlyApplied
                    reason = "\(Quantity.format(applied)) of \(Quantity.format(certificate.mwh)) MWh applied: \(source.id) has no more grid power to cover"
                    reasonZh = "只抵扣了 \(Quantity.format(applied)) / \(Quantity.format(certificate.mwh)) MWh：排放源 \(source.id) 已没有更多外购电量可抵扣"
                } else {
                    status = .applied
                    reason = "retired \(certificate.retired.map(\.description) ?? ""), generated \(certificate.vintage)"
                }
                result.appliedMWh[source.id, default: 0] += applied
                result.idsBySource[source.id, default: []].append(certificate.id)
            }
            if status != .applied {
                result.warnings.append(AccountingWarning(code: "certificate_\(status.rawValue)",
                                                         message: "\(certificate.id): \(reason)", zh: "\(certificate.id)：\(reasonZh)",
                                                         clause: "1.1.19",
                                                         subject: certificate.id))
            }
            result.accounts.append(CertificateAccount(id: certificate.id, source: certificate.source, mwh: certificate.mwh,
                                                      vintage: certificate.vintage, retired: certificate.retired,
                                                      registry: certificate.registry, appliedMWh: applied, status: status,
                                                      reason: reason))
        }
        return result
    }
}
