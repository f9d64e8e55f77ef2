/// A civil date in China Standard Time (UTC+8 fixed, no DST), 2000-01-01 … 2100-12-31.
///
/// Serves STANDARD.md 1.1.36/1.1.37: tariff versions are effective-dated, holidays and designated
/// critical-peak days are dates, and months for the demand charge are CST calendar months.
/// Encoded as the string `YYYY-MM-DD`.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A valid date in 2000…2100, or nil.
    public init?(year: Int, month: Int, day: Int) {
        guard let length = TariffCalendar.daysInMonth(year: year, month: month), (1...length).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// A date known valid (built-in constants; tests check them).
    init(known year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (exactly 10 characters, ASCII digits), or nil.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.utf8.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The date of a CST day number (days since 1970-01-01 CST), or nil outside 2000…2100.
    public init?(dayNumber: Int) {
        guard let civil = TariffCalendar.civil(fromDayNumber: dayNumber) else { return nil }
        self.init(year: civil.year, month: civil.month, day: civil.day)
    }

    /// Days since 1970-01-01 (CST).
    public var dayNumber: Int { TariffCalendar.dayNumber(year: year, month: month, day: day) }

    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "date \"\(text)\" is not YYYY-MM-DD in 2000…2100"))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A CST calendar month (year, month 1…12), the unit of the demand (capacity) charge.
///
/// Serves STANDARD.md 1.1.20(c)/1.1.37: 需量电费 is billed on each calendar month's maximum demand.
public struct YearMonth: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    public var description: String { month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)" }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}
