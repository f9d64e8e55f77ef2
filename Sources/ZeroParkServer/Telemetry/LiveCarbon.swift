import Foundation
import ZeroParkCore
import ZeroParkStore
import ZeroParkTelemetry

/// The carbon of a meter's cleaned energy over a period (issue #8 §6; STANDARD.md 1.1.8, 1.1.31):
/// its energy in the unit of the source it feeds, times that source's tCO2 per unit of activity in
/// the year's inventory (the same factor, basis and rules the inventory applies).
struct MeterCarbon: Sendable {
    let meter: MeterDefinition
    /// Cleaned total over the period in the meter's unit (nil: no data).
    let energy: Double?
    let quality: DataQuality
    let lastReading: Int64?
    /// The source it feeds, its system, and the tCO2 (nil when the meter feeds no source, or the
    /// source has no activity in the year to derive its intensity from).
    let source: String?
    let system: EmissionSystem?
    let tco2: Double?
}

extension InventoryService {
    /// Every visible meter's energy and carbon over CST days `from...to`.
    func meterCarbon(parkKey: String, from: Int32, to: Int32, caller: Caller, now: Int64) async throws -> [MeterCarbon] {
        let totals = try await store.meterTotals(parkKey: parkKey, from: from, to: to, caller: caller, now: now)
        let year = TelemetryCalendar.date(of: to)?.year ?? (ReportClock.today()?.year ?? 2026)
        let inventory: Inventory? = (try? await compute(parkKey: parkKey, year: year, caller: caller))?.inventory
        var accounts: [String: SourceAccount] = [:]
        for account in inventory?.sources ?? [] { accounts[account.id] = account }
        return totals.map { entry in
            let meter = entry.meter
            guard let feeds = meter.feeds, let account = accounts[feeds] else {
                return MeterCarbon(meter: meter, energy: entry.total, quality: entry.quality, lastReading: entry.lastReading,
                                   source: meter.feeds, system: nil, tco2: nil)
            }
            var tco2: Double?
            let activity = account.activity.total
            if let energy = entry.total, activity > 0, let unit = try? QuantityUnit.parse(meter.unit),
               let converted = try? unit.convert(energy, to: account.activity.unit) {
                let value = converted * account.tco2 / activity
                tco2 = value.isFinite ? value : nil
            }
            return MeterCarbon(meter: meter, energy: entry.total, quality: entry.quality, lastReading: entry.lastReading,
                               source: feeds, system: account.system, tco2: tco2)
        }
    }
}
