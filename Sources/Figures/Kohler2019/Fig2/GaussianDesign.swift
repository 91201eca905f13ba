import Experiments
import Foundation

/// The Gaussian design of FIGURES.md (CHOSEN): Σ = Q diag(λ) Qᵀ with Q the orthogonal factor of a
/// d×d N(0,1) matrix (diag R > 0) and λ_j = κ^{−(j−1)/(d−1)}; class means ±μ with
/// μ = c·μ_raw/‖μ_raw‖_Σ⁻¹, μ_raw ~ N(0, I); y = ±1 with probability ½; x = yμ + chol(Σ)ε.
/// Then z = −yx is Gaussian (paper footnote 1).
func gaussianDesign(count n: Int, dimension d: Int, conditionNumber: Double, separation: Double,
                    generator: inout SeededGenerator) -> (inputs: Matrix, labels: [Double]) {
    // Modified Gram–Schmidt QR of a normal matrix: the columns of Q, each R_jj = ‖·‖ > 0.
    let a = generator.normalMatrix(rows: d, columns: d)
    var columns = (0..<d).map { a.column($0) }
    for j in 0..<d {
        for k in 0..<j { axpy(-dot(columns[k], columns[j]), columns[k], &columns[j]) }
        columns[j] = scaled(columns[j], by: 1 / norm(columns[j]))
    }
    let eigenvalues = (0..<d).map { pow(conditionNumber, -Double($0) / Double(max(d - 1, 1))) }
    var sigma = Matrix(rows: d, columns: d)
    for i in 0..<d { for j in 0..<d { for k in 0..<d { sigma[i, j] += columns[k][i] * eigenvalues[k] * columns[k][j] } } }
    guard let cholesky = Cholesky(sigma) else { preconditionFailure("Σ is positive definite by construction") }
    let raw = generator.normals(d)
    let mahalanobis = dot(raw, cholesky.solve(raw)).squareRoot()
    let mu = scaled(raw, by: separation / mahalanobis)
    var inputs = Matrix(rows: n, columns: d)
    var labels = [Double](repeating: 0, count: n)
    for i in 0..<n {
        let y = generator.sign()
        let epsilon = generator.normals(d)
        labels[i] = y
        for p in 0..<d {
            var value = y * mu[p]
            for q in 0...p { value += cholesky.factor[p, q] * epsilon[q] }
            inputs[i, p] = value
        }
    }
    return (inputs, labels)
}
