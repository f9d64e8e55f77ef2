/// Checks a park's values that do not depend on the factor library: ids unique within their list,
/// quantities finite and not negative, monthly series as long as the period, offsets in range.
/// Pure; returns every issue found (STANDARD.md 1.1.2(a): complete and accurate).
public enum ParkValidator {
    public static func issues(in park: ParkDefinition) -> [ParkIssue] {
        var issues: [ParkIssue] = []
        // Field names, locations and messages are built only for a failing check: a park of 10,000
        // monthly sources has 120,000 values to check, nearly all fine (scripts/bench-compare).
        func check(_ ok: Bool, _ code: String, _ field: @autoclosure () -> String, _ location: @autoclosure () -> SourceLocation?,
                   _ message: @autoclosure () -> String, zh: @autoclosure () -> String) {
            if !ok { issues.append(ParkIssue(code: code, field: field(), message: message(), zh: zh(), location: location())) }
        }
        func nonNegative(_ value: Double, _ field: @autoclosure () -> String, _ location: @autoclosure () -> SourceLocation?) {
            guard !(value.isFinite && value >= 0) else { return }
            check(value.isFinite, "not_a_number", field(), location(), "must be a finite number, got \(value)",
                  zh: "应为有限数值，实际为 \(value)")
            check(!(value < 0), "negative_quantity", field(), location(), "must not be negative, got \(Quantity.format(value))",
                  zh: "不能为负数，实际为 \(Quantity.format(value))")
        }
        func unique<T>(_ items: [T], list: String, id: (T) -> String, location: (T) -> SourceLocation?) {
            var seen: [String: SourceLocation?] = [:]
            for item in items {
                let key = id(item)
                if let first = seen[key] {
                    let at = first.map { " (first defined at line \($0.line))" } ?? ""
                    let atZh = first.map { "（首次定义在第 \($0.line) 行）" } ?? ""
                    issues.append(ParkIssue(code: "duplicate_id", field: "\(list)[\(key)].id",
                                            message: "duplicate id \"\(key)\"\(at)", zh: "编号“\(key)”重复\(atZh)", location: location(item)))
                } else {
                    seen[key] = location(item)
                }
            }
        }
        unique(park.factors, list: "factors", id: \.id, location: { $0.locations["id"] ?? $0.locations.item })
        unique(park.fuels, list: "fuels", id: \.id, location: { $0.locations["id"] ?? $0.locations.item })
        unique(park.sources, list: "sources", id: \.id, location: { $0.locations["id"] ?? $0.locations.item })
        unique(park.sinks, list: "sinks", id: \.id, location: { $0.locations["id"] ?? $0.locations.item })
        unique(park.offsets, list: "offsets", id: \.id, location: { $0.locations["id"] ?? $0.locations.item })

        let profile = park.profile
        nonNegative(profile.areaM2, "park.area_m2", profile.locations["area_m2"])
        check(!(profile.areaM2 == 0), "invalid_value", "park.area_m2", profile.locations["area_m2"], "must be greater than 0", zh: "应大于 0")
        if let output = profile.outputValueCNY {
            nonNegative(output, "park.output_value_cny", profile.locations["output_value_cny"])
        }

        for factor in park.factors {
            nonNegative(factor.value, "factors[\(factor.id)].value", factor.locations["value"])
        }
        for fuel in park.fuels {
            nonNegative(fuel.ncv.value, "fuels[\(fuel.id)].ncv.value", fuel.locations["ncv"])
            nonNegative(fuel.carbonContent.value, "fuels[\(fuel.id)].carbon_content.value", fuel.locations["carbon_content"])
            check(fuel.oxidation > 0 && fuel.oxidation <= 1, "invalid_value", "fuels[\(fuel.id)].oxidation",
                  fuel.locations["oxidation"], "must be a fraction in (0, 1], got \(Quantity.format(fuel.oxidation))",
                  zh: "应为 (0, 1] 区间内的比例，实际为 \(Quantity.format(fuel.oxidation))")
        }
        let months = park.period.months.count
        for source in park.sources {
            let field = { "sources[\(source.id)].activity" }
            switch source.activity.values {
            case let .total(value):
                nonNegative(value, "\(field()).quantity", source.locations["activity.quantity"])
            case let .monthly(values):
                check(values.count == months, "monthly_length", "\(field()).monthly", source.locations["activity.monthly"],
                      "has \(values.count) values but the period \(park.period.start)..\(park.period.end) has \(months) months",
                      zh: "有 \(values.count) 个数值，但核算期 \(park.period.start)..\(park.period.end) 有 \(months) 个月")
                for (index, value) in values.enumerated() {
                    nonNegative(value, "\(field()).monthly[\(index)]", source.locations["activity.monthly"])
                }
            }
            if let scope = source.scope {
                check((1...3).contains(scope), "invalid_value", "sources[\(source.id)].scope", source.locations["scope"],
                      "must be 1, 2 or 3", zh: "应为 1、2 或 3")
            }
        }
        for sink in park.sinks {
            switch sink.kind {
            case let .greenery(area, rate):
                nonNegative(area, "sinks[\(sink.id)].area_m2", sink.locations["area_m2"])
                nonNegative(rate.value, "sinks[\(sink.id)].rate.value", sink.locations["rate"])
            case let .ccus(captured, _):
                nonNegative(captured.value, "sinks[\(sink.id)].captured.quantity", sink.locations["captured"])
            }
        }
        for offset in park.offsets {
            nonNegative(offset.quantity.value, "offsets[\(offset.id)].quantity.value", offset.locations["quantity"])
            if let years = offset.commitmentYears {
                check(years >= 0, "negative_quantity", "offsets[\(offset.id)].commitment_years",
                      offset.locations["commitment_years"], "must not be negative", zh: "不能为负数")
            }
        }
        return issues
    }
}
