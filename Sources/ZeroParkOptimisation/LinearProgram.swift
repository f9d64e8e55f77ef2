/// A linear program built row by row: minimise cᵀx + offset subject to rowLower ≤ Ax ≤ rowUpper and
/// columnLower ≤ x ≤ columnUpper. Columns come in named blocks (one per decision such as "import" with
/// one column per step); rows carry their `ConstraintFamily` and, where they belong to one, their step,
/// so a solver's "infeasible" can be traced back to a rule and a time. Infinite bounds are
/// `±Double.infinity`. Coefficients are kept as triplets and converted to compressed sparse columns
/// (`compressedColumns()`) for the solver.
///
/// Serves STANDARD.md 1.1.37 (the optimisation step of modelling → forecasting → optimisation) and
/// 1.1.20(b) (optimal dispatch of storage and combined heat and power).
public struct LinearProgram: Sendable {
    /// A contiguous run of columns with one meaning (one decision per step, e.g. grid import).
    /// Serves STANDARD.md 1.1.37 (a model whose variables can be read back by name).
    public struct VariableBlock: Sendable, Hashable {
        public let name: String
        public let start: Int
        public let count: Int
        /// When set, the block's finite upper bounds are part of this family (relaxed with it).
        public let upperBoundFamily: ConstraintFamily?
        public var range: Range<Int> { start..<(start + count) }
        public func column(_ i: Int) -> Int { start + i }
    }

    public private(set) var columnLower: [Double] = []
    public private(set) var columnUpper: [Double] = []
    public private(set) var objective: [Double] = []
    public private(set) var blocks: [VariableBlock] = []
    public private(set) var rowLower: [Double] = []
    public private(set) var rowUpper: [Double] = []
    /// Index into `families` of each row.
    public private(set) var rowFamily: [Int32] = []
    /// Step of each row, or -1 for rows that belong to no single step.
    public private(set) var rowStep: [Int32] = []
    /// Each row's sub-item (an EV session, a month), or -1.
    public private(set) var rowItem: [Int32] = []
    public private(set) var families: [ConstraintFamily] = []
    public private(set) var entryRow: [Int32] = []
    public private(set) var entryColumn: [Int32] = []
    public private(set) var entryValue: [Double] = []
    /// Constant added to the objective.
    public var objectiveOffset: Double = 0

    public init() {}

    public var columnCount: Int { objective.count }
    public var rowCount: Int { rowLower.count }
    public var nonzeroCount: Int { entryValue.count }

    /// Adds `count` columns; bounds and costs are given per column by the closures.
    @discardableResult
    public mutating func addVariables(
        _ name: String, count: Int, upperBoundFamily: ConstraintFamily? = nil,
        lower: (Int) -> Double = { _ in 0 }, upper: (Int) -> Double = { _ in .infinity },
        cost: (Int) -> Double = { _ in 0 }
    ) -> VariableBlock {
        let block = VariableBlock(name: name, start: objective.count, count: max(0, count),
                                  upperBoundFamily: upperBoundFamily)
        columnLower.reserveCapacity(columnLower.count + block.count)
        for i in 0..<block.count {
            columnLower.append(lower(i))
            columnUpper.append(upper(i))
            objective.append(cost(i))
        }
        blocks.append(block)
        return block
    }

    /// Index of `family` in `families`, adding it on first use.
    mutating func familyIndex(_ family: ConstraintFamily) -> Int32 {
        if let i = families.firstIndex(of: family) { return Int32(i) }
        families.append(family)
        return Int32(families.count - 1)
    }

    /// Adds one row `lower ≤ Σ value·x[column] ≤ upper`. Terms with a zero value are dropped; a column
    /// must appear at most once per row.
    public mutating func addRow(
        _ family: ConstraintFamily, step: Int? = nil, item: Int? = nil,
        terms: [(column: Int, value: Double)], lower: Double, upper: Double
    ) {
        let row = Int32(rowLower.count)
        let f = familyIndex(family)
        for term in terms where term.value != 0 {
            entryRow.append(row)
            entryColumn.append(Int32(term.column))
            entryValue.append(term.value)
        }
        rowLower.append(lower)
        rowUpper.append(upper)
        rowFamily.append(f)
        rowStep.append(Int32(step ?? -1))
        rowItem.append(Int32(item ?? -1))
    }

    /// The family of row `row`.
    public func family(ofRow row: Int) -> ConstraintFamily { families[Int(rowFamily[row])] }

    /// The block holding `column`, if any.
    public func block(ofColumn column: Int) -> VariableBlock? {
        blocks.first { $0.range.contains(column) }
    }

    /// Objective value cᵀx + offset of a column vector (same length as the columns).
    public func objectiveValue(_ x: [Double]) -> Double {
        var total = objectiveOffset
        for j in 0..<min(x.count, objective.count) { total += objective[j] * x[j] }
        return total
    }

    /// Row activities Ax of a column vector.
    public func rowActivities(_ x: [Double]) -> [Double] {
        var activity = [Double](repeating: 0, count: rowCount)
        for k in 0..<entryValue.count {
            let j = Int(entryColumn[k])
            if j < x.count { activity[Int(entryRow[k])] += entryValue[k] * x[j] }
        }
        return activity
    }

    /// The same program with every row of `family` made free and, for blocks whose upper bounds belong to
    /// it, those bounds removed. Used to find the family that makes a model infeasible.
    public func relaxing(_ family: ConstraintFamily) -> LinearProgram {
        var copy = self
        if let f = families.firstIndex(of: family) {
            for i in 0..<rowCount where Int(rowFamily[i]) == f {
                copy.rowLower[i] = -.infinity
                copy.rowUpper[i] = .infinity
            }
        }
        for block in blocks where block.upperBoundFamily == family {
            for j in block.range { copy.columnUpper[j] = .infinity }
        }
        return copy
    }
}
