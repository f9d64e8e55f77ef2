import ZeroParkCore
import ZeroParkInput

/// The store's own checks of every value it writes, whatever edge it came through (API, form,
/// CSV, park file): text hygiene and bounds (`TextPolicy`), keys, and the documented number
/// domains (`Domain`). The edges check first and say where; this is the backstop that keeps a
/// refused value out of the database (issue #6).
enum StoreChecks {
    static func text(_ value: String?, _ field: String, _ policy: TextPolicy = .name) throws {
        guard let value else { return }
        if let problem = policy.problem(value, field: field) { throw StoreError.invalid(field: field, message: "\(problem.zh) / \(problem.en)") }
    }

    static func key(_ value: String?, _ field: String) throws {
        guard let value else { return }
        guard Schema.Shape.key.accepts(value) else {
            throw StoreError.invalid(field: field, message: "请用 1–64 个字母、数字、“.”、“-”或“_” / use 1–64 letters, digits, '.', '-' or '_'")
        }
    }

    static func number(_ value: Double, _ field: String, _ range: ClosedRange<Double>, above: Double? = nil) throws {
        guard value.isFinite, range.contains(value), above.map({ value > $0 }) ?? true else {
            let low = above.map { "above \(Schema.plain($0))" } ?? "from \(Schema.plain(range.lowerBound))"
            let lowZh = above.map { "大于 \(Schema.plain($0))" } ?? "\(Schema.plain(range.lowerBound)) 至"
            throw StoreError.invalid(field: field, message: "须为 \(lowZh) \(Schema.plain(range.upperBound)) 之间的数，实际为 \(value) / must be \(low) to \(Schema.plain(range.upperBound)), got \(value)")
        }
    }

    static func integer(_ value: Int?, _ field: String, _ range: ClosedRange<Int>) throws {
        guard let value else { return }
        guard range.contains(value) else {
            throw StoreError.invalid(field: field, message: "须为 \(range.lowerBound)–\(range.upperBound) 之间的整数，实际为 \(value) / must be \(range.lowerBound) to \(range.upperBound), got \(value)")
        }
    }

    static func sink(_ sink: CarbonSink, year: Int?) throws {
        try key(sink.id, "id")
        try text(sink.name, "name")
        try text(sink.source, "source", .note)
        try integer(year, "year", Domain.year)
        switch sink.kind {
        case let .greenery(area, rate):
            try number(area, "area_m2", 0...Domain.areaM2Maximum, above: 0)
            try number(rate.value, "rate.value", Domain.quantity)
        case let .ccus(captured, verification):
            try number(captured.value, "captured.value", Domain.quantity)
            try text(verification, "verification", .note)
        }
    }

    static func offset(_ offset: CarbonOffset, year: Int) throws {
        try key(offset.id, "id")
        try text(offset.name, "name")
        try integer(year, "year", Domain.year)
        try integer(offset.vintage, "vintage", Domain.year)
        try integer(offset.commitmentYears, "commitment_years", Domain.commitmentYears)
        try number(offset.quantity.value, "quantity.value", Domain.quantity)
        try text(offset.registryRef, "registry_ref", .note)
        try text(offset.verification, "verification", .note)
        if let province = offset.projectProvince {
            guard FactorLibrary.builtIn.gridArea(province)?.isProvince == true else {
                throw StoreError.invalid(field: "project_province", message: "未知的省份“\(province)” / unknown province \"\(province)\"")
            }
            guard offset.type != .phcer || province == CarbonOffset.phcerProvince else {
                throw StoreError.invalid(field: "project_province", message: "PHCER 项目按定义位于广东 / PHCER projects are in guangdong by definition")
            }
        }
        try text(offset.retiredFor, "retired_for", .name)
    }

    static func certificate(_ certificate: GreenCertificate, year: Int) throws {
        try text(certificate.id, "id", .name)
        try key(certificate.source, "source")
        try integer(year, "year", Domain.year)
        try integer(certificate.vintage, "vintage", Domain.year)
        try number(certificate.mwh, "mwh", Domain.quantity)
        try text(certificate.registry, "registry", .note)
    }

    static func profile(_ profile: ParkProfile) throws {
        try text(profile.name, "name")
        try text(profile.nameEn, "name_en")
        try key(profile.province, "province")
        try number(profile.areaM2, "area_m2", 0...Domain.areaM2Maximum, above: 0)
        if let output = profile.outputValueCNY { try number(output, "output_value_cny", Domain.outputValueCNY) }
        guard profile.boundaryEvidence.count <= 50 else { throw StoreError.invalid(field: "boundary_evidence", message: "至多 50 项 / at most 50 items") }
        for (index, evidence) in profile.boundaryEvidence.enumerated() { try text(evidence, "boundary_evidence[\(index)]", .note) }
    }

    static func factor(_ factor: ParkFactor) throws {
        try key(factor.id, "id")
        try number(factor.value, "value", Domain.factorValue)
        try text(factor.source, "source", .note)
    }

    static func fuel(_ fuel: FuelDefinition) throws {
        try key(fuel.id, "id")
        try text(fuel.name, "name")
        try number(fuel.ncv.value, "ncv.value", Domain.factorValue)
        try number(fuel.carbonContent.value, "carbon_content.value", Domain.factorValue)
        try number(fuel.oxidation, "oxidation", 0...Domain.oxidationMaximum, above: 0)
        if let coal = fuel.coalCoefficient { try number(coal.value, "coal_coefficient.value", Domain.factorValue) }
        try text(fuel.source, "source", .note)
    }

    static func activity(_ input: ActivityInput, prefix: String) throws {
        try number(input.value, prefix + "value", Domain.activityValue)
        try integer(input.year, prefix + "year", Domain.year)
        try integer(input.month, prefix + "month", Domain.month)
        try text(input.dataSource, prefix + "data_source", .note)
        try text(input.evidence, prefix + "evidence", .note)
    }

    static func definition(_ definition: ParkDefinition) throws {
        try key(definition.profile.id, "park.id")
        try profile(definition.profile)
        for factor in definition.factors { try self.factor(factor) }
        for fuel in definition.fuels { try self.fuel(fuel) }
        let year = definition.period.factorYear
        for sink in definition.sinks { try self.sink(sink, year: year) }
        for offset in definition.offsets { try self.offset(offset, year: year) }
        for certificate in definition.certificates { try self.certificate(certificate, year: year) }
    }
}
