/// The n × n neural-tangent Gram matrix of network (1.2) at its current parameters, for the sum
/// loss (divide by n for the mean loss): with u_k = v_k/‖v_k‖, z_ik = u_kᵀx_i, 1_ik = 1{g_k z_ik > 0},
/// D_k = (g_k/‖v_k‖)² and c_k² = 1,
///   v-part  (1/m) Σ_k 1_ik 1_jk D_k x_iᵀ(I − u_ku_kᵀ)x_j = (1/m)[(XXᵀ) ⊙ (A D Aᵀ) − (A⊙Z) D (A⊙Z)ᵀ],
///   g-part  (1/m) Σ_k 1_ik 1_jk z_ik z_jk             = (1/m)(A⊙Z)(A⊙Z)ᵀ.
/// Every product is one GEMM.
public func neuralTangentGram(_ model: WeightNormNetwork, inputs x: Matrix, includeScales: Bool) -> Matrix {
    let n = x.rows, m = model.hiddenUnits, d = x.columns
    let norms = model.v.rowNorms
    var u = model.v
    for k in 0..<m {
        for j in 0..<d { u[k, j] /= norms[k] }
    }
    let z = matmul(x, u, transposeB: true)
    let g = model.g
    // B = A·√D (so BBᵀ = A D Aᵀ); C = A⊙Z; CE = C·diag(D − 1 or D).
    var b = Matrix(rows: n, columns: m), c = Matrix(rows: n, columns: m), ce = Matrix(rows: n, columns: m)
    for i in 0..<n {
        for k in 0..<m where g[k] * z[i, k] > 0 {
            let ratio = g[k] / norms[k]
            b[i, k] = abs(ratio)
            c[i, k] = z[i, k]
            ce[i, k] = z[i, k] * (ratio * ratio - (includeScales ? 1 : 0))
        }
    }
    let inputGram = matmul(x, x, transposeB: true)
    var gram = matmul(b, b, transposeB: true)
    let correction = matmul(ce, c, transposeB: true)
    for i in 0..<n {
        for j in 0..<n {
            gram[i, j] = (inputGram[i, j] * gram[i, j] - 0.5 * (correction[i, j] + correction[j, i])) / Double(m)
        }
    }
    return gram
}

/// Multiply-adds ×2 of `neuralTangentGram` (its four GEMMs).
public func neuralTangentGramFlops(n: Int, m: Int, d: Int) -> Double {
    2 * Double(n) * Double(m) * Double(d) + 2 * Double(n) * Double(n) * Double(d) + 4 * Double(n) * Double(n) * Double(m)
}
