import Foundation
import PropertyBased
import Testing
@testable import ZeroParkInput

/// RFC 3339 timestamps with an explicit offset to epoch seconds: worked examples, calendar edges, refusals.
struct RFC3339TimestampTests {
    func failure(_ text: String) -> RFC3339Timestamp.Failure? {
        do throws(RFC3339Timestamp.Failure) {
            _ = try RFC3339Timestamp.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test("worked examples: offsets, Z, zero fractions, range ends")
    func examples() throws {
        // 2026-11-26 is day 20,783 after 1970-01-01: 20,783 × 86,400 = 1,795,651,200; 00:15 adds 900.
        #expect(try RFC3339Timestamp.parse("2026-11-26T00:15:00Z") == 1_795_652_100)
        // 08:15 at +08:00 is 00:15 UTC: the same instant.
        #expect(try RFC3339Timestamp.parse("2026-11-26T08:15:00+08:00") == 1_795_652_100)
        // 19:15 at -05:00 on the 25th is 00:15 UTC on the 26th.
        #expect(try RFC3339Timestamp.parse("2026-11-25T19:15:00-05:00") == 1_795_652_100)
        #expect(try RFC3339Timestamp.parse("2026-11-26t00:15:00z") == 1_795_652_100)
        #expect(try RFC3339Timestamp.parse("2026-11-26T00:15:00.000000000Z") == 1_795_652_100)
        // 2000-01-01: 10,957 days × 86,400 = 946,684,800.
        #expect(try RFC3339Timestamp.parse("2000-01-01T00:00:00Z") == 946_684_800)
        // 2100-12-31T23:59:59Z: 47,846 days × 86,400 + 86,399 = 4,133,980,799.
        #expect(try RFC3339Timestamp.parse("2100-12-31T23:59:59Z") == 4_133_980_799)
        // Leap days: 2024 (divisible by 4) and 2000 (divisible by 400).
        #expect(try RFC3339Timestamp.parse("2024-02-29T12:00:00Z") == 1_709_208_000)
        #expect(try RFC3339Timestamp.parse("2000-02-29T00:00:00Z") == 951_782_400)
    }

    @Test("refusals: no offset, space, non-zero fraction, impossible dates, out of range")
    func refusals() {
        #expect(failure("2026-11-26T08:15:00") == .syntax)
        #expect(failure("2026-11-26 08:15:00+08:00") == .syntax)
        #expect(failure("2026-11-26T08:15+08:00") == .syntax)
        #expect(failure("2026-11-26T08:15:00+0800") == .syntax)
        #expect(failure("2026-11-26T08:15:00+08:00 ") == .syntax)
        #expect(failure("2026-11-26T08:15:00.Z") == .syntax)
        #expect(failure("2026-11-26T08:15:00.0000000000Z") == .syntax)
        #expect(failure("٢٠٢٦-11-26T08:15:00Z") == .syntax)
        #expect(failure("") == .syntax)
        #expect(failure("2026-11-26T08:15:00.5+08:00") == .fractionalSeconds)
        #expect(failure("2026-11-26T08:15:00.001Z") == .fractionalSeconds)
        #expect(failure("2027-02-29T00:00:00Z") == .invalidDate)
        #expect(failure("2100-02-29T00:00:00Z") == .invalidDate)  // 2100 is not a leap year
        #expect(failure("2026-04-31T00:00:00Z") == .invalidDate)
        #expect(failure("2026-13-01T00:00:00Z") == .invalidDate)
        #expect(failure("2026-00-01T00:00:00Z") == .invalidDate)
        #expect(failure("2026-11-00T00:00:00Z") == .invalidDate)
        #expect(failure("2026-11-26T24:00:00Z") == .invalidDate)
        #expect(failure("2026-11-26T23:60:00Z") == .invalidDate)
        #expect(failure("2026-12-31T23:59:60Z") == .invalidDate)  // no leap seconds
        #expect(failure("2026-11-26T08:15:00+24:00") == .invalidDate)
        #expect(failure("2026-11-26T08:15:00+08:60") == .invalidDate)
        #expect(failure("1999-12-31T23:59:59Z") == .outOfRange)
        #expect(failure("2101-01-01T00:00:00Z") == .outOfRange)
    }

    @Test("every second of the range round-trips through format (sampled)")
    func roundTrip() async {
        let range: ClosedRange<Int64> = 946_684_800...4_133_980_799
        await propertyCheck(count: 2_000, input: Gen.int64(in: range)) { ts in
            let text = RFC3339Timestamp.format(ts)
            #expect((try? RFC3339Timestamp.parse(text)) == ts, "\(text)")
        }
    }

    @Test("format writes what ISO8601DateFormatter writes, with and without milliseconds (sampled)")
    func formatMatchesFoundation() async {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let range: ClosedRange<Int64> = 0...4_133_980_799
        // Eighths of a second are exact in binary, so the Date holds exactly ts + ms / 1000.
        await propertyCheck(count: 2_000, input: Gen.int64(in: range)) { ts in
            let date = Date(timeIntervalSince1970: TimeInterval(ts))
            #expect(RFC3339Timestamp.format(ts) == plain.string(from: date))
            let milliseconds = Int(ts % 8) * 125
            let precise = Date(timeIntervalSince1970: TimeInterval(ts) + TimeInterval(milliseconds) / 1000)
            #expect(RFC3339Timestamp.format(ts, milliseconds: milliseconds) == fractional.string(from: precise))
        }
        // A worked example: 1,795,652,100 s is 2026-11-26 00:15:00 UTC (see `examples`).
        #expect(RFC3339Timestamp.format(1_795_652_100, milliseconds: 7) == "2026-11-26T00:15:00.007Z")
    }

    @Test("days in month agree with day counting: the day after the last day is the 1st of the next month")
    func calendar() {
        for year in [1900, 2000, 2023, 2024, 2100] {
            for month in 1...12 {
                let last = RFC3339Timestamp.daysFromCivil(year: year, month: month, day: RFC3339Timestamp.daysIn(month: month, year: year))
                let next = month == 12 ? RFC3339Timestamp.daysFromCivil(year: year + 1, month: 1, day: 1)
                    : RFC3339Timestamp.daysFromCivil(year: year, month: month + 1, day: 1)
                #expect(next == last + 1)
            }
        }
    }
}
