/// The population objective of a learning-halfspace problem (Kohler et al. 2019, eq. (16)),
/// f(w̃) = E[φ(zᵀw̃)] with z = −y·x Gaussian, z ~ N(u, Σ): then zᵀw̃ ~ N(uᵀw̃, w̃ᵀΣw̃), so every
/// expectation is one-dimensional and is evaluated by Gauss–Hermite quadrature, with no sampling.
/// The gradient is Stein's lemma: ∇f(w̃) = E[φ′(zᵀw̃)]·u + E[φ″(zᵀw̃)]·Σw̃ (exact for Gaussian z).
public struct GaussianMarginObjective: Sendable {
    public let phi: MarginFunction
    /// u = E[z] = E[−y x].
    public let mean: [Double]
    /// Σ = Cov(z), row-major d × d.
    public let covariance: Matrix
    public let rule: GaussHermite

    public init(phi: MarginFunction, mean: [Double], covariance: Matrix, rule: GaussHermite) {
        precondition(covariance.rows == mean.count && covariance.columns == mean.count, "GaussianMarginObjective: Σ must be d×d")
        self.phi = phi
        self.mean = mean
        self.covariance = covariance
        self.rule = rule
    }

    /// (uᵀw̃, sqrt(w̃ᵀΣw̃), Σw̃).
    private func moments(_ w: [Double]) -> (m: Double, s: Double, sigmaW: [Double]) {
        let d = mean.count
        var sigmaW = [Double](repeating: 0, count: d)
        for i in 0..<d { for j in 0..<d { sigmaW[i] += covariance[i, j] * w[j] } }
        return (dot(mean, w), max(dot(w, sigmaW), 0).squareRoot(), sigmaW)
    }

    /// f(w̃).
    public func value(_ w: [Double]) -> Double {
        let (m, s, _) = moments(w)
        return rule.expectation(mean: m, standardDeviation: s) { phi.value($0) }
    }

    /// ∇f(w̃) by Stein's lemma.
    public func gradient(_ w: [Double]) -> [Double] {
        let (m, s, sigmaW) = moments(w)
        var first = 0.0, second = 0.0
        for k in rule.nodes.indices {
            let t = m + s * rule.nodes[k]
            first += rule.weights[k] * phi.derivative(t)
            second += rule.weights[k] * phi.secondDerivative(t)
        }
        return (0..<mean.count).map { first * mean[$0] + second * sigmaW[$0] }
    }
}
