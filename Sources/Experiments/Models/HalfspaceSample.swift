/// An empirical learning-halfspace problem (Kohler et al. 2019, eq. (16) as ERM):
/// f(w̃) = (1/n) Σ_i φ(z_iᵀw̃), z_i = −y_i x̄_i, x̄_i = x_i − mean(x) (the data are centered, l.603).
/// Parameters are batched: the R columns of a d×R matrix are R independent runs, so each pass over
/// the data is one product (OpenBLAS for dense data; only the non-zeros for sparse data).
public struct HalfspaceSample: Sendable {
    enum Storage: Sendable {
        /// Z itself, n × d (row i = z_i): products through OpenBLAS.
        case dense(Matrix)
        /// X sparse, centered implicitly: Z = −diag(y)(X − 1mᵀ), m the column means. `columns` is
        /// Xᵀ in compressed rows (each column's entries, rows ascending), for the in-place pullBack.
        case sparse(x: SparseRowMatrix, means: [Double], labels: [Double], columns: SparseRowMatrix)
    }
    let storage: Storage
    /// u = (1/n) Σ z_i (eq. (1)).
    public let u: [Double]
    public let count: Int
    public let dimension: Int

    /// `inputs` n × d, labels ±1; the columns are centered here.
    public init(inputs: Matrix, labels: [Double]) {
        precondition(inputs.rows == labels.count && inputs.rows > 0, "HalfspaceSample: one label per row")
        let n = inputs.rows, d = inputs.columns
        let means = columnMeans(rows: n, columns: d) { i, visit in for j in 0..<d { visit(j, inputs.elements[i * d + j]) } }
        var z = Matrix(rows: n, columns: d)
        for i in 0..<n { for j in 0..<d { z.elements[i * d + j] = -labels[i] * (inputs.elements[i * d + j] - means[j]) } }
        storage = .dense(z)
        count = n
        dimension = d
        u = (0..<d).map { j in (0..<n).reduce(0.0) { $0 + z.elements[$1 * d + j] } / Double(n) }
    }

    /// Sparse inputs (a9a), centered implicitly so that no n × d dense copy is made.
    public init(sparseInputs x: SparseRowMatrix, labels: [Double]) {
        precondition(x.rows == labels.count && x.rows > 0, "HalfspaceSample: one label per row")
        let means = columnMeans(rows: x.rows, columns: x.columns) { i, visit in
            for e in x.rowStarts[i]..<x.rowStarts[i + 1] { visit(x.columnIndices[e], x.values[e]) }
        }
        storage = .sparse(x: x, means: means, labels: labels, columns: x.transposed())
        count = x.rows
        dimension = x.columns
        // u = −(1/n) Σ y_i (x_i − m) = −(1/n) Xᵀy + m·mean(y).
        let xty = x.transposeTimes(Matrix(column: labels)).elements
        let meanLabel = labels.reduce(0, +) / Double(x.rows)
        u = (0..<x.columns).map { -xty[$0] / Double(x.rows) + means[$0] * meanLabel }
    }

    /// S = (1/n) Σ x̄_i x̄_iᵀ = ZᵀZ/n (y_i² = 1).
    public func secondMoment() -> Matrix { weightedGram(Array(repeating: 1 / Double(count), count: count)) }

    /// Zᵀ diag(c) Z (Newton's Hessian with c = φ″(a)/n).
    public func weightedGram(_ c: [Double]) -> Matrix {
        switch storage {
        case .dense(let z):
            var weighted = z
            for i in 0..<count { for j in 0..<dimension { weighted.elements[i * dimension + j] *= c[i] } }
            return matmul(weighted, z, transposeA: true)
        case .sparse(let x, let m, _, _):
            // X̄ᵀdiag(c)X̄ = Xᵀdiag(c)X − m(Xᵀc)ᵀ − (Xᵀc)mᵀ + (Σc)mmᵀ.
            let d = dimension
            var gram = Matrix(rows: d, columns: d)
            for i in 0..<count {
                for e in x.rowStarts[i]..<x.rowStarts[i + 1] {
                    for f in x.rowStarts[i]..<x.rowStarts[i + 1] {
                        gram.elements[x.columnIndices[e] * d + x.columnIndices[f]] += c[i] * x.values[e] * x.values[f]
                    }
                }
            }
            let xtc = x.transposeTimes(Matrix(column: c)).elements, total = c.reduce(0, +)
            for j in 0..<d { for k in 0..<d { gram.elements[j * d + k] += -m[j] * xtc[k] - xtc[j] * m[k] + total * m[j] * m[k] } }
            return gram
        }
    }

    /// Z·W: the n×R margins z_iᵀw of every run.
    public func margins(_ w: Matrix) -> Matrix {
        switch storage {
        case .dense(let z): return matmul(z, w)
        case .sparse(let x, let m, let y, _):
            // z_iᵀw = −y_i (x_iᵀw − mᵀw).
            var a = x.times(w)
            let shift = matvec(w, m, transpose: true)
            for i in 0..<count { for r in 0..<w.columns { a.elements[i * w.columns + r] = -y[i] * (a.elements[i * w.columns + r] - shift[r]) } }
            return a
        }
    }

    /// Zᵀ·M for an n×k matrix M.
    public func pullBack(_ m: Matrix) -> Matrix {
        switch storage {
        case .dense(let z): return matmul(z, m, transposeA: true)
        case .sparse(let x, let means, let y, _):
            // Zᵀq = −(Xᵀ(y⊙q) − m·1ᵀ(y⊙q)).
            var signed = m
            var totals = [Double](repeating: 0, count: m.columns)
            for i in 0..<count {
                for r in 0..<m.columns {
                    signed.elements[i * m.columns + r] *= y[i]
                    totals[r] += signed.elements[i * m.columns + r]
                }
            }
            var result = x.transposeTimes(signed)
            for j in 0..<dimension { for r in 0..<m.columns { result.elements[j * m.columns + r] = -(result.elements[j * m.columns + r] - means[j] * totals[r]) } }
            return result
        }
    }

    /// φ and its derivatives at the margins A (n×R), reduced over samples per run.
    public func pointwise(_ phi: MarginFunction, _ a: Matrix) -> HalfspacePointwise {
        let n = a.rows, r = a.columns
        var values = Matrix(rows: n, columns: r), first = Matrix(rows: n, columns: r), second = Matrix(rows: n, columns: r)
        a.elements.withUnsafeBufferPointer { pa in
            values.elements.withUnsafeMutableBufferPointer { pv in
                first.elements.withUnsafeMutableBufferPointer { p1 in
                    second.elements.withUnsafeMutableBufferPointer { p2 in
                        let (v, d1, d2) = (pv, p1, p2)
                        ParallelPanels.forEachChunk(of: n * r, workPerItem: 20) { range in
                            for k in range { (v[k], d1[k], d2[k]) = phi.derivatives(at: pa[k]) }
                        }
                    }
                }
            }
        }
        // Reductions in a fixed order, after the parallel element-wise pass.
        var meanValue = [Double](repeating: 0, count: r), meanFirst = meanValue, meanSecond = meanValue
        for i in 0..<n {
            for c in 0..<r {
                meanValue[c] += values.elements[i * r + c]
                meanFirst[c] += first.elements[i * r + c]
                meanSecond[c] += second.elements[i * r + c]
            }
        }
        let inverse = 1 / Double(n)
        for k in first.elements.indices { first.elements[k] *= inverse }
        return HalfspacePointwise(
            value: meanValue.map { $0 * inverse }, slopes: first,
            meanFirst: meanFirst.map { $0 * inverse }, meanSecond: meanSecond.map { $0 * inverse })
    }
}

/// Column means of a row-by-row visited n × d matrix.
func columnMeans(rows: Int, columns: Int, _ row: (Int, (Int, Double) -> Void) -> Void) -> [Double] {
    var sums = [Double](repeating: 0, count: columns)
    for i in 0..<rows { row(i) { j, v in sums[j] += v } }
    return sums.map { $0 / Double(rows) }
}

public struct HalfspacePointwise: Sendable {
    /// f per run: (1/n) Σ_i φ(a_i).
    public var value: [Double]
    /// n×R: φ′(a_i)/n, so that ∇f(w̃) = Zᵀ·slopes.
    public var slopes: Matrix
    /// (1/n) Σ_i φ′(a_i) and (1/n) Σ_i φ″(a_i) per run (the expectations of eq. (18)).
    public var meanFirst: [Double]
    public var meanSecond: [Double]
}
