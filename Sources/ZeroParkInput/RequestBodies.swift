import ZeroParkCore

/// The JSON request bodies of /api/v1: each is the check applied to the body before it is decoded
/// and the schema published in the OpenAPI document (issue #6). Ranges come from `Domain`, text
/// bounds from `TextPolicy`.
public enum RequestBodies {
    static let unitText = TextPolicy(maxLength: 64)

    static func unit(_ shape: Schema.Shape = .unit, _ summary: String) -> Schema {
        var schema = Schema.string(unitText, minLength: 1, summary)
        schema.shape = shape
        return schema
    }

    public static let quantity = Schema.object("Quantity", "A value with its unit, e.g. {\"value\": 12.5, \"unit\": \"GJ/t\"}",
                                               required: ["value", "unit"], [
        ("value", .number(Domain.quantity, "The value in `unit`")),
        ("unit", unit(.unit, "A unit ZeroPark reads (t, MWh, 10^4 Nm3, tCO2/ha/yr, …)")),
    ])

    /// A quantity of CO2 (offsets, CCUS captures).
    public static let co2Quantity = Schema.object("CO2Quantity", "A mass of CO2, e.g. {\"value\": 100, \"unit\": \"tCO2\"}",
                                                  required: ["value", "unit"], [
        ("value", .number(Domain.quantity, "The value in `unit`")),
        ("unit", unit(.co2Mass, "tCO2, kgCO2, tCO2e, … (10^N and 万 prefixes allowed)")),
    ])

    public static let source = Schema.object("Source", "An emission source (1.1.2)", required: ["key", "name", "system", "method", "unit"], [
        ("key", .key("Unique in the park; a tenant's keys begin with `<enterprise>.`")),
        ("name", .string(.name, minLength: 1)),
        ("system", .choice(EmissionSystem.allCases.map(\.rawValue))),
        ("method", .choice(AccountingMethodKind.allCases.map(\.rawValue))),
        ("fuel", Schema.key().orNull),
        ("factor", Schema.key().orNull),
        ("grid", Schema.key().orNull),
        ("gas", Schema.key().orNull),
        ("gwp_set", Schema.key().orNull),
        ("scope", Schema.integer(Domain.scope).orNull),
        ("category", Schema.choice(EmissionCategory.allCases.map(\.rawValue),
                                   "energy / industrial_process / other; absent: the method's default (910号 numerator)").orNull),
        ("enterprise", Schema.key().orNull),
        ("unit", unit(.unit, "The activity data's unit; it must fit the factor or fuel")),
        ("data_source", Schema.string(.note).orNull),
        ("evidence", Schema.string(.note).orNull),
    ])

    public static let activity = Schema.object("Activity", "One activity value of a source", required: ["year", "value"], [
        ("year", .integer(Domain.year)),
        ("month", Schema.integer(Domain.month, "1–12; 0 or absent = the whole year").orNull),
        ("value", .number(Domain.activityValue, "In the source's unit")),
        ("data_source", Schema.string(.note).orNull),
        ("evidence", Schema.string(.note).orNull),
    ])

    public static let sink = Schema.oneOf("Sink", "A carbon sink: greenery (area × rate) or CCUS (captured)", discriminator: "kind", [
        .object(nil, "Greenery: area × sequestration rate (1.1.27)", required: ["id", "name", "kind", "area_m2", "rate"], [
            ("id", .key()),
            ("name", .string(.name, minLength: 1)),
            ("kind", .choice(["greenery"])),
            ("area_m2", .number(above: 0, maximum: Domain.areaM2Maximum)),
            ("rate", quantity.described("Per area and year, e.g. tCO2/ha/yr")),
            ("verification", Schema.string(.note).orNull),
            ("source", Schema.string(.note).orNull),
            ("year", Schema.integer(Domain.year).orNull),
        ]),
        .object(nil, "CCUS: the verified quantity captured (1.1.28)", required: ["id", "name", "kind", "captured"], [
            ("id", .key()),
            ("name", .string(.name, minLength: 1)),
            ("kind", .choice(["ccus"])),
            ("captured", co2Quantity),
            ("verification", Schema.string(.note).orNull),
            ("source", Schema.string(.note).orNull),
            ("year", Schema.integer(Domain.year, "The year captured").orNull),
        ]),
    ])

    public static let offset = Schema.object("Offset", "An offset claim (1.1.4(b), 1.1.7, 1.1.34; docs/accounting-rules.md §4)",
                                             required: ["id", "name", "type", "quantity", "year"], [
        ("id", .key()),
        ("name", .string(.name, minLength: 1)),
        ("type", .choice(OffsetType.allCases.map(\.rawValue))),
        ("quantity", co2Quantity),
        ("year", .integer(Domain.year, "The accounting year the offset is claimed for")),
        ("vintage", Schema.integer(Domain.year, "The year the reduction happened; credits count within the park's vintage window").orNull),
        ("local", Schema.boolean.orNull),  // accepted for compatibility, not trusted: local is derived from project_province
        ("project_province", Schema.choice(FactorLibrary.builtIn.gridAreas.filter(\.isProvince).map(\.key),
                                           "The project's province key; PHCER projects are in guangdong").orNull),
        ("retired", Schema.date("Retirement date in the registry; not after the report date").orNull),
        ("retired_for", Schema.string(.name, minLength: 1, "Beneficiary on the retirement record: the park's id or name").orNull),
        ("registry_ref", Schema.string(.note, "Registry reference; unique across the park's offsets, all years").orNull),
        ("commitment_years", Schema.integer(Domain.commitmentYears).orNull),
        ("verification", Schema.string(.note).orNull),
    ])

    public static let certificate = Schema.object(
        "Certificate", "A green electricity certificate (绿证) claimed against a purchased-electricity source (1.1.19, 1.1.36)",
        required: ["id", "source", "mwh", "vintage", "year"], [
            ("id", .string(.name, minLength: 1, "The certificate's serial number; claimed once per park")),
            ("source", .key("The purchased_electricity source whose grid power it covers")),
            ("mwh", .number(Domain.quantity, "MWh the certificate represents")),
            ("vintage", .integer(Domain.year, "The year the electricity was generated")),
            ("year", .integer(Domain.year, "The accounting year it is claimed in")),
            ("retired", Schema.date("The date it was retired for the park; absent: held, not applied").orNull),
            ("registry", Schema.string(.note).orNull),
        ])

    public static let rules = Schema.object(
        "Rules", "The park's accounting conventions (docs/accounting-rules.md); an absent key takes its default", required: [], [
            ("market_basis", .choice(AccountingRules.MarketBasis.allCases.map(\.rawValue))),
            ("exported_energy", .choice(AccountingRules.ExportedEnergyRule.allCases.map(\.rawValue))),
            ("clean_energy", .choice(AccountingRules.CleanEnergyDefinition.allCases.map(\.rawValue))),
            ("indicator_electricity", .choice(AccountingRules.IndicatorElectricityBasis.allCases.map(\.rawValue))),
            ("combustion_non_co2", Schema.boolean.described("Report CH4 and N2O from stationary combustion apart (IPCC 2006 defaults)")),
            ("offset_vintage_window_years", .integer(AccountingRules.offsetVintageWindowRange,
                                                     "Years before the period's end a credit's vintage may lie (default 5, a ZeroPark policy)")),
            ("report_date", Schema.date("No credit retired after this date counts; absent or null: the day of computation").orNull),
        ])

    public static let profile = Schema.object("Profile", "The park's profile and boundary (1.1.1)", required: ["name", "type", "area_m2"], [
        ("name", .string(.name, minLength: 1)),
        ("name_en", Schema.string(.name).orNull),
        ("type", .choice(ParkType.allCases.map(\.rawValue))),
        ("province", Schema.key().orNull),
        ("area_m2", .number(above: 0, maximum: Domain.areaM2Maximum)),
        ("output_value_cny", Schema.number(Domain.outputValueCNY).orNull),
        ("boundary_evidence", Schema.array(.string(.note), maxItems: 50).orNull),
    ])

    public static let factor = Schema.object("ParkFactor", "A park's own factor with its source (1.1.2(b))", required: ["value", "unit", "source"], [
        ("value", .number(Domain.factorValue)),
        ("unit", unit(.unit, "e.g. kgCO2/t, tCO2/MWh")),
        ("source", .string(.note, minLength: 1)),
    ])

    public static let fuel = Schema.object("Fuel", "A park fuel with GB/T 32150 parameters", required: ["name", "ncv", "carbon_content", "oxidation", "source"], [
        ("name", .string(.name, minLength: 1)),
        ("ncv", quantity),
        ("carbon_content", quantity),
        ("oxidation", .number(above: 0, maximum: Domain.oxidationMaximum)),
        ("biogenic", Schema.boolean.orNull),
        ("coal_coefficient", quantity.orNull),
        ("source", .string(.note, minLength: 1)),
    ])

    public static let publication = Schema.object("Publication", "Whether the disclosure page is public, and the reduction target (1.1.2(d))",
                                                  required: ["published"], [
        ("published", .boolean),
        ("reduction_target", Schema.string(.note).orNull),
    ])

    public static let trial = Schema.object("Trial", "The park's trial period (1.1.9): one year, held to a stored plan version",
                                            required: ["start", "plan_version", "threshold"], [
        ("start", .date("First day of the trial, YYYY-MM-DD")),
        ("end", Schema.date("Last day (365 or 366 days after start, less one); absent: one year").orNull),
        ("plan_version", .integer(1...1_000_000, "A stored plan version of the park")),
        ("threshold", .number(0.01...1, "Share of the planned net beyond which a month or the trial to date is a finding (0.1 = 10 %)")),
    ])

    public static let yearOutput = Schema.object("YearOutput", "The park's area and output value in one year, with their source (1.1.14)",
                                                 required: ["area_m2", "data_source"], [
        ("area_m2", .number(above: 0, maximum: Domain.areaM2Maximum, "Park area that year, m²")),
        ("output_value_cny", Schema.number(Domain.outputValueCNY, "Output value that year, CNY").orNull),
        ("data_source", .string(.note, minLength: 1, "Where the figures come from (statistical report, audited accounts, …)")),
    ])

    public static let member = Schema.oneOf("Member", "A role in the park; tenants name one of the park's enterprises", discriminator: "role", [
        .object(nil, "A tenant, acting for one of the park's enterprises", required: ["role", "enterprise"], [
            ("role", .choice(["tenant"])),
            ("enterprise", .key("An enterprise of the park")),
        ]),
        .object(nil, "Any other role", required: ["role"], [
            ("role", .choice(["admin", "manager", "auditor", "viewer"])),
            ("enterprise", Schema.key("Ignored for roles other than tenant").orNull),
        ]),
    ])

    public static let snapshot = Schema.object("SnapshotRequest", "The year to snapshot", required: ["year"], [
        ("year", .integer(Domain.year)),
    ])

    public static let comment = Schema.object("Comment", "A review comment on a source (`source:<key>`) or on the park (`park`)",
                                              required: ["target", "text"], [
        ("target", {
            var target = Schema.string(TextPolicy(maxLength: 71), minLength: 4)
            target.shape = .commentTarget
            return target
        }()),
        ("text", .string(.paragraph, minLength: 1)),
    ])

    /// Every body schema by name (the fuzzer checks random bytes against each).
    public static let all: [(name: String, schema: Schema)] = [
        ("Source", source), ("Activity", activity), ("Sink", sink), ("Offset", offset), ("Certificate", certificate), ("Rules", rules), ("Profile", profile),
        ("ParkFactor", factor), ("Fuel", fuel), ("Publication", publication), ("Member", member),
        ("SnapshotRequest", snapshot), ("Comment", comment), ("Quantity", quantity), ("CO2Quantity", co2Quantity), ("Trial", trial), ("YearOutput", yearOutput),
    ]
}
