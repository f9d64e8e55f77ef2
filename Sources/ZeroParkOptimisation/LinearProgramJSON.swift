/// Writes a `LinearProgram` as JSON (CSC arrays, bounds, costs, row families) so that an independent
/// solver (`scripts/dispatch_highs.py`, HiGHS) can solve exactly the same model. Bounds with
/// |value| ≥ 1e30 mean infinite (the COIN-OR convention); numbers are written in Swift's shortest
/// round-trip form, so the reader gets the same doubles.
///
/// Serves STANDARD.md 1.1.37 (the optimisation model can be checked by a second solver).
public enum LinearProgramJSON {
    public static func encode(_ lp: LinearProgram, name: String = "zeropark-dispatch") -> String {
        let csc = lp.compressedColumns()
        var out = ""
        out.reserveCapacity(lp.nonzeroCount * 24 + lp.columnCount * 64 + lp.rowCount * 48)
        out += "{\"format\":\"zeropark-lp-csc-1\",\"name\":\(quoted(name)),\"sense\":\"minimise\""
        out += ",\"columns\":\(lp.columnCount),\"rows\":\(lp.rowCount)"
        out += ",\"objective_offset\":\(number(lp.objectiveOffset))"
        append(&out, "cost", lp.objective)
        append(&out, "column_lower", lp.columnLower)
        append(&out, "column_upper", lp.columnUpper)
        append(&out, "row_lower", lp.rowLower)
        append(&out, "row_upper", lp.rowUpper)
        out += ",\"column_starts\":[" + csc.columnStarts.map { String($0) }.joined(separator: ",") + "]"
        out += ",\"row_indices\":[" + csc.rowIndices.map { String($0) }.joined(separator: ",") + "]"
        append(&out, "values", csc.values)
        out += ",\"families\":[" + lp.families.map { quoted($0.key) }.joined(separator: ",") + "]"
        out += ",\"row_family\":[" + lp.rowFamily.map { String($0) }.joined(separator: ",") + "]"
        out += "}\n"
        return out
    }

    static func append(_ out: inout String, _ key: String, _ values: [Double]) {
        out += ",\"\(key)\":[" + values.map(number).joined(separator: ",") + "]"
    }

    static func number(_ x: Double) -> String {
        if x.isNaN { return "null" }
        if x >= 1e30 { return "1e30" }
        if x <= -1e30 { return "-1e30" }
        return "\(x)"
    }

    static func quoted(_ s: String) -> String {
        var r = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": r += "\\\""
            case "\\": r += "\\\\"
            case _ where ch.value < 0x20: r += "\\u" + String(ch.value, radix: 16).leftPadded(4)
            default: r.unicodeScalars.append(ch)
            }
        }
        return r + "\""
    }
}

extension String {
    fileprivate func leftPadded(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}
