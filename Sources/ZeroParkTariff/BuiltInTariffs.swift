/// The tariffs shipped with ZeroPark, each from a document the reference files cite (no invented numbers).
///
/// Serves STANDARD.md 1.1.20(e), 1.1.36, 1.1.37: parks name a built-in tariff or define their own
/// (`TariffDefinition`). Where the reference lacks a number (a base price, Zhejiang's prices, an effective
/// date) the caller must supply it and a clear `TariffError` says so.
public enum BuiltInTariffs {
    public static let guangdong331ID = "cn-gd-tou-2021-331"
    public static let jiangsu426ID = "cn-js-tou-2025-426"
    public static let zhejiang21ID = "cn-zj-tou-2024-21"

    /// Ids of every built-in tariff.
    public static let ids = [guangdong331ID, jiangsu426ID, zhejiang21ID]

    /// Ids whose effective date the reference does not give (the caller passes `effectiveFrom`).
    public static let idsNeedingEffectiveDate: Set<String> = [jiangsu426ID, zhejiang21ID]

    /// A built-in tariff by id. `effectiveFrom` is required for `idsNeedingEffectiveDate` and ignored for
    /// tariffs whose effective date is cited.
    public static func tariff(id: String, effectiveFrom: CivilDate? = nil) throws(TariffError) -> Tariff {
        switch id {
        case guangdong331ID:
            return guangdong331
        case jiangsu426ID:
            guard let effectiveFrom else { throw .effectiveDateRequired(tariff: id) }
            return jiangsu426(effectiveFrom: effectiveFrom)
        case zhejiang21ID:
            guard let effectiveFrom else { throw .effectiveDateRequired(tariff: id) }
            return zhejiang21(effectiveFrom: effectiveFrom)
        default:
            throw .unknownTariff(id: id)
        }
    }
}
