import Foundation
import ZeroParkCore
import ZeroParkInput

/// Writes a `ParkDefinition` as a park file (format version 1) that `ParkFileReader` reads back to
/// the same definition: strings double-quoted (JSON escapes, valid YAML), numbers in Swift's
/// shortest round-trip form. Used for export and for the input record of inventory snapshots.
public enum ParkFileWriter {
    public static func write(_ park: ParkDefinition) -> String {
        var out = "# ZeroPark park file, format version 1 (docs/park-file.md)\nzeropark: 1\n\npark:\n"
        let profile = park.profile
        out += field("id", profile.id, 2) + field("name", profile.name, 2)
        if let nameEn = profile.nameEn { out += field("name_en", nameEn, 2) }
        out += "  type: \(profile.type.rawValue)\n"
        if let province = profile.province { out += field("province", province, 2) }
        out += "  area_m2: \(number(profile.areaM2))\n"
        if let output = profile.outputValueCNY { out += "  output_value_cny: \(number(output))\n" }
        if !profile.boundaryEvidence.isEmpty {
            out += "  boundary:\n    evidence:\n" + profile.boundaryEvidence.map { "      - \(quoted($0))\n" }.joined()
        }
        let period = park.period
        if let year = AccountingPeriod(year: period.start.year), year == period {
            out += "\nperiod:\n  year: \(period.start.year)\n"
        } else {
            out += "\nperiod:\n  start: \(period.start)\n  end: \(period.end)\n"
        }
        let rules = park.rules.changedSettings
        if !rules.isEmpty {
            out += "\nrules:\n" + rules.map { field($0.key, $0.value, 2) }.joined()
        }
        if !park.factors.isEmpty {
            out += "\nfactors:\n"
            for factor in park.factors {
                out += "  - id: \(quoted(factor.id))\n    value: \(number(factor.value))\n" + field("unit", factor.unit.symbol, 4)
                    + field("source", factor.source, 4)
            }
        }
        if !park.fuels.isEmpty {
            out += "\nfuels:\n"
            for fuel in park.fuels {
                out += "  - id: \(quoted(fuel.id))\n" + field("name", fuel.name, 4)
                out += "    ncv: \(quantity(fuel.ncv, "value"))\n    carbon_content: \(quantity(fuel.carbonContent, "value"))\n"
                out += "    oxidation: \(number(fuel.oxidation))\n    biogenic: \(fuel.biogenic)\n"
                if let coal = fuel.coalCoefficient { out += "    coal_coefficient: \(quantity(coal, "value"))\n" }
                out += field("source", fuel.source, 4)
            }
        }
        if !park.sources.isEmpty {
            out += "\nsources:\n"
            for source in park.sources {
                out += "  - id: \(quoted(source.id))\n" + field("name", source.name, 4)
                out += "    system: \(source.system.rawValue)\n    method: \(source.method.rawValue)\n"
                for (key, value) in [("fuel", source.fuel), ("factor", source.factor), ("grid", source.grid), ("gas", source.gas),
                                     ("gwp_set", source.gwpSet), ("enterprise", source.enterprise)] {
                    if let value { out += field(key, value, 4) }
                }
                if let scope = source.scope { out += "    scope: \(scope)\n" }
                if let category = source.category { out += "    category: \(category.rawValue)\n" }
                switch source.activity.values {
                case let .total(value):
                    out += "    activity: { quantity: \(number(value)), unit: \(quoted(source.activity.unit.symbol)) }\n"
                case let .monthly(values):
                    out += "    activity:\n      unit: \(quoted(source.activity.unit.symbol))\n"
                    out += "      monthly: [\(values.map(number).joined(separator: ", "))]\n"
                }
                if let dataSource = source.dataSource { out += field("data_source", dataSource, 4) }
                if let evidence = source.evidence { out += field("evidence", evidence, 4) }
            }
        }
        if !park.sinks.isEmpty {
            out += "\nsinks:\n"
            for sink in park.sinks {
                out += "  - id: \(quoted(sink.id))\n" + field("name", sink.name, 4)
                switch sink.kind {
                case let .greenery(area, rate):
                    out += "    kind: greenery\n    area_m2: \(number(area))\n    rate: \(quantity(rate, "value"))\n"
                    if let source = sink.source { out += field("source", source, 4) }
                case let .ccus(captured, verification):
                    out += "    kind: ccus\n    captured: \(quantity(captured, "quantity"))\n"
                    if let verification { out += field("verification", verification, 4) }
                    if let source = sink.source, source != verification { out += field("source", source, 4) }
                }
            }
        }
        if !park.offsets.isEmpty {
            out += "\noffsets:\n"
            for offset in park.offsets {
                out += "  - id: \(quoted(offset.id))\n" + field("name", offset.name, 4)
                out += "    type: \(offset.type.rawValue)\n    quantity: \(quantity(offset.quantity, "value"))\n"
                if let vintage = offset.vintage { out += "    vintage: \(vintage)\n" }
                if let province = offset.projectProvince { out += field("project_province", province, 4) }
                if let local = offset.statedLocal { out += "    local: \(local)\n" }
                if let retired = offset.retired { out += "    retired: \(retired)\n" }
                if let beneficiary = offset.retiredFor { out += field("retired_for", beneficiary, 4) }
                if let registry = offset.registryRef { out += field("registry_ref", registry, 4) }
                if let years = offset.commitmentYears { out += "    commitment_years: \(years)\n" }
                if let verification = offset.verification { out += field("verification", verification, 4) }
            }
        }
        if !park.certificates.isEmpty {
            out += "\ncertificates:\n"
            for certificate in park.certificates {
                out += "  - id: \(quoted(certificate.id))\n" + field("source", certificate.source, 4)
                out += "    mwh: \(number(certificate.mwh))\n    vintage: \(certificate.vintage)\n"
                if let retired = certificate.retired { out += "    retired: \(retired)\n" }
                if let registry = certificate.registry { out += field("registry", registry, 4) }
            }
        }
        if !park.meters.isEmpty {
            out += "\nmeters:\n"
            for meter in park.meters {
                out += "  - id: \(quoted(meter.id))\n" + field("name", meter.name, 4) + field("quantity", meter.quantity, 4)
                    + field("unit", meter.unit, 4) + field("reading_kind", meter.readingKind, 4)
                out += "    interval_minutes: \(meter.intervalMinutes)\n    multiplier: \(number(meter.multiplier))\n"
                for (key, value) in [("counter_modulus", meter.counterModulus), ("physical_min", meter.physicalMin),
                                     ("physical_max", meter.physicalMax)] {
                    if let value { out += "    \(key): \(number(value))\n" }
                }
                for (key, value) in [("enterprise", meter.enterprise), ("feeds", meter.feeds), ("parent", meter.parent)] {
                    if let value { out += field(key, value, 4) }
                }
            }
        }
        return out
    }

    static func field(_ key: String, _ value: String, _ indent: Int) -> String {
        String(repeating: " ", count: indent) + "\(key): \(quoted(value))\n"
    }

    static func quantity(_ quantity: Quantity, _ numberKey: String) -> String {
        "{ \(numberKey): \(number(quantity.value)), unit: \(quoted(quantity.unit.symbol)) }"
    }

    /// Whole numbers below 1e15 as integers, others in Swift's shortest round-trip form (`0.5`,
    /// `1e+17`, `1.7976931348623157e+308`), so the reader gets the same Double back. NaN and
    /// ±infinity have no park-file form (the reader refuses them, and so does the validator): they
    /// are written "—", which the reader reports as "must be a number" at that line rather than
    /// silently reading some other number.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// A YAML double-quoted scalar (JSON string escapes are valid YAML).
    static func quoted(_ text: String) -> String { DocumentNode.quoted(text) }
}
