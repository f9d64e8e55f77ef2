import ZeroParkInput
import ZeroParkPlanning

/// The JSON Schema of a plan sent to the API (`POST /api/v1/parks/{park}/plan`): the measures file's
/// keys (docs/planning.md §5), published in the OpenAPI document and checked before `PlanFileReader`
/// reads the body. The rules that need the park (known source ids, one abatement rule per measure, the
/// ordering rule) are checked after it and answered 422.
///
/// Serves STANDARD.md 1.1.2(d) (a published, exact interface) and 1.1.5–1.1.7.
public enum PlanSchema {
    static let years = Schema.integer(1990...2100)
    static let money = Schema.number(PlanValidation.money)

    public static let body = Schema.object(nil, "A neutrality plan's measures and offset options (docs/planning.md)",
                                           required: ["zeropark_plan", "target_year", "discount_rate", "bau_growth"], [
        ("zeropark_plan", .integer(1...1, "Format version: 1")),
        ("target_year", years),
        ("discount_rate", .number(PlanValidation.discountRate, "r for CRF and NPV")),
        ("bau_growth", .number(PlanValidation.bauGrowth, "Business-as-usual growth a year")),
        ("offsets_from", years),
        ("measures", .array(.object(nil, "A measure: exactly one of electricity_mwh, fraction, tonnes_per_year",
                                    required: ["id", "name", "category", "start_year"], [
            ("id", .key()), ("name", Schema.string(.name)),
            ("category", .choice(MeasureCategory.allCases.map(\.rawValue))),
            ("acts_on", .array(.key("A source id of the park"), maxItems: 1_000)),
            ("electricity_mwh", .number(PlanValidation.mwh)),
            ("fraction", .number(above: 0, maximum: 1)),
            ("tonnes_per_year", .number(PlanValidation.tonnes)),
            ("capex_cny", money), ("opex_cny_per_year", money), ("savings_cny_per_year", .number(PlanValidation.savings)),
            ("lifetime_years", .number(PlanValidation.lifetime)),
            ("start_year", years),
            ("basis", Schema.string(.note, "Where the figures come from")),
        ]), maxItems: PlanValidation.maximumMeasures)),
        ("offsets", .array(.object(nil, "Credits the park can buy", required: ["id", "name", "type", "local", "price_cny_per_tonne"], [
            ("id", .key()), ("name", Schema.string(.name)),
            ("type", .choice(OffsetOption.CreditType.allCases.map(\.rawValue))),
            ("local", .boolean),
            ("price_cny_per_tonne", money),
            ("available_tonnes_per_year", .number(PlanValidation.tonnes)),
            ("basis", Schema.string(.note)),
        ]), maxItems: PlanValidation.maximumOffsets)),
    ])
}

extension PlanSchema {
    /// `POST /parks/{park}/plans`: a version to store, with why.
    public static let version = Schema.object(nil, "A plan version to store: why, and the measures file (as for POST /parks/{park}/plan)",
                                              required: ["reason", "plan"], [
        ("reason", Schema.string(.note, minLength: 1, "Why this version (re-planning from actuals, a new quote, …)")),
        ("plan", body),
    ])
}

extension PlanFileReader {
    /// A plan from a JSON value already read within limits (the API body).
    public static func read(json: JSONValue.Located) throws(InputError) -> PlanFile {
        try read(ScenarioNode(json: json))
    }
}
