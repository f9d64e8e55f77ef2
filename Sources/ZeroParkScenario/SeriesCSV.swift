import Foundation
import ZeroParkInput
import ZeroParkTariff

/// A series CSV: one value per line, or `ts,value` rows (a header line naming `value` and optionally
/// `ts` is allowed; `#` lines are comments; a UTF-8 BOM is fine). Without timestamps the file must hold
/// exactly one value per step of the horizon; with timestamps (RFC 3339, or `YYYY-MM-DD HH:MM` in CST)
/// the rows inside the horizon must cover every step once, and rows outside it are ignored, so a
/// year's file serves any week of it. Every problem names its 1-based line.
///
/// Serves STANDARD.md 1.1.37 and 1.1.2(e).
public enum SeriesCSV {
    /// Largest series file: 32 MiB.
    public static let maxBytes = 32 << 20
    /// Most lines read.
    public static let maxLines = 1_200_000
    /// Values' range (kW, kWh or per kWp): 0 … 10⁹.
    public static let valueRange: ClosedRange<Double> = 0...1e9

    public static func parse(_ text: String, field: String, horizon: ScenarioHorizon) throws(InputError) -> [Double] {
        guard text.utf8.count <= maxBytes else {
            throw InputError(InputProblem(code: "too_large", field: field, zh: "序列文件超过 \(maxBytes) 字节", en: "the series file exceeds \(maxBytes) bytes"))
        }
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        var valueIndex: Int?, tsIndex: Int?
        var plain: [Double] = []
        var stamped = [Double?](repeating: nil, count: 0)
        var lineNumber = 0
        var sawData = false
        let stepSeconds = Int64(horizon.stepMinutes * 60)
        let start = horizon.startUTC, count = horizon.stepCount
        for rawLine in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard lineNumber <= maxLines else {
                throw InputError(InputProblem(code: "too_many_lines", field: field, zh: "超过 \(maxLines) 行", en: "more than \(maxLines) lines", line: lineNumber))
            }
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
            if !sawData {
                sawData = true
                if cells.contains(where: { Double($0) == nil && !$0.isEmpty && !looksLikeTime($0) }) {
                    let names = cells.map { $0.lowercased() }
                    valueIndex = names.firstIndex(of: "value") ?? (names.count == 1 ? 0 : nil)
                    tsIndex = names.firstIndex { ["ts", "time", "timestamp"].contains($0) }
                    guard valueIndex != nil else {
                        throw InputError(InputProblem(code: "no_value_column", field: field, zh: "表头中没有 value 列", en: "the header has no value column",
                                                      line: lineNumber))
                    }
                    if tsIndex != nil { stamped = .init(repeating: nil, count: count) }
                    continue
                }
                switch cells.count {
                case 1: valueIndex = 0
                case 2: tsIndex = 0; valueIndex = 1; stamped = .init(repeating: nil, count: count)
                default:
                    throw InputError(InputProblem(code: "bad_columns", field: field, zh: "应为一列数值或 ts,value 两列", en: "expected one value per line or ts,value",
                                                  line: lineNumber))
                }
            }
            guard let valueIndex, valueIndex < cells.count else {
                throw InputError(InputProblem(code: "missing_value", field: field, zh: "缺少数值", en: "no value on this line", line: lineNumber))
            }
            let cell = cells[valueIndex]
            guard let value = Double(cell), value.isFinite else {
                throw InputError(InputProblem(code: "wrong_type", field: field, zh: "“\(cell.prefix(40))”不是数字", en: "\"\(cell.prefix(40))\" is not a number",
                                              line: lineNumber, column: valueIndex + 1))
            }
            guard valueRange.contains(value) else {
                throw InputError(InputProblem(code: "out_of_range", field: field, zh: "应在 0…1e9 之间，实为 \(cell.prefix(40))",
                                              en: "must be 0 to 1e9, got \(cell.prefix(40))", line: lineNumber, column: valueIndex + 1))
            }
            if let tsIndex {
                guard tsIndex < cells.count, let ts = timestamp(cells[tsIndex]) else {
                    throw InputError(InputProblem(code: "bad_timestamp", field: field, zh: "时间应为 RFC 3339 或北京时间 YYYY-MM-DD HH:MM",
                                                  en: "the time must be RFC 3339 or CST YYYY-MM-DD HH:MM", line: lineNumber, column: tsIndex + 1))
                }
                let offset = ts - start
                guard offset >= 0, offset < stepSeconds * Int64(count) else { continue }
                guard offset % stepSeconds == 0 else {
                    throw InputError(InputProblem(code: "misaligned", field: field, zh: "时间不在 \(horizon.stepMinutes) 分钟步长的起点上",
                                                  en: "the time is not at the start of a \(horizon.stepMinutes)-minute step", line: lineNumber, column: tsIndex + 1))
                }
                let step = Int(offset / stepSeconds)
                guard stamped[step] == nil else {
                    throw InputError(InputProblem(code: "duplicate_time", field: field, zh: "同一时间出现两次", en: "this time appears twice",
                                                  line: lineNumber, column: tsIndex + 1))
                }
                stamped[step] = value
            } else {
                plain.append(value)
                guard plain.count <= count else {
                    throw InputError(lengthProblem(field: field, found: nil, horizon: horizon, line: lineNumber))
                }
            }
        }
        if tsIndex != nil {
            if let missing = stamped.firstIndex(where: { $0 == nil }) {
                let at = cst(start + Int64(missing) * stepSeconds)
                throw InputError(InputProblem(code: "missing_steps", field: field,
                                              zh: "缺少 \(at)（北京时间）起的一步；时段需要 \(count) 步，每步一行",
                                              en: "no row for the step at \(at) CST; the horizon needs \(count) steps, one row each"))
            }
            return stamped.map { $0 ?? 0 }
        }
        guard plain.count == count else { throw InputError(lengthProblem(field: field, found: plain.count, horizon: horizon, line: nil)) }
        return plain
    }

    static func lengthProblem(field: String, found: Int?, horizon: ScenarioHorizon, line: Int?) -> InputProblem {
        let need = horizon.stepCount
        let foundZh = found.map { "有 \($0) 个值" } ?? "值多于所需"
        let foundEn = found.map { "has \($0) values" } ?? "has more values than needed"
        return InputProblem(code: "wrong_length", field: field,
                            zh: "\(foundZh)；时段 \(horizon.hours) 小时、步长 \(horizon.stepMinutes) 分钟需要 \(need) 个",
                            en: "\(foundEn); \(horizon.hours) hours at \(horizon.stepMinutes)-minute steps need \(need)", line: line)
    }

    static func looksLikeTime(_ text: String) -> Bool { timestamp(text) != nil }

    /// RFC 3339, or `YYYY-MM-DD HH:MM[:SS]` / `YYYY-MM-DDTHH:MM` read as CST.
    static func timestamp(_ text: String) -> Int64? {
        if let ts = try? RFC3339Timestamp.parse(text) { return ts }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let date = CivilDate(iso: String(parts[0])) else { return nil }
        var time = String(parts[1])
        if time.count == 8, time.hasSuffix(":00") { time = String(time.dropLast(3)) }
        guard let minute = MinuteSpan.parse(time), minute < 1_440 else { return nil }
        return TariffCalendar.instant(date, hour: minute / 60, minute: minute % 60)
    }

    /// `YYYY-MM-DD HH:MM` in CST.
    public static func cst(_ ts: Int64) -> String {
        let shifted = ts + TariffCalendar.utcOffsetSeconds
        let day = Int(shifted >= 0 ? shifted / 86_400 : (shifted - 86_399) / 86_400)
        let minute = Int((shifted - Int64(day) * 86_400) / 60)
        let date = CivilDate(dayNumber: day)?.description ?? "?"
        return date + " " + MinuteSpan.format(minute)
    }
}
