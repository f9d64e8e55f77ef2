/// A park-defined tariff as written in a JSON or YAML file (snake_case keys). Untrusted: turn it into a
/// `Tariff` with `makeTariff()`, which checks every field and names each problem by its path.
///
/// Serves STANDARD.md 1.1.36/1.1.37 ("parks can define their own" tariffs) and 1.1.2(e) (checkable input).
/// Times are `HH:MM` (00:00 … 24:00, any minute, spans `[from, to)` never crossing midnight), dates
/// `YYYY-MM-DD` (CST, `effective_to` inclusive), period names `critical`, `peak`, `flat`, `valley`,
/// `deep_valley`. Ranges: prices and base 0 … 100 CNY/kWh, ratios > 0 and ≤ 10, rounding > 0 and ≤ 1,
/// demand charge 0 … 1000 CNY/kW-month, export limit 0 … 10,000,000 kW.
public struct TariffDefinition: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var versions: [Version]

    public init(id: String, name: String, versions: [Version]) {
        self.id = id
        self.name = name
        self.versions = versions
    }

    /// One effective-dated version.
    public struct Version: Codable, Hashable, Sendable {
        public var effectiveFrom: String
        public var effectiveTo: String?
        public var citation: Citation?
        public var seasons: [Season]
        public var criticalPeak: CriticalPeak?
        public var holiday: Holiday?
        public var pricing: Pricing
        public var demandChargeCNYPerKWMonth: Double?
        public var export: Export?

        public init(effectiveFrom: String, effectiveTo: String? = nil, citation: Citation? = nil, seasons: [Season],
                    criticalPeak: CriticalPeak? = nil, holiday: Holiday? = nil, pricing: Pricing,
                    demandChargeCNYPerKWMonth: Double? = nil, export: Export? = nil) {
            self.effectiveFrom = effectiveFrom
            self.effectiveTo = effectiveTo
            self.citation = citation
            self.seasons = seasons
            self.criticalPeak = criticalPeak
            self.holiday = holiday
            self.pricing = pricing
            self.demandChargeCNYPerKWMonth = demandChargeCNYPerKWMonth
            self.export = export
        }

        enum CodingKeys: String, CodingKey {
            case effectiveFrom = "effective_from", effectiveTo = "effective_to", citation, seasons
            case criticalPeak = "critical_peak", holiday, pricing
            case demandChargeCNYPerKWMonth = "demand_charge_cny_per_kw_month", export
        }
    }

    /// Source of a version.
    public struct Citation: Codable, Hashable, Sendable {
        public var document: String
        public var title: String
        public var urls: [String]?
        public var confirmed: [String]?
        public var unconfirmed: [String]?

        public init(document: String, title: String, urls: [String]? = nil, confirmed: [String]? = nil, unconfirmed: [String]? = nil) {
            self.document = document
            self.title = title
            self.urls = urls
            self.confirmed = confirmed
            self.unconfirmed = unconfirmed
        }
    }

    /// Months and their day schedule.
    public struct Season: Codable, Hashable, Sendable {
        public var name: String
        public var months: [Int]
        public var periods: [Span]

        public init(name: String, months: [Int], periods: [Span]) {
            self.name = name
            self.months = months
            self.periods = periods
        }
    }

    /// `period` from `from` to `to`.
    public struct Span: Codable, Hashable, Sendable {
        public var period: String
        public var from: String
        public var to: String

        public init(period: String, from: String, to: String) {
            self.period = period
            self.from = from
            self.to = to
        }
    }

    /// A span of time without a period (critical-peak hours).
    public struct TimeSpan: Codable, Hashable, Sendable {
        public var from: String
        public var to: String

        public init(from: String, to: String) {
            self.from = from
            self.to = to
        }
    }

    /// Critical-peak rule on top of the seasons.
    public struct CriticalPeak: Codable, Hashable, Sendable {
        public var months: [Int]
        public var spans: [TimeSpan]
        public var designatedDays: Bool?

        public init(months: [Int], spans: [TimeSpan], designatedDays: Bool? = nil) {
            self.months = months
            self.spans = spans
            self.designatedDays = designatedDays
        }

        enum CodingKeys: String, CodingKey { case months, spans, designatedDays = "designated_days" }
    }

    /// Holiday overrides (dates come from the caller).
    public struct Holiday: Codable, Hashable, Sendable {
        public var name: String
        public var periods: [Span]

        public init(name: String, periods: [Span]) {
            self.name = name
            self.periods = periods
        }
    }

    /// `kind`: `ratios` (with `user_classes`, optional `base_cny_per_kwh` and `rounding_cny_per_kwh`),
    /// `absolute` (with `prices_cny_per_kwh`) or `park_supplied`.
    public struct Pricing: Codable, Hashable, Sendable {
        public var kind: String
        public var baseCNYPerKWh: Double?
        public var roundingCNYPerKWh: Double?
        public var userClasses: [UserClass]?
        public var pricesCNYPerKWh: [String: Double]?

        public init(kind: String, baseCNYPerKWh: Double? = nil, roundingCNYPerKWh: Double? = nil,
                    userClasses: [UserClass]? = nil, pricesCNYPerKWh: [String: Double]? = nil) {
            self.kind = kind
            self.baseCNYPerKWh = baseCNYPerKWh
            self.roundingCNYPerKWh = roundingCNYPerKWh
            self.userClasses = userClasses
            self.pricesCNYPerKWh = pricesCNYPerKWh
        }

        enum CodingKeys: String, CodingKey {
            case kind, baseCNYPerKWh = "base_cny_per_kwh", roundingCNYPerKWh = "rounding_cny_per_kwh"
            case userClasses = "user_classes", pricesCNYPerKWh = "prices_cny_per_kwh"
        }
    }

    /// Ratios of one user class.
    public struct UserClass: Codable, Hashable, Sendable {
        public var userClass: String
        public var description: String?
        public var ratios: [String: Double]

        public init(userClass: String, description: String? = nil, ratios: [String: Double]) {
            self.userClass = userClass
            self.description = description
            self.ratios = ratios
        }

        enum CodingKeys: String, CodingKey { case userClass = "user_class", description, ratios }
    }

    /// Export terms: exactly one of `price_cny_per_kwh` and `prices_cny_per_kwh`.
    public struct Export: Codable, Hashable, Sendable {
        public var priceCNYPerKWh: Double?
        public var pricesCNYPerKWh: [String: Double]?
        public var limitKW: Double?
        public var surplusOnly: Bool?

        public init(priceCNYPerKWh: Double? = nil, pricesCNYPerKWh: [String: Double]? = nil, limitKW: Double? = nil,
                    surplusOnly: Bool? = nil) {
            self.priceCNYPerKWh = priceCNYPerKWh
            self.pricesCNYPerKWh = pricesCNYPerKWh
            self.limitKW = limitKW
            self.surplusOnly = surplusOnly
        }

        enum CodingKeys: String, CodingKey {
            case priceCNYPerKWh = "price_cny_per_kwh", pricesCNYPerKWh = "prices_cny_per_kwh"
            case limitKW = "limit_kw", surplusOnly = "surplus_only"
        }
    }
}
