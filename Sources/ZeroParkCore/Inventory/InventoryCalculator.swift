/// Computes a park's inventory from its definition and a factor library (STANDARD.md 1.1.2–1.1.4).
/// Pure: values in, values out. Every problem in the input is collected and thrown together as a
/// `ParkInputError`, so a user fixes a file in one pass.
public enum InventoryCalculator {
    /// `today` is the date of computation, used as the report date for offsets (no credit retired
    /// after it counts, 1.1.7) when the park sets no `report_date`; the edges (server, command line)
    /// pass it, since the core reads no clock. Nil with no `report_date`: that comparison is skipped.
    public static func compute(_ park: ParkDefinition, library: FactorLibrary = .builtIn,
                               today: CalendarDate? = nil) throws -> Inventory {
        var issues = ParkValidator.issues(in: park)
        var context = AccountingContext(library: library, park: park)
        var warnings: [AccountingWarning] = []
        let matching = CertificateMatching.match(park)
        issues += matching.issues
        warnings += matching.warnings
        context.certificateMWh = matching.appliedMWh
        context.certificateIDs = matching.idsBySource
        context.claimsGreenPower = matching.appliedMWh.values.contains { $0 > 0 }
            || park.sources.contains { $0.method == .greenElectricity && $0.activity.total > 0 }
        context.resolveSharedFactors()
        if let province = park.profile.province, library.gridArea(province) == nil, !library.contains(factorID: "grid.\(province)"),
           !park.factors.contains(where: { $0.id == "grid.\(province)" }) {
            let known = library.gridAreas.filter(\.isProvince).map(\.key)
            issues.append(ParkIssue(code: "unknown_province", field: "park.province",
                                    message: "unknown province \"\(province)\"\(Suggestion.hint(for: province, in: known)) (known: \(known.joined(separator: ", ")))",
                                    zh: "未知的省份：“\(province)”\(Suggestion.hintZh(for: province, in: known))；已知省份：\(known.joined(separator: "、"))",
                                    location: park.profile.locations["province"]))
        }

        var sources: [SourceAccount] = []
        sources.reserveCapacity(park.sources.count)
        for source in park.sources {
            do {
                let account = try AccountingMethods.type(of: source.method).account(source, in: context)
                sources.append(account)
                warnings += account.warnings
            } catch let issue as ParkIssue {
                issues.append(issue)
            }
        }
        var sinks: [SinkAccount] = []
        for sink in park.sinks {
            do { sinks.append(try SinkAccounting.account(sink, period: park.period)) } catch let issue as ParkIssue {
                issues.append(issue)
            }
        }
        var offsets: [OffsetAccount] = []
        let offsetContext = OffsetRules.Context(park: park, library: library, today: today)
        var registryClaims: [String: String] = [:]
        for offset in park.offsets {
            do {
                let account = try OffsetRules.account(offset, in: offsetContext, registryClaims: &registryClaims)
                offsets.append(account)
                warnings += account.warnings
            } catch let issue as ParkIssue {
                issues.append(issue)
            }
        }
        guard issues.isEmpty else { throw ParkInputError(issues: issues) }
        return assemble(park: park, library: library, sources: sources, sinks: sinks, offsets: offsets,
                        certificates: matching.accounts, warnings: warnings)
    }

    static func assemble(park: ParkDefinition, library: FactorLibrary, sources: [SourceAccount],
                         sinks: [SinkAccount], offsets: [OffsetAccount], certificates: [CertificateAccount],
                         warnings: [AccountingWarning]) -> Inventory {
        var bySystem = Dictionary(uniqueKeysWithValues: EmissionSystem.allCases.map { ($0, 0.0) })
        var emissions = 0.0, location = 0.0, biogenic = 0.0, consumption = 0.0, clean = 0.0, monthlyCovered = 0.0
        var avoided = 0.0, exported = 0.0
        let months = park.period.months
        var monthly = [Double](repeating: 0, count: months.count)
        for account in sources {
            emissions += account.tco2
            location += account.locationBasedTco2
            biogenic += account.biogenicTco2
            avoided += account.avoidedTco2
            exported += account.exportedTco2
            bySystem[account.system, default: 0] += account.tco2
            if let energy = account.energy {
                consumption += energy.tce
                if energy.clean { clean += energy.tce }
            }
            if let series = account.monthlyTco2, series.count == monthly.count {
                monthlyCovered += account.tco2
                for index in series.indices { monthly[index] += series[index] }
            }
        }
        let sequestration = sinks.reduce(0) { $0 + $1.tco2 }
        // Offsets share the cap emissions − sequestration; the rest is surplus (1.1.2(a), OffsetRules).
        let allocation = OffsetRules.allocate(offsets, cap: max(0, emissions - sequestration))
        let offsets = allocation.accounts, warnings = warnings + allocation.warnings, offsetTotal = allocation.total
        let hasMonthly = sources.contains { $0.monthlyTco2 != nil }
        // Fuel ids matter only when natural gas counts as clean energy.
        var fuels: [String: String] = [:]
        if park.rules.cleanEnergy == .includingNaturalGas {
            for source in park.sources where source.method == .fuelCombustion { fuels[source.id] = source.fuel }
        }
        let indicator = NationalIndicator.compute(sources: sources, fuels: fuels, consumptionTce: consumption, cleanTce: clean,
                                                  period: park.period, rules: park.rules)
        return Inventory(
            profile: park.profile, period: park.period, libraryVersion: library.version,
            sources: sources, sinks: sinks, offsets: offsets, certificates: certificates, warnings: warnings, rules: park.rules,
            emissionsTco2: emissions, locationBasedTco2: location, avoidedTco2: avoided, exportedTco2: exported,
            biogenicTco2: biogenic,
            sequestrationTco2: sequestration, offsetsTco2: offsetTotal, bySystem: bySystem,
            consumptionTce: consumption, cleanTce: clean,
            monthly: hasMonthly ? zip(months, monthly).map { MonthlyEmissions(month: $0, tco2: $1) } : [],
            monthlyCoverage: emissions > 0 ? monthlyCovered / emissions : 0, indicator: indicator)
    }
}
