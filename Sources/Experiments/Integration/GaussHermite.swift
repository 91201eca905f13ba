import Foundation

/// The n-point Gauss–Hermite rule for expectations under a standard normal:
/// E[h(ξ)] ≈ Σ_k weights[k]·h(nodes[k]), ξ ~ N(0, 1), exact for polynomials of degree ≤ 2n − 1.
/// Built from the physicists' rule ∫ e^{−t²} h(t) dt ≈ Σ h_k h(t_k) by ξ_k = √2 t_k, ω_k = h_k/√π;
/// the t_k are the roots of H_n, found by Newton's method on the orthonormal recurrence from the
/// asymptotic starting guesses of Numerical Recipes' `gauher` (§4.5).
public struct GaussHermite: Sendable, Equatable {
    public let nodes: [Double]
    public let weights: [Double]

    public init(points n: Int) {
        precondition(n >= 1, "GaussHermite needs at least one point")
        var t = [Double](repeating: 0, count: n), h = [Double](repeating: 0, count: n)
        let piQuarter = 1 / Double.pi.squareRoot().squareRoot()  // π^{-1/4}
        var z = 0.0
        for i in 0..<(n + 1) / 2 {
            // Starting guesses for the i-th largest root.
            switch i {
            case 0: z = (Double(2 * n + 1)).squareRoot() - 1.85575 * pow(Double(2 * n + 1), -0.16667)
            case 1: z -= 1.14 * pow(Double(n), 0.426) / z
            case 2: z = 1.86 * z - 0.86 * t[0]
            case 3: z = 1.91 * z - 0.91 * t[1]
            default: z = 2 * z - t[i - 2]
            }
            var derivative = 0.0
            for _ in 0..<100 {
                // Orthonormal Hermite recurrence: p_j = sqrt(2/j) z p_{j−1} − sqrt((j−1)/j) p_{j−2}.
                var p1 = piQuarter, p2 = 0.0
                for j in 1...n {
                    let p3 = p2
                    p2 = p1
                    p1 = z * (2.0 / Double(j)).squareRoot() * p2 - (Double(j - 1) / Double(j)).squareRoot() * p3
                }
                derivative = (2 * Double(n)).squareRoot() * p2
                let step = p1 / derivative
                z -= step
                if abs(step) <= 1e-15 * max(1, abs(z)) { break }
            }
            t[i] = z
            t[n - 1 - i] = -z
            h[i] = 2 / (derivative * derivative)
            h[n - 1 - i] = h[i]
        }
        // Ascending nodes, standard-normal form.
        nodes = t.reversed().map { $0 * Double(2).squareRoot() }
        weights = h.reversed().map { $0 / Double.pi.squareRoot() }
    }

    /// E[h(m + s·ξ)] for ξ ~ N(0, 1).
    @inlinable
    public func expectation(mean m: Double, standardDeviation s: Double, _ h: (Double) -> Double) -> Double {
        var total = 0.0
        for k in nodes.indices { total += weights[k] * h(m + s * nodes[k]) }
        return total
    }
}
