/// The constraint matrix in compressed sparse column (CSC) form, as COIN-OR Clp's `Clp_loadProblem`
/// and HiGHS's `passModel` take it: column j's entries are `rowIndices[columnStarts[j]..<columnStarts[j+1]]`
/// with `values` alongside, rows ascending within a column.
///
/// Serves STANDARD.md 1.1.37 (the optimisation step: the model handed to an exact LP solver).
public struct CompressedColumns: Sendable, Equatable {
    public let columnStarts: [Int32]
    public let rowIndices: [Int32]
    public let values: [Double]
}

extension LinearProgram {
    /// Converts the triplets to CSC with a counting sort by column (stable, so rows stay ascending).
    public func compressedColumns() -> CompressedColumns {
        let n = columnCount
        var starts = [Int32](repeating: 0, count: n + 1)
        for j in entryColumn { starts[Int(j) + 1] += 1 }
        for j in 0..<n { starts[j + 1] += starts[j] }
        var next = starts
        var rows = [Int32](repeating: 0, count: entryValue.count)
        var values = [Double](repeating: 0, count: entryValue.count)
        for k in 0..<entryValue.count {
            let j = Int(entryColumn[k])
            let p = Int(next[j])
            rows[p] = entryRow[k]
            values[p] = entryValue[k]
            next[j] += 1
        }
        return CompressedColumns(columnStarts: starts, rowIndices: rows, values: values)
    }
}
