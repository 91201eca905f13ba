import Foundation

/// Student's t distribution with ν degrees of freedom: quantiles for confidence bands.
public enum StudentT {
    /// The p-quantile (0.5 < p < 1) by bisection on the CDF, which is ½ + ∫₀ˣ density, integrated by
    /// composite Simpson's rule with 2000 panels (error far below 1e-9 for x ≤ 100, ν ≥ 1).
    public static func quantile(_ p: Double, degreesOfFreedom nu: Int) -> Double {
        precondition(p > 0.5 && p < 1 && nu >= 1, "StudentT.quantile needs 0.5 < p < 1 and ν ≥ 1")
        let v = Double(nu)
        let logNormalizer = lgamma((v + 1) / 2) - lgamma(v / 2) - 0.5 * log(v * Double.pi)
        func density(_ t: Double) -> Double { exp(logNormalizer - (v + 1) / 2 * log1p(t * t / v)) }
        func cdf(_ x: Double) -> Double {
            let panels = 2000, h = x / Double(panels)
            var sum = density(0) + density(x)
            for k in 1..<panels { sum += (k % 2 == 1 ? 4 : 2) * density(Double(k) * h) }
            return 0.5 + sum * h / 3
        }
        var low = 0.0, high = 1.0
        while cdf(high) < p { high *= 2 }
        for _ in 0..<80 {
            let mid = (low + high) / 2
            if cdf(mid) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}

/// Mean of R runs at each time and the two-sided confidence band mean ± t_{(1+level)/2, R−1}·sd/√R
/// (sd with R − 1); with one run the band is the mean itself.
public struct MeanBand: Codable, Sendable, Equatable {
    public var mean: [Double]
    public var lower: [Double]
    public var upper: [Double]

    /// `runs[r][t]`: run r at time t.
    public init(runs: [[Double]], level: Double) {
        let r = runs.count, length = runs.first?.count ?? 0
        let factor = r > 1 ? StudentT.quantile((1 + level) / 2, degreesOfFreedom: r - 1) / Double(r).squareRoot() : 0
        mean = []; lower = []; upper = []
        for t in 0..<length {
            let values = runs.map { $0[t] }
            let m = values.reduce(0, +) / Double(r)
            let sd = r > 1 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(r - 1)).squareRoot() : 0
            mean.append(m)
            lower.append(m - factor * sd)
            upper.append(m + factor * sd)
        }
    }
}
