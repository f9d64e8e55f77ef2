import Testing
@testable import ZeroParkTariff

struct PropertyTests {
    static let tariffs: [(Tariff, TariffParameters)] = [
        (BuiltInTariffs.guangdong331, TariffParameters(basePriceCNYPerKWh: 0.6, criticalPeakDays: [day(2024, 5, 20)])),
        (BuiltInTariffs.jiangsu426(effectiveFrom: day(2024, 1, 1)), TariffParameters(basePriceCNYPerKWh: 0.55, userClass: "two_part")),
        (BuiltInTariffs.zhejiang21(effectiveFrom: day(2024, 1, 1)),
         TariffParameters(periodPricesCNYPerKWh: [.critical: 1.3, .peak: 1.0, .flat: 0.7, .valley: 0.3, .deepValley: 0.2],
                          holidayDates: [day(2024, 2, 10), day(2024, 5, 1), day(2024, 10, 1)])),
    ]

    @Test("every minute of every day of 2024 maps to exactly one period, for every built-in")
    func everyMinute() throws {
        for (t, p) in Self.tariffs {
            for n in day(2024, 1, 1).dayNumber...day(2024, 12, 31).dayNumber {
                guard let d = CivilDate(dayNumber: n) else { Issue.record("day \(n)"); continue }
                let periods = try t.dayPeriods(on: d, parameters: p)
                #expect(periods.count == 1_440)
                if t.id == BuiltInTariffs.guangdong331ID {
                    // Guangdong: peak + critical is always 7 h; critical 3 h exactly in Jul–Sep and on the designated day.
                    let c = counts(periods)
                    #expect((c[.peak] ?? 0) + (c[.critical] ?? 0) == 420)
                    #expect(((c[.critical] ?? 0) == 180) == ((7...9).contains(d.month) || d == day(2024, 5, 20)))
                }
            }
        }
    }

    @Test("random expansions: steps × minutes accounted, prices within the version's range, months contiguous, costs add up")
    func randomExpansions() throws {
        var rng = LCG(state: 20_240_601)
        for round in 0..<30 {
            let (t, p) = Self.tariffs[round % 3]
            let step = [15, 30, 60][rng.next(3)]
            let count = 1 + rng.next(3_000)
            let aligned = rng.next(2) == 0   // half the starts on a quarter hour, half on any minute
            let minute = aligned ? 15 * rng.next(300 * 96) : rng.next(300 * 1_440)
            let start = TariffCalendar.instant(day(2024, 1, 1)) + Int64(minute) * 60
            let x = try t.expand(from: start, stepMinutes: step, stepCount: count, parameters: p)
            #expect(x.stepCount == count && x.importPrice.count == count && x.monthIndex.count == count)
            let prices = try t.resolvedPrices(on: day(2024, 6, 1), parameters: p).importPrices.values
            let lo = prices.min() ?? 0, hi = prices.max() ?? 0
            #expect(x.importPrice.allSatisfy { $0 >= lo - 1e-12 && $0 <= hi + 1e-12 })
            #expect(x.splits.allSatisfy { $0.parts.reduce(0) { $0 + $1.minutes } == step && $0.parts.count >= 2 })
            #expect(zip(x.monthIndex, x.monthIndex.dropFirst()).allSatisfy { $1 == $0 || $1 == $0 + 1 })
            #expect(x.monthIndex.last == x.months.count - 1)
            // Built-in boundaries are on whole hours: quarter-hour steps from a quarter hour never straddle.
            if aligned && step == 15 { #expect(x.splits.count == 0) }
            if !aligned && minute % 15 != 0 && count >= 96 { #expect(x.splits.count > 0) }
            let load = (0..<count).map { _ in Double(rng.next(1_000)) }
            let c = try x.cost(importKW: load)
            #expect(close(c.energyCostByPeriod.values.reduce(0, +), c.energyCostCNY, 1e-9))
            #expect(close(c.importKWhByPeriod.values.reduce(0, +), load.reduce(0, +) * Double(step) / 60, 1e-9))
        }
    }

    @Test("random quarter-hour schedules: a valid definition's day profile matches its spans; dropping a span leaves a gap")
    func randomSchedules() throws {
        var rng = LCG(state: 7)
        let names = ["valley", "flat", "peak", "critical", "deep_valley"]
        for _ in 0..<50 {
            var cuts = Set<Int>()
            for _ in 0..<(1 + rng.next(8)) { cuts.insert(15 * (1 + rng.next(95))) }
            let bounds = [0] + cuts.sorted() + [1_440]
            var spans: [TariffDefinition.Span] = []
            for i in 0..<(bounds.count - 1) {
                spans.append(.init(period: names[rng.next(5)], from: MinuteSpan.format(bounds[i]), to: MinuteSpan.format(bounds[i + 1])))
            }
            let prices = Dictionary(uniqueKeysWithValues: names.map { ($0, 0.5) })
            let def = TariffDefinition(id: "random", name: "随机", versions: [
                .init(effectiveFrom: "2024-01-01", seasons: [.init(name: "all", months: Array(1...12), periods: spans)],
                      pricing: .init(kind: "absolute", pricesCNYPerKWh: prices)),
            ])
            let t = try def.makeTariff()
            let profile = try t.dayPeriods(on: day(2024, 4, 1))
            for s in spans {
                guard let a = MinuteSpan.parse(s.from), let b = MinuteSpan.parse(s.to) else { Issue.record("span"); continue }
                #expect(profile[a..<b].allSatisfy { $0.rawValue == s.period })
            }
            if spans.count > 1 {
                var broken = def
                broken.versions[0].seasons[0].periods.remove(at: rng.next(spans.count))
                #expect(broken.problems().map(\.code) == ["uncovered_minutes"])
            }
        }
    }
}
