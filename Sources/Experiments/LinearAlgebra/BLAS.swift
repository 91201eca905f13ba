import Dispatch
import COpenBLAS

/// Dense products through OpenBLAS's CBLAS (row-major). Products small enough that a library
/// call costs more than the arithmetic (the XOR and 2-D toy models) use a plain loop instead;
/// the choice depends only on the sizes, so results stay reproducible.
let smallProductFlops = 4096

/// C ← α·op(A)·op(B) + β·C, with op(X) = Xᵀ when the matching `transpose` flag is set.
///
/// Large products are split into panels of C whose sizes depend only on (m, n, k), each panel a
/// single-threaded OpenBLAS call, the panels spread over all cores (or run in order if `threads`
/// is 1).
/// So the result is bit-identical for any thread count (see `OpenBLASThreading`).
public func gemm(
    _ a: Matrix, _ b: Matrix, into c: inout Matrix,
    transposeA: Bool = false, transposeB: Bool = false, alpha: Double = 1, beta: Double = 0,
    threads: Int = ParallelPanels.currentThreads
) {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let kB = transposeB ? b.columns : b.rows
    let n = transposeB ? b.rows : b.columns
    precondition(k == kB, "gemm: inner sizes differ (\(k) vs \(kB))")
    precondition(
        c.rows == m && c.columns == n,
        "gemm: result is \(c.rows)×\(c.columns), the product is \(m)×\(n)")
    if m == 0 || n == 0 { return }
    if m * n * k <= smallProductFlops {
        smallGemm(a, b, &c, transposeA, transposeB, alpha, beta, m, n, k)
        return
    }
    OpenBLASLibrary.ensureLoaded()
    let lda = max(a.columns, 1)
    let ldb = max(b.columns, 1)
    let splitRows = m >= n
    let panels = ParallelPanels(length: splitRows ? m : n, work: m * n * k)
    a.elements.withUnsafeBufferPointer { pa in
        b.elements.withUnsafeBufferPointer { pb in
            c.elements.withUnsafeMutableBufferPointer { pc in
                guard let aBase = pa.baseAddress, let bBase = pb.baseAddress, let cBase = pc.baseAddress else { return }
                panels.run(threads: threads) { start, count in
                    // Panel of rows of C (with the matching rows of op(A)) or of columns of C
                    // (with the matching columns of op(B)).
                    let aPanel = splitRows ? (transposeA ? aBase + start : aBase + start * lda) : aBase
                    let bPanel = splitRows ? bBase : (transposeB ? bBase + start * ldb : bBase + start)
                    let cPanel = splitRows ? cBase + start * n : cBase + start
                    wn_cblas_dgemm(
                        CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
                        transposeB ? CblasTrans : CblasNoTrans,
                        Int32(splitRows ? count : m), Int32(splitRows ? n : count), Int32(k), alpha,
                        aPanel, Int32(lda), bPanel, Int32(ldb), beta, cPanel, Int32(n))
                }
            }
        }
    }
}

/// op(A)·op(B) as a new matrix.
public func matmul(_ a: Matrix, _ b: Matrix, transposeA: Bool = false, transposeB: Bool = false) -> Matrix {
    var c = Matrix(rows: transposeA ? a.columns : a.rows, columns: transposeB ? b.rows : b.columns)
    gemm(a, b, into: &c, transposeA: transposeA, transposeB: transposeB)
    return c
}

/// y ← α·op(A)·x + β·y.
public func gemv(
    _ a: Matrix, _ x: [Double], into y: inout [Double],
    transpose: Bool = false, alpha: Double = 1, beta: Double = 0
) {
    let outCount = transpose ? a.columns : a.rows
    let inCount = transpose ? a.rows : a.columns
    precondition(x.count == inCount, "gemv: x has \(x.count) entries, op(A) has \(inCount) columns")
    precondition(y.count == outCount, "gemv: y has \(y.count) entries, op(A) has \(outCount) rows")
    if outCount == 0 { return }
    if outCount * inCount <= smallProductFlops {
        for i in 0..<outCount {
            var s = 0.0
            for j in 0..<inCount {
                s += (transpose ? a.elements[j * a.columns + i] : a.elements[i * a.columns + j]) * x[j]
            }
            y[i] = alpha * s + (beta == 0 ? 0 : beta * y[i])
        }
        return
    }
    OpenBLASLibrary.ensureLoaded()
    a.elements.withUnsafeBufferPointer { pa in
        x.withUnsafeBufferPointer { px in
            y.withUnsafeMutableBufferPointer { py in
                wn_cblas_dgemv(
                    CblasRowMajor, transpose ? CblasTrans : CblasNoTrans,
                    Int32(a.rows), Int32(a.columns), alpha,
                    pa.baseAddress, Int32(max(a.columns, 1)),
                    px.baseAddress, 1, beta, py.baseAddress, 1)
            }
        }
    }
}

/// op(A)·x as a new vector.
public func matvec(_ a: Matrix, _ x: [Double], transpose: Bool = false) -> [Double] {
    var y = [Double](repeating: 0, count: transpose ? a.columns : a.rows)
    gemv(a, x, into: &y, transpose: transpose)
    return y
}

/// The plain triple loop for tiny products; β = 0 overwrites C (so NaNs in C do not leak in).
private func smallGemm(
    _ a: Matrix, _ b: Matrix, _ c: inout Matrix, _ ta: Bool, _ tb: Bool,
    _ alpha: Double, _ beta: Double, _ m: Int, _ n: Int, _ k: Int
) {
    let lda = a.columns
    let ldb = b.columns
    // op(A)[i, p] = A[i·ai + p·ap], op(B)[p, j] = B[p·bp + j·bj]: the transposes become strides
    // fixed before the loops (the toy nets' steps are mostly these products), the sums the same.
    let (ai, ap) = ta ? (1, lda) : (lda, 1)
    let (bp, bj) = tb ? (1, ldb) : (ldb, 1)
    a.elements.withUnsafeBufferPointer { pa in
        b.elements.withUnsafeBufferPointer { pb in
            c.elements.withUnsafeMutableBufferPointer { pc in
                // A and B are empty when k = 0; C is then α·0 (+ βC), as before.
                guard let cBase = pc.baseAddress else { return }
                SmallProduct(
                    rows: m, columns: n, length: k, a: pa.baseAddress, aRowStride: ai, aStep: ap,
                    b: pb.baseAddress, bColumnStride: bj, bStep: bp
                ).compute(into: cBase, alpha: alpha, beta: beta)
            }
        }
    }
}

/// C[i, j] = α·s_ij + (β = 0 ? 0 : β·C[i, j]) with s_ij = Σ_p A[i·ai + p·ap]·B[j·bj + p·bp], the sum
/// taken p ascending from +0 by `s += a·b`: the one definition of a small product, shared by
/// `gemm`'s small path and the fused toy-net layers (`SmallLayerPasses.swift`), so both give the
/// same bits. A toy product's sums are a few terms long and one sum's additions wait on each other,
/// so the entries of C (in row-major order) are computed four at a time, interleaved: four
/// independent chains in flight instead of one, each in its own order as before.
struct SmallProduct {
    let rows: Int, columns: Int, length: Int
    /// nil (an empty matrix) only when `length` is 0.
    let a: UnsafePointer<Double>?, aRowStride: Int, aStep: Int
    let b: UnsafePointer<Double>?, bColumnStride: Int, bStep: Int

    @inline(__always)
    func compute(into c: UnsafeMutablePointer<Double>, alpha: Double, beta: Double) {
        let total = rows * columns
        let k = length
        guard let a, let b, k > 0 else {
            for q in 0..<total { c[q] = alpha * 0 + (beta == 0 ? 0 : beta * c[q]) }
            return
        }
        let ap = aStep, bp = bStep
        // (i, j) of entry q, advanced one entry at a time (no division).
        var i = 0, j = 0
        @inline(__always) func next() -> (UnsafePointer<Double>, UnsafePointer<Double>) {
            let pair = (a + i * aRowStride, b + j * bColumnStride)
            j += 1
            if j == columns { j = 0; i += 1 }
            return pair
        }
        var q = 0
        while q + 4 <= total {
            var (a0, b0) = next(), (a1, b1) = next(), (a2, b2) = next(), (a3, b3) = next()
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            for _ in 0..<k {
                s0 += a0.pointee * b0.pointee
                s1 += a1.pointee * b1.pointee
                s2 += a2.pointee * b2.pointee
                s3 += a3.pointee * b3.pointee
                a0 += ap; b0 += bp; a1 += ap; b1 += bp; a2 += ap; b2 += bp; a3 += ap; b3 += bp
            }
            c[q] = alpha * s0 + (beta == 0 ? 0 : beta * c[q])
            c[q + 1] = alpha * s1 + (beta == 0 ? 0 : beta * c[q + 1])
            c[q + 2] = alpha * s2 + (beta == 0 ? 0 : beta * c[q + 2])
            c[q + 3] = alpha * s3 + (beta == 0 ? 0 : beta * c[q + 3])
            q += 4
        }
        while q < total {
            var (a0, b0) = next()
            var s = 0.0
            for _ in 0..<k {
                s += a0.pointee * b0.pointee
                a0 += ap; b0 += bp
            }
            c[q] = alpha * s + (beta == 0 ? 0 : beta * c[q])
            q += 1
        }
    }
}

/// OpenBLAS splits a product between its threads at places that depend on the thread count,
/// and its edge kernels round differently from its main kernel: measured here (OpenBLAS 0.3.21,
/// Zen), a 300×200×400 dgemm differs in 4 rows of C between 1 and 2 threads. So OpenBLAS is kept
/// single-threaded (set when `OpenBLASLibrary` loads it) and parallelism comes from
/// `ParallelPanels`, whose split depends only on the sizes.
public enum OpenBLASThreading {
    /// OpenBLAS's current thread count (1 unless a rate probe is running).
    public static var count: Int {
        OpenBLASLibrary.ensureLoaded()
        return Int(wn_openblas_get_num_threads())
    }
}
