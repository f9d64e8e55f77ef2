/// Small dense least-squares solvers with no dependencies: Householder QR for a tall matrix
/// (min ‖Ax − b‖₂, numerically the safer route) and Cholesky on the normal equations AᵀA x = Aᵀb (the
/// fast route when AᵀA is accumulated row by row from sparse calendar features). Matrices are row-major
/// `[[Double]]`. Both return nil when the matrix is rank-deficient to working precision.
///
/// Serves STANDARD.md 1.1.37 (the regression in the forecasting step) and 1.1.20(b).
public enum LeastSquares {
    /// Minimises ‖A x − b‖₂ by Householder QR (Golub & Van Loan, *Matrix Computations*, 4th ed., §5.2).
    /// A is m × n with m ≥ n; nil if a diagonal of R is below 1e-12 × the largest.
    public static func qr(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let m = a.count
        guard m > 0, b.count == m else { return nil }
        let n = a[0].count
        guard n > 0, m >= n, a.allSatisfy({ $0.count == n }) else { return nil }
        // Column-major working copy.
        var r = [Double](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n { r[j * m + i] = a[i][j] } }
        var y = b
        var diagonal = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var norm = 0.0
            for i in k..<m { norm += r[k * m + i] * r[k * m + i] }
            norm = norm.squareRoot()
            let alpha = r[k * m + k] > 0 ? -norm : norm
            diagonal[k] = alpha
            if norm == 0 { continue }
            // v = x − alpha e1, stored in place; H = I − 2vvᵀ/vᵀv.
            r[k * m + k] -= alpha
            var vv = 0.0
            for i in k..<m { vv += r[k * m + i] * r[k * m + i] }
            if vv == 0 { continue }
            for j in (k + 1)..<max(k + 1, n) {
                var dot = 0.0
                for i in k..<m { dot += r[k * m + i] * r[j * m + i] }
                let f = 2 * dot / vv
                for i in k..<m { r[j * m + i] -= f * r[k * m + i] }
            }
            var dot = 0.0
            for i in k..<m { dot += r[k * m + i] * y[i] }
            let f = 2 * dot / vv
            for i in k..<m { y[i] -= f * r[k * m + i] }
        }
        let largest = diagonal.map { abs($0) }.max() ?? 0
        guard largest > 0, diagonal.allSatisfy({ abs($0) > 1e-12 * largest }) else { return nil }
        var x = [Double](repeating: 0, count: n)
        for k in stride(from: n - 1, through: 0, by: -1) {
            var s = y[k]
            for j in (k + 1)..<max(k + 1, n) { s -= r[j * m + k] * x[j] }
            x[k] = s / diagonal[k]
        }
        return x
    }

    /// Solves the symmetric positive-definite system G x = h (G = AᵀA, h = Aᵀb) by Cholesky
    /// factorisation G = L Lᵀ; nil if a pivot is ≤ 1e-12 × the largest diagonal (rank-deficient).
    public static func normalEquations(_ g: [[Double]], _ h: [Double]) -> [Double]? {
        let n = g.count
        guard n > 0, h.count == n, g.allSatisfy({ $0.count == n }) else { return nil }
        let scale = (0..<n).map { g[$0][$0] }.max() ?? 0
        guard scale > 0 else { return nil }
        var l = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var d = g[j][j]
            for k in 0..<j { d -= l[j * n + k] * l[j * n + k] }
            guard d > 1e-12 * scale else { return nil }
            let root = d.squareRoot()
            l[j * n + j] = root
            for i in (j + 1)..<max(j + 1, n) {
                var s = g[i][j]
                for k in 0..<j { s -= l[i * n + k] * l[j * n + k] }
                l[i * n + j] = s / root
            }
        }
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var s = h[i]
            for k in 0..<i { s -= l[i * n + k] * z[k] }
            z[i] = s / l[i * n + i]
        }
        var x = [Double](repeating: 0, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            var s = z[i]
            for k in (i + 1)..<max(i + 1, n) { s -= l[k * n + i] * x[k] }
            x[i] = s / l[i * n + i]
        }
        return x
    }
}
