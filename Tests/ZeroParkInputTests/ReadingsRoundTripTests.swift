import Foundation
import PropertyBased
import Testing
@testable import ZeroParkInput

/// Round trip: random valid readings written as an HTTP JSON body and as CSV read back to the same readings.
struct ReadingsRoundTripTests {
    struct Sample: Sendable, CustomStringConvertible {
        var meter: String
        var ts: Int64
        var value: Double
        var offsetMinutes: Int
        var description: String { "\(meter) \(ts) \(value) \(offsetMinutes)" }
    }

    static let meterCharacters = Array("abcXYZ019._-")

    /// The timestamp written with the given offset (e.g. +08:00), from the UTC text.
    static func written(_ ts: Int64, offsetMinutes: Int) -> String {
        let local = RFC3339Timestamp.format(ts + Int64(offsetMinutes) * 60).dropLast()
        let sign = offsetMinutes < 0 ? "-" : "+"
        let magnitude = abs(offsetMinutes)
        let hours = magnitude / 60, minutes = magnitude % 60
        return local + sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }

    static let sample = zip(
        Gen.element(of: meterCharacters).array(of: 1...12).map { String($0.compactMap { $0 }) },
        // Kept a day inside the range so that any offset keeps the written date within 2000…2100.
        Gen.int64(in: 946_771_200...4_133_894_399),
        Gen.double(in: -1e12...1e12),
        Gen.int(in: -(23 * 60 + 59)...(23 * 60 + 59))
    ).map { Sample(meter: $0, ts: $1, value: $2, offsetMinutes: $3) }

    @Test("JSON and CSV writing then reading gives back the readings (meters interned in first-seen order)")
    func roundTrip() async {
        await propertyCheck(count: 300, input: Self.sample.array(of: 1...40)) { samples in
            let samples = samples.filter { !$0.meter.isEmpty }
            guard !samples.isEmpty else { return }
            var json = "{\"readings\":["
            var csv = "meter,ts,value\r\n"
            for (index, sample) in samples.enumerated() {
                let ts = Self.written(sample.ts, offsetMinutes: sample.offsetMinutes)
                // Swift's description is the shortest text that reads back to the same double, in JSON grammar.
                let value = "\(sample.value)".replacingOccurrences(of: "e+", with: "e")
                json += (index > 0 ? ",\n" : "") + "{\"value\":\(value),\"meter\":\"\(sample.meter)\",\"ts\":\"\(ts)\"}"
                csv += "\(sample.meter),\(ts),\(value)\r\n"
            }
            json += "]}"
            var keys: [String] = []
            for sample in samples where !keys.contains(sample.meter) { keys.append(sample.meter) }
            let fromJSON = try? ReadingsPayload.httpJSON(Array(json.utf8))
            let fromCSV = try? ReadingsPayload.csv(Array(csv.utf8))
            #expect(fromJSON?.meters == keys)
            #expect(fromCSV?.meters == keys)
            for batch in [fromJSON, fromCSV] {
                let read = batch?.readings ?? []
                #expect(read.count == samples.count)
                for (reading, sample) in zip(read, samples) {
                    #expect(batch?.meterKey(of: reading) == sample.meter)
                    #expect(reading.ts == sample.ts)
                    #expect(reading.value.bitPattern == sample.value.bitPattern)
                }
            }
            #expect(fromJSON?.readings.map(\.line) == Array(1...Int32(samples.count)))
            #expect(fromCSV?.readings.map(\.line) == Array(2...Int32(samples.count + 1)))
        }
    }
}
