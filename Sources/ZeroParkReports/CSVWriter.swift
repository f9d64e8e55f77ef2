/// Writes rows as CSV (RFC 4180, CRLF line ends) for the exports and templates a person opens in a
/// spreadsheet (issue #12 defect 9): fields with a comma, quote or line break are quoted. With `bom`
/// the text starts with a UTF-8 byte-order mark, without which Excel reads UTF-8 in the system code
/// page and garbles Chinese. With `guardFormulas`, a text cell starting with `=`, `+`, `-`, `@`, tab or
/// carriage return that is not a number gets a leading apostrophe, so a name a user typed is never run
/// as a spreadsheet formula (CSV injection); numbers such as `-5` stay as they are.
public enum CSVWriter {
    public static func text(_ rows: [[String]], bom: Bool = true, guardFormulas: Bool = true) -> String {
        (bom ? "\u{FEFF}" : "") + rows.map { row in row.map { field($0, guardFormulas: guardFormulas) }.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
    }

    public static func field(_ raw: String, guardFormulas: Bool = false) -> String {
        var text = raw
        if guardFormulas, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(text) == nil {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
