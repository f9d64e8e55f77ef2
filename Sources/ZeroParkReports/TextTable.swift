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

    /// Columns cut to at most this many terminal columns (the rest replaced by "…"), so that a table
    /// of long names still fits a terminal.
    public var maximumWidths: [Int: Int] = [:]

    public mutating func add(_ row: [String]) {
        rows.append(row.enumerated().map { index, cell in maximumWidths[index].map { truncated(cell, toWidth: $0) } ?? cell })
    }

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

/// `text` cut to at most `width` terminal columns, ending in "…" when cut.
public func truncated(_ text: String, toWidth width: Int) -> String {
    guard displayWidth(text) > width, width > 1 else { return text }
    var out = "", used = 0
    for character in text {
        let w = displayWidth(String(character))
        if used + w > width - 1 { break }
        out.append(character)
        used += w
    }
    return out + "…"
}

/// `text` wrapped to lines of at most `width` terminal columns: the first line starts with `first`,
/// the others with `rest`. Lines break at spaces and between CJK characters; a word longer than a
/// line is cut. Each line ends in a newline.
public func wrapped(_ text: String, width requested: Int, first: String = "", rest: String = "") -> String {
    let width = max(requested, max(displayWidth(first), displayWidth(rest)) + 8)
    // Tokens: runs of non-space, non-wide characters, and each wide character alone; `space` when a
    // space came before it.
    var tokens: [(text: String, space: Bool)] = []
    var current = "", spaceBefore = false
    func flush() {
        guard !current.isEmpty else { return }
        tokens.append((current, spaceBefore))
        current = ""
        spaceBefore = false
    }
    for character in text {
        if character == " " || character == "\n" || character == "\t" {
            flush()
            spaceBefore = true
        } else if displayWidth(String(character)) == 2 {
            flush()
            tokens.append((String(character), spaceBefore))
            spaceBefore = false
        } else {
            current.append(character)
        }
    }
    flush()
    var lines: [String] = [], line = first, lineWidth = displayWidth(first), empty = true
    func newLine() {
        lines.append(line)
        line = rest
        lineWidth = displayWidth(rest)
        empty = true
    }
    for token in tokens {
        var piece = token.text
        if !empty, lineWidth + (token.space ? 1 : 0) + displayWidth(piece) > width { newLine() }
        if token.space, !empty {
            line += " "
            lineWidth += 1
        }
        // A piece longer than the room left is cut across lines.
        while lineWidth + displayWidth(piece) > width {
            var head = "", headWidth = 0
            for character in piece {
                let w = displayWidth(String(character))
                if lineWidth + headWidth + w > width { break }
                head.append(character)
                headWidth += w
            }
            if head.isEmpty {
                newLine()
                continue
            }
            line += head
            piece = String(piece.dropFirst(head.count))
            newLine()
        }
        line += piece
        lineWidth += displayWidth(piece)
        empty = false
    }
    lines.append(line)
    return lines.map { $0.trailingSpacesRemoved() }.joined(separator: "\n") + "\n"
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
///
/// Every `Double` has a text (issue #6, "Numbers have domains"):
/// - NaN and ±infinity read "—".
/// - |value| < 1e15: fixed notation, digits grouped in threes with ",", exactly `decimals` decimals
///   (clamped to 0...22), rounded half away from zero: `32,350.64`, `-4,998.3`. While
///   |value| × 10^decimals < 2^53 that is the rounded scaled product, the rule of old; beyond (e.g.
///   10^14 with 4 decimals, which used to trap or print "162.0-32") the fraction is rounded on its own
///   and carried, so no digit is a binary artefact. A value that rounds to zero has no sign (`-0.0`
///   and `-1e-300` read `0.00`).
/// - |value| ≥ 1e15: scientific notation with three significant digits whatever `decimals` asks,
///   rounded half away from zero on the exact value: `1.00×10^17`, `-1.80×10^308`. No park emits
///   10^15 t of anything (the world emits ~4×10^10 tCO2 a year), so such a number is an input or unit
///   error; a short form keeps tables and charts readable where 309 digits would not, and the digits
///   past the 17th of a Double are binary artefacts rather than data.
public enum NumberText {
    /// Magnitudes from here on are shown in scientific notation.
    static let scientificThreshold = 1e15
    /// The most decimals honoured: 10^22 is the largest power of ten a Double holds exactly.
    static let maximumDecimals = 22

    public static func grouped(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = value.magnitude
        if magnitude >= scientificThreshold { return scientific(value) }
        let decimals = min(max(decimals, 0), maximumDecimals)
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // All the digits, the last `decimals` of them after the point.
        var digits: String
        let scaled = (magnitude * scale).rounded()
        if scaled < 9_007_199_254_740_992 {
            // Below 2^53 the rounded product is an exact integer: the historical rule, unchanged.
            digits = integerDigits(scaled)
        } else {
            // Above, the product has lost units (52391460503162 × 10^4 is not a Double): round the
            // fraction alone (exact: magnitude − its floor is a Double) and carry into the integer part.
            var whole = magnitude.rounded(.down)
            var fraction = ((magnitude - whole) * scale).rounded()
            if fraction >= scale {
                whole += 1
                fraction = 0
            }
            let fractionDigits = decimals == 0 ? "" : integerDigits(fraction)
            digits = integerDigits(whole) + String(repeating: "0", count: max(0, decimals - fractionDigits.count)) + fractionDigits
        }
        if digits.count <= decimals {
            digits = String(repeating: "0", count: decimals + 1 - digits.count) + digits
        }
        var whole = Substring(digits.dropLast(decimals))
        var groupedDigits = ""
        while whole.count > 3 {
            groupedDigits = "," + whole.suffix(3) + groupedDigits
            whole = whole.dropLast(3)
        }
        var text = (value < 0 && scaled != 0 ? "-" : "") + whole + groupedDigits
        if decimals > 0 { text += "." + digits.suffix(decimals) }
        return text
    }

    /// A share (1 = 100 %) with one decimal: `12.3%`; "—" for nil and non-finite shares.
    public static func percent(_ share: Double?) -> String {
        guard let share, share.isFinite else { return "—" }
        let percent = share * 100
        // A share beyond ~1.8e306 overflows when multiplied by 100: shift the exponent instead.
        return (percent.isFinite ? grouped(percent, decimals: 1) : scientific(share, timesPowerOfTen: 2)) + "%"
    }

    /// `value × 10^shift` as `d.dd×10^e`, three significant digits rounded half away from zero on
    /// the exact binary value; for |value| ≥ 1000 (callers pass ≥ 1e15, or a huge share).
    static func scientific(_ value: Double, timesPowerOfTen shift: Int = 0) -> String {
        guard value.isFinite else { return "—" }
        let magnitude = value.magnitude
        // Digits of the integer part; a fraction matters only below 2^52 and then only past the
        // 15th digit, so it cannot move a rounding made at the 4th (ties go up either way).
        let digits = Array(integerDigits(magnitude.rounded(.down)).utf8).map { Int($0 - 48) }
        guard digits.count >= 4 else { return grouped(value) }
        var leading = digits[0] * 100 + digits[1] * 10 + digits[2]
        var exponent = digits.count - 1 + shift
        if digits[3] >= 5 { leading += 1 }
        if leading == 1000 {
            leading = 100
            exponent += 1
        }
        let fraction = leading % 100
        return (value < 0 ? "-" : "") + "\(leading / 100).\(fraction < 10 ? "0" : "")\(fraction)×10^\(exponent)"
    }

    /// The exact decimal digits of the integer part of a non-negative finite Double, without an
    /// Int64 conversion: it reaches 1.8e308 ("0" for anything else). Doubles from 2^64 on are
    /// significand × 2^k, so the significand is doubled k times in base-10^9 limbs.
    static func integerDigits(_ value: Double) -> String {
        let value = value.rounded(.down)
        guard value.isFinite, value > 0 else { return "0" }
        if value < 18_446_744_073_709_551_616.0 { return String(UInt64(value)) }  // 2^64
        let base: UInt64 = 1_000_000_000
        var significand = (UInt64(1) << UInt64(Double.significandBitCount)) | value.significandBitPattern
        var limbs: [UInt64] = []  // little-endian, base 10^9
        while significand > 0 {
            limbs.append(significand % base)
            significand /= base
        }
        var remaining = Int(value.exponent) - Double.significandBitCount
        while remaining > 0 {
            let step = min(remaining, 29)  // limb < 2^30, so limb << 29 + carry < 2^60
            remaining -= step
            var carry: UInt64 = 0
            for index in limbs.indices {
                let product = limbs[index] << UInt64(step) + carry
                limbs[index] = product % base
                carry = product / base
            }
            while carry > 0 {
                limbs.append(carry % base)
                carry /= base
            }
        }
        var text = String(limbs[limbs.count - 1])
        for limb in limbs.dropLast().reversed() {
            let part = String(limb)
            text += String(repeating: "0", count: 9 - part.count) + part
        }
        return text
    }
}
