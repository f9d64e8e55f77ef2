/// A plain-text table for terminals that lines up Chinese text: CJK and full-width characters take
/// two columns. Numbers are right-aligned.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]] = []
    /// Columns to right-align (numbers).
    public var rightAligned: Set<Int> = []

    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    public mutating func add(_ row: [String]) { rows.append(row) }

    public func render(indent: String = "  ") -> String {
        var widths = headers.map(displayWidth)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, width) in widths.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, width - displayWidth(cell)))
                parts.append(rightAligned.contains(index) ? padding + cell : cell + padding)
            }
            return indent + parts.joined(separator: "  ").trailingSpacesRemoved() + "\n"
        }
        var text = line(headers)
        text += indent + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { text += line(row) }
        return text
    }
}

/// Terminal columns a string occupies: 2 for East Asian wide and full-width characters, else 1.
public func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { width, scalar in
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x20000...0x3FFFD:
            return width + 2
        case 0x0300...0x036F, 0x200B...0x200F:
            return width
        default:
            return width + 1
        }
    }
}

extension String {
    func trailingSpacesRemoved() -> String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}

/// Display formatting of numbers: thousands separators and a fixed number of decimals.
/// Results stay unrounded everywhere else; this is for people.
public enum NumberText {
    public static func grouped(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let negative = value < 0
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let integerPart = Int64(scaled / scale)
        let fraction = Int64(scaled) - integerPart * Int64(scale)
        var digits = String(integerPart)
        var groupedDigits = ""
        while digits.count > 3 {
            groupedDigits = "," + digits.suffix(3) + groupedDigits
            digits = String(digits.dropLast(3))
        }
        groupedDigits = digits + groupedDigits
        var text = (negative && scaled != 0 ? "-" : "") + groupedDigits
        if decimals > 0 {
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: decimals - fractionText.count) + fractionText
        }
        return text
    }

    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "—" }
        return grouped(share * 100, decimals: 1) + "%"
    }
}
