/// The minimum of a convex empirical halfspace objective (softplus: logistic regression) by damped
/// Newton in original coordinates: w ← w − τ(H + λI)⁻¹∇f, H = (1/n) Zᵀ diag(φ″(Zw)) Z, Armijo
/// backtracking τ ∈ {1, ½, …} (c = 1e−4), until ‖∇f‖ < `tolerance`. λ = 1e−12 (raised tenfold while
/// H + λI is not numerically positive definite: a9a's centered one-hot columns make S singular).
public func halfspaceNewtonMinimum(
    _ phi: MarginFunction, sample: HalfspaceSample, tolerance: Double = 1e-13, maxIterations: Int = 100
) -> (value: Double, gradientNorm: Double, iterations: Int) {
    let n = sample.count, d = sample.dimension
    var w = Matrix(rows: d, columns: 1)
    func evaluate(_ w: Matrix) -> (value: Double, gradient: [Double], point: HalfspacePointwise) {
        let point = sample.pointwise(phi, sample.margins(w))
        return (point.value[0], sample.pullBack(point.slopes).elements, point)
    }
    var current = evaluate(w)
    var iterations = 0
    while norm(current.gradient) >= tolerance && iterations < maxIterations {
        iterations += 1
        let margins = sample.margins(w)
        let hessian = sample.weightedGram(margins.elements.map { phi.derivatives(at: $0).second / Double(n) })
        var ridge = 1e-12, factor: Cholesky? = nil
        while factor == nil && ridge < 1 {
            var shifted = hessian
            for j in 0..<d { shifted[j, j] += ridge }
            factor = Cholesky(shifted)
            ridge *= 10
        }
        guard let factor else { break }
        let direction = factor.solve(current.gradient)
        let slope = dot(direction, current.gradient)
        var tau = 1.0, accepted = false
        while tau > 1e-12 {
            var trial = w
            for j in 0..<d { trial.elements[j] -= tau * direction[j] }
            let next = evaluate(trial)
            if next.value <= current.value - 1e-4 * tau * slope {
                w = trial
                current = next
                accepted = true
                break
            }
            tau /= 2
        }
        if !accepted { break }
    }
    return (current.value, norm(current.gradient), iterations)
}
