@testable import ZeroParkCore

/// Builds small parks in code for method tests.
enum TestPark {
    static func unit(_ text: String) -> QuantityUnit {
        (try? QuantityUnit.parse(text)) ?? QuantityUnit(symbol: "invalid:\(text)", scale: .nan, dimension: .none)
    }

    static func park(province: String? = "guangdong", year: Int = 2025, period: AccountingPeriod? = nil,
                     factors: [ParkFactor] = [], fuels: [FuelDefinition] = [], sources: [EmissionSource] = [],
                     sinks: [CarbonSink] = [], offsets: [CarbonOffset] = []) -> ParkDefinition {
        ParkDefinition(
            profile: ParkProfile(id: "test", name: "测试园区", type: .industrialPark, province: province,
                                 areaM2: 100_000, outputValueCNY: 1e8, boundaryEvidence: []),
            period: period ?? AccountingPeriod(year: year)!,
            factors: factors, fuels: fuels, sources: sources, sinks: sinks, offsets: offsets)
    }

    static func source(_ method: AccountingMethodKind, _ quantity: Double, _ unitText: String,
                       system: EmissionSystem = .energy, fuel: String? = nil, factor: String? = nil,
                       grid: String? = nil, gas: String? = nil, gwpSet: String? = nil,
                       monthly: [Double]? = nil) -> EmissionSource {
        source("s1", method, quantity, unitText, system: system, fuel: fuel, factor: factor, grid: grid, gas: gas,
               gwpSet: gwpSet, monthly: monthly)
    }

    static func source(_ id: String, _ method: AccountingMethodKind, _ quantity: Double, _ unitText: String,
                       system: EmissionSystem = .energy, fuel: String? = nil, factor: String? = nil,
                       grid: String? = nil, gas: String? = nil, gwpSet: String? = nil,
                       monthly: [Double]? = nil) -> EmissionSource {
        EmissionSource(id: id, name: id, system: system, method: method, fuel: fuel, factor: factor, grid: grid,
                       gas: gas, gwpSet: gwpSet,
                       activity: ActivityData(unit: unit(unitText), values: monthly.map { .monthly($0) } ?? .total(quantity)))
    }

    /// Accounts a single source in a park.
    static func account(_ source: EmissionSource, in park: ParkDefinition? = nil) throws -> SourceAccount {
        let base = park ?? self.park()
        var withSource = base
        withSource.sources = [source]
        let inventory = try InventoryCalculator.compute(withSource)
        guard let account = inventory.sources.first else { throw ParkInputError(issues: []) }
        return account
    }

    /// The issues raised by computing `park`, or [] when it computes.
    static func issues(_ park: ParkDefinition) -> [ParkIssue] {
        do {
            _ = try InventoryCalculator.compute(park)
            return []
        } catch let error as ParkInputError {
            return error.issues
        } catch {
            return [ParkIssue(code: "unexpected", field: "", message: "\(error)", zh: "意外错误：\(error)", location: nil)]
        }
    }
}

func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b), 1e-12)
}
