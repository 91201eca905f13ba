/// `margins` and `pullBack` into buffers the caller keeps (a normalized run's workspace), so that
/// an iteration allocates nothing. Every element is the same operations in the same order as the
/// allocating forms — sums over samples in sample order, the transposed product's panel partials
/// the same panels summed in the same order — so results are bit-identical to them
/// (NormalizedHalfspaceRunTests).
extension HalfspaceSample {
    /// Z·W into `a` (n×R); `shift` (R) is scratch for the sparse form's mᵀW.
    func margins(_ w: Matrix, into a: inout Matrix, shift: inout [Double]) {
        precondition(a.rows == count && a.columns == w.columns && w.rows == dimension, "HalfspaceSample.margins: shapes")
        switch storage {
        case .dense(let z):
            // matmul is a zeroed C and β = 0: the same call on a zeroed buffer.
            a.elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            gemm(z, w, into: &a)
        case .sparse(let x, let m, let y, _):
            // matvec's y starts zeroed; β = 0 either way.
            for r in shift.indices { shift[r] = 0 }
            gemv(w, m, into: &shift, transpose: true)
            let runs = w.columns
            x.rowStarts.withUnsafeBufferPointer { starts in
                x.columnIndices.withUnsafeBufferPointer { indices in
                    x.values.withUnsafeBufferPointer { values in
                        w.elements.withUnsafeBufferPointer { pw in
                            y.withUnsafeBufferPointer { py in
                                shift.withUnsafeBufferPointer { ps in
                                    a.elements.withUnsafeMutableBufferPointer { pa in
                                        sparseMargins(starts, indices, values, pw, py, ps, pa, runs)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Zᵀ·M into `result` (d×k) for an n×k matrix M; `signed` (n×k) and `totals` (k) are scratch.
    /// transposeTimes sums each column's entries per panel of rows (rows in order, from 0) and
    /// then the panels in order; here each column's entries are walked in that order straight
    /// from Xᵀ, the panels' sums kept in registers instead of a d×k partial per panel.
    func pullBack(_ m: Matrix, into result: inout Matrix, signed: inout Matrix, totals: inout [Double]) {
        precondition(m.rows == count && result.rows == dimension && result.columns == m.columns, "HalfspaceSample.pullBack: shapes")
        precondition(signed.rows == m.rows && signed.columns == m.columns && totals.count == m.columns, "HalfspaceSample.pullBack: scratch shapes")
        switch storage {
        case .dense(let z):
            result.elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            gemm(z, m, into: &result, transposeA: true)
        case .sparse(let x, let means, let y, let columns):
            let k = m.columns
            // SparseRowMatrix.transposeTimes's panels for this size.
            let panels = ParallelPanels(length: count, work: x.values.count * k, minimumWork: ParallelPanels.minimumElementWork)
            m.elements.withUnsafeBufferPointer { pm in
                y.withUnsafeBufferPointer { py in
                    totals.withUnsafeMutableBufferPointer { pt in
                        signed.elements.withUnsafeMutableBufferPointer { ps in
                            signRows(pm, py, ps, pt, k)
                        }
                    }
                }
            }
            columns.rowStarts.withUnsafeBufferPointer { starts in
                columns.columnIndices.withUnsafeBufferPointer { rows in
                    columns.values.withUnsafeBufferPointer { values in
                        signed.elements.withUnsafeBufferPointer { ps in
                            means.withUnsafeBufferPointer { pmeans in
                                totals.withUnsafeBufferPointer { pt in
                                    result.elements.withUnsafeMutableBufferPointer { pr in
                                        columnSums(starts, rows, values, ps, k, panels, pr)
                                        for j in 0..<dimension {
                                            for r in 0..<k { pr[j * k + r] = -(pr[j * k + r] - pmeans[j] * pt[r]) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// pullBack's y ⊙ M and its column totals, in sample order from 0.
private func signRows(
    _ m: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, _ signed: UnsafeMutableBufferPointer<Double>,
    _ totals: UnsafeMutableBufferPointer<Double>, _ k: Int
) {
    let rows = y.count
    for r in 0..<k {
        var total = 0.0, e = r
        for i in 0..<rows {
            let s = m[e] * y[i]
            signed[e] = s
            total += s
            e += k
        }
        totals[r] = total
    }
}

/// (Xᵀ S)_jr = Σ_p (Σ_{i ∈ panel p, x_ij ≠ 0} x_ij s_ir), each panel's sum over its rows in
/// order from 0, the panels added in order from 0 (transposeTimes's partials, empty ones too).
/// Up to four panels' sums run side by side, so the additions of one column are four
/// independent chains rather than one.
private func columnSums(
    _ starts: UnsafeBufferPointer<Int>, _ rows: UnsafeBufferPointer<Int>, _ values: UnsafeBufferPointer<Double>,
    _ signed: UnsafeBufferPointer<Double>, _ k: Int, _ panels: ParallelPanels, _ result: UnsafeMutableBufferPointer<Double>
) {
    let columns = starts.count - 1, count = panels.count, size = panels.panelSize
    precondition(count <= 4, "columnSums: at most four panels")
    for j in 0..<columns {
        // bounds[p] ..< bounds[p + 1]: column j's entries in panel p (rows ascending).
        var bounds: (Int, Int, Int, Int, Int) = (starts[j], starts[j], starts[j], starts[j], starts[j])
        var e = starts[j]
        let end = starts[j + 1]
        // Panels past `count` stay empty (bounds equal).
        withUnsafeMutableBytes(of: &bounds) { raw in
            let b = raw.bindMemory(to: Int.self)
            for p in 0..<4 {
                // The first entry at or past the panel's end row (binary search: rows ascend).
                if p < count {
                    let limit = (p + 1) * size
                    var high = end
                    while e < high {
                        let middle = (e + high) / 2
                        if rows[middle] < limit { e = middle + 1 } else { high = middle }
                    }
                }
                b[p + 1] = e
            }
        }
        let (b0, b1, b2, b3, b4) = bounds
        let common = min(b1 - b0, b2 - b1, b3 - b2, b4 - b3)
        // Two columns r, r + 1 of S at a time (adjacent in memory: one load of the row's pair).
        var r = 0
        while r + 1 < k {
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, u0 = 0.0, u1 = 0.0, u2 = 0.0, u3 = 0.0
            // Indices are in range by construction: wrapping arithmetic, no overflow checks.
            for t in 0..<common {
                let v0 = values[b0 &+ t], i0 = rows[b0 &+ t] &* k &+ r
                let v1 = values[b1 &+ t], i1 = rows[b1 &+ t] &* k &+ r
                let v2 = values[b2 &+ t], i2 = rows[b2 &+ t] &* k &+ r
                let v3 = values[b3 &+ t], i3 = rows[b3 &+ t] &* k &+ r
                s0 += v0 * signed[i0]
                u0 += v0 * signed[i0 &+ 1]
                s1 += v1 * signed[i1]
                u1 += v1 * signed[i1 &+ 1]
                s2 += v2 * signed[i2]
                u2 += v2 * signed[i2 &+ 1]
                s3 += v3 * signed[i3]
                u3 += v3 * signed[i3 &+ 1]
            }
            for e in (b0 + common)..<b1 { let i = rows[e] &* k &+ r; s0 += values[e] * signed[i]; u0 += values[e] * signed[i &+ 1] }
            for e in (b1 + common)..<b2 { let i = rows[e] &* k &+ r; s1 += values[e] * signed[i]; u1 += values[e] * signed[i &+ 1] }
            for e in (b2 + common)..<b3 { let i = rows[e] &* k &+ r; s2 += values[e] * signed[i]; u2 += values[e] * signed[i &+ 1] }
            for e in (b3 + common)..<b4 { let i = rows[e] &* k &+ r; s3 += values[e] * signed[i]; u3 += values[e] * signed[i &+ 1] }
            result[j * k + r] = panelTotal(count, s0, s1, s2, s3)
            result[j * k + r + 1] = panelTotal(count, u0, u1, u2, u3)
            r += 2
        }
        if r < k {
            var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
            for t in 0..<common {
                s0 += values[b0 &+ t] * signed[rows[b0 &+ t] &* k &+ r]
                s1 += values[b1 &+ t] * signed[rows[b1 &+ t] &* k &+ r]
                s2 += values[b2 &+ t] * signed[rows[b2 &+ t] &* k &+ r]
                s3 += values[b3 &+ t] * signed[rows[b3 &+ t] &* k &+ r]
            }
            for e in (b0 + common)..<b1 { s0 += values[e] * signed[rows[e] &* k &+ r] }
            for e in (b1 + common)..<b2 { s1 += values[e] * signed[rows[e] &* k &+ r] }
            for e in (b2 + common)..<b3 { s2 += values[e] * signed[rows[e] &* k &+ r] }
            for e in (b3 + common)..<b4 { s3 += values[e] * signed[rows[e] &* k &+ r] }
            result[j * k + r] = panelTotal(count, s0, s1, s2, s3)
        }
    }
}

/// a_i = −y_i (x_iᵀw − mᵀw) row by row: x.times's sum over a row's entries in their order, from 0.
private func sparseMargins(
    _ starts: UnsafeBufferPointer<Int>, _ indices: UnsafeBufferPointer<Int>, _ values: UnsafeBufferPointer<Double>,
    _ w: UnsafeBufferPointer<Double>, _ y: UnsafeBufferPointer<Double>, _ shift: UnsafeBufferPointer<Double>,
    _ a: UnsafeMutableBufferPointer<Double>, _ runs: Int
) {
    let rows = y.count
    if runs == 1 {
        let offset = shift[0]
        for i in 0..<rows {
            var s = 0.0
            for e in starts[i]..<starts[i + 1] { s += values[e] * w[indices[e]] }
            a[i] = -y[i] * (s - offset)
        }
        return
    }
    for i in 0..<rows {
        let to = a.baseAddress! + i * runs
        for r in 0..<runs { to[r] = 0 }
        for e in starts[i]..<starts[i + 1] {
            let v = values[e], from = w.baseAddress! + indices[e] * runs
            for r in 0..<runs { to[r] += v * from[r] }
        }
        for r in 0..<runs { to[r] = -y[i] * (to[r] - shift[r]) }
    }
}

/// transposeTimes's sum of the panels' partials, in panel order from 0.
@inline(__always)
private func panelTotal(_ count: Int, _ s0: Double, _ s1: Double, _ s2: Double, _ s3: Double) -> Double {
    var total = 0.0
    total += s0
    if count > 1 { total += s1 }
    if count > 2 { total += s2 }
    if count > 3 { total += s3 }
    return total
}
