import Datasets
import Experiments
import FigureKit
import Plot

/// Kohler et al. 2019, Fig. 2: GD, AGD, BN, WN and GDNP on Gaussian data and a9a.
public let figure = AnyFigure(FigureDefinition(
    id: "kohler2019-fig2", citation: Citation(paper: .kohler2019, figure: "Fig. 2"),
    run: runKohler2019Fig2, render: renderKohler2019Fig2, claims: kohler2019Fig2Claims,
    caption: kohler2019Fig2Caption,
    inputDigests: { _, folder in try LIBSVM.digests(.a9a, dataDirectory: folder) }))

public func kohler2019Fig2Caption(_ data: Kohler2019Fig2Data, params p: Kohler2019Fig2Parameters) -> String {
    func final(_ dataset: String, _ phi: MarginFunction, _ t: Int) -> String {
        let panel = data.panel(dataset, phi)
        return zip(panel.methods, panel.curves).map { "\($0.rawValue) \(formatNumber($1.mean[t]))" }.joined(separator: ", ")
    }
    let gs = data.panel("gaussian", .softplus), asp = data.panel("a9a", .softplus)
    // Rate of GDNP's mean log10‖∇f‖ on the Gaussian sigmoid: first 10 iterations vs the last half.
    let sigmoid = data.panel("gaussian", .sigmoid).curve(.gdnp).mean, half = p.gaussianIterations / 2
    let earlyRate = (sigmoid[min(10, p.gaussianIterations)] - sigmoid[0]) / Double(min(10, p.gaussianIterations))
    let lateRate = linearFit((half...p.gaussianIterations).map(Double.init), Array(sigmoid[half...])).slope
    let a9aBest = zip(asp.methods, asp.curves).min { $0.1.mean.last! < $1.1.mean.last! }!.0
    return """
        Full-batch GD, AGD (Nesterov, momentum t/(t+3)), BN (S-normalized w̃ = gw/‖w‖_S, one simultaneous step on w and g), \
        WN (‖w‖₂) and GDNP (Algorithm 1: step (17) with h of (18), then T_s = \(p.lengthSteps) gradient steps on g instead of \
        bisection) on f(w̃) = (1/n)Σφ(z_iᵀw̃), z_i = −y_i x̄_i, centered data; softplus panels: log10(f − f*) with f* from damped \
        Newton (\(formatNumber(gs.optimum ?? .nan)) Gaussian, \(formatNumber(asp.optimum ?? .nan)) a9a); sigmoid panels: log10‖∇f‖. \
        Lines: mean over \(p.runs) initializations w̃₀ ~ N(0, I/d); bands: \(Int(p.bandLevel * 100)) % t-intervals of that mean. \
        Data: Gaussian design (CHOSEN, App. D is missing) n = \(p.gaussianCount), d = \(p.gaussianDimension), Σ with \
        eigenvalues log-spaced over κ = \(formatNumber(p.conditionNumber)), class means ±μ with ‖μ‖_Σ = \(formatNumber(p.separation)); \
        a9a (LIBSVM, \(data.a9aRows) rows, \(data.a9aNonZeros) non-zeros, 123 features, centered). Step sizes (CHOSEN): \
        η = 1/(φ″_max λ_max(S)) for GD, AGD, BN, WN, η_g = 1/φ″_max for GDNP's g-steps; λ_max(S) = \
        \(formatNumber(data.gaussianSmoothness)) (Gaussian), \(formatNumber(data.a9aSmoothness)) (a9a). \
        Measured at t = T: gaussian softplus \(final("gaussian", .softplus, p.gaussianIterations)); gaussian sigmoid \
        \(final("gaussian", .sigmoid, p.gaussianIterations)); a9a softplus \(final("a9a", .softplus, p.a9aIterations)) \
        (lowest: \(a9aBest.rawValue)); a9a sigmoid \(final("a9a", .sigmoid, p.a9aIterations)). \
        On the Gaussian sigmoid GDNP's mean log10‖∇f‖ falls by \(formatNumber(-earlyRate)) per iteration over the first 10 \
        iterations but only \(formatNumber(-lateRate)) per iteration over the last half\(lateRate > 0.5 * earlyRate ? " (no linear rate)" : ""): \
        that risk has no finite minimizer along the optimal ray (g grows without bound), so the paper's linear rate for \
        gaussian sigmoid (l.622–625) is \(lateRate <= -0.005 ? "reproduced only partly" : "not reproduced").
        """
}
