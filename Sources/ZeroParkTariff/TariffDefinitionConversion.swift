extension TariffDefinition {
    /// The definition of a model tariff (e.g. a built-in, to publish it as JSON or to start a park's own).
    /// `TariffDefinition(t).makeTariff() == t` for every valid tariff. Serves STANDARD.md 1.1.36.
    public init(_ tariff: Tariff) {
        self.init(id: tariff.id, name: tariff.name, versions: tariff.versions.map(Version.init))
    }
}

extension TariffDefinition.Version {
    init(_ v: TariffVersion) {
        let pricing: TariffDefinition.Pricing
        switch v.pricing {
        case .ratios(let r):
            pricing = .init(kind: "ratios", baseCNYPerKWh: r.baseCNYPerKWh, roundingCNYPerKWh: r.roundingCNYPerKWh,
                            userClasses: r.userClasses.map {
                                .init(userClass: $0.userClass, description: $0.description, ratios: byName($0.ratios))
                            })
        case .absolute(let prices):
            pricing = .init(kind: "absolute", pricesCNYPerKWh: byName(prices))
        case .parkSupplied:
            pricing = .init(kind: "park_supplied")
        }
        var export: TariffDefinition.Export?
        if let e = v.export {
            switch e.price {
            case .flat(let x): export = .init(priceCNYPerKWh: x, limitKW: e.limitKW, surplusOnly: e.surplusOnly)
            case .perPeriod(let p): export = .init(pricesCNYPerKWh: byName(p), limitKW: e.limitKW, surplusOnly: e.surplusOnly)
            }
        }
        self.init(
            effectiveFrom: v.effectiveFrom.description,
            effectiveTo: v.effectiveTo?.description,
            citation: v.citation.map {
                .init(document: $0.document, title: $0.title, urls: $0.urls, confirmed: $0.confirmed, unconfirmed: $0.unconfirmed)
            },
            seasons: v.seasons.map { .init(name: $0.name, months: $0.months, periods: $0.spans.map(span)) },
            criticalPeak: v.criticalPeak.map {
                .init(months: $0.months, spans: $0.spans.map { .init(from: MinuteSpan.format($0.from), to: MinuteSpan.format($0.to)) },
                      designatedDays: $0.designatedDays)
            },
            holiday: v.holidayRule.map { .init(name: $0.name, periods: $0.spans.map(span)) },
            pricing: pricing,
            demandChargeCNYPerKWMonth: v.demandChargeCNYPerKWMonth,
            export: export)
    }
}

private func byName(_ d: [TariffPeriod: Double]) -> [String: Double] {
    Dictionary(uniqueKeysWithValues: d.map { ($0.key.rawValue, $0.value) })
}

private func span(_ ps: PeriodSpan) -> TariffDefinition.Span {
    .init(period: ps.period.rawValue, from: MinuteSpan.format(ps.span.from), to: MinuteSpan.format(ps.span.to))
}
