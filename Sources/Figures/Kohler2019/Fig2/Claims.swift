import Experiments
import FigureKit
import Foundation

/// The claims of FIGURES.md kohler2019-fig2, computed from the mean curves (thresholds from the spec).
public func kohler2019Fig2Claims(_ data: Kohler2019Fig2Data, params p: Kohler2019Fig2Parameters, scale: Scale) -> [Claim] {
    let gs = data.panel("gaussian", .softplus), gsig = data.panel("gaussian", .sigmoid)
    let asp = data.panel("a9a", .softplus), asig = data.panel("a9a", .sigmoid)
    func at(_ panel: Kohler2019Fig2Panel, _ m: HalfspaceMethod, _ t: Int) -> Double { panel.curve(m).mean[t] }
    let finite = data.panels.allSatisfy { $0.curves.allSatisfy { $0.mean.allSatisfy(\.isFinite) } }
    var claims: [Claim] = []

    let gap = scale == .smoke ? 0.8 : 1.2, tg = p.gaussianIterations
    let gaps = [HalfspaceMethod.gd, .bn, .wn].map { at(gs, $0, tg) - at(gs, .gdnp, tg) }
    claims.append(Claim(
        id: "fig2-gauss-softplus-gdnp-beats-gd",
        statement: "gaussian softplus, t = T: GDNP's mean log10 suboptimality is ≥ \(formatNumber(gap)) below GD, BN and WN; every curve of every panel is finite",
        passed: gaps.allSatisfy { $0 >= gap } && finite,
        measured: "gaps to GD, BN, WN: \(gaps.map(formatNumber).joined(separator: ", ")); all finite: \(finite)"))
    if scale == .smoke { return claims }

    // Linear rate: least-squares line through GDNP's mean over t ∈ [20, 120).
    let window = Array(min(20, tg)..<min(120, tg + 1))
    let (slope, r2) = linearFit(window.map(Double.init), window.map { at(gs, .gdnp, $0) })
    let final = at(gs, .gdnp, tg)
    claims.append(Claim(
        id: "fig2-gauss-softplus-gdnp-linear",
        statement: "gaussian softplus: GDNP converges linearly — slope of its mean log10 suboptimality on t ∈ [20, 120) ≤ −0.005 per iteration with R² ≥ 0.95, and ≤ −3.5 (or at the 1e−16 floor) at t = T",
        passed: slope <= -0.005 && r2 >= 0.95 && (final <= -3.5),
        measured: "slope \(formatNumber(slope)), R² \(formatNumber(r2)), value at T \(formatNumber(final))"))
    let bnGap = abs(at(gs, .bn, tg) - at(gs, .gd, tg)), wnGap = abs(at(gs, .wn, tg) - at(gs, .gd, tg))
    claims.append(Claim(
        id: "fig2-bn-wn-like-gd",
        statement: "gaussian softplus, t = T: BN and WN perform like GD (l.629–631): |BN − GD| ≤ 0.6 and |WN − GD| ≤ 0.6",
        passed: bnGap <= 0.6 && wnGap <= 0.6, measured: "|BN − GD| = \(formatNumber(bnGap)), |WN − GD| = \(formatNumber(wnGap))"))
    let early = min(10, tg)
    let margins = [early, tg].map { t in [HalfspaceMethod.gd, .bn, .wn].map { at(gsig, $0, t) }.min()! - at(gsig, .gdnp, t) }
    claims.append(Claim(
        id: "fig2-gauss-sigmoid-gdnp-lowest-of-normalized",
        statement: "gaussian sigmoid, t = 10 and t = T: GDNP's mean log10 gradient norm ≤ min(GD, BN, WN) − 0.4 (AGD not compared)",
        passed: margins.allSatisfy { $0 >= 0.4 }, measured: "margins \(margins.map(formatNumber).joined(separator: ", "))"))
    let ta = p.a9aIterations
    let a9aGap = at(asp, .gd, ta) - at(asp, .gdnp, ta)
    let gd = asp.curve(.gd).mean
    let rise = zip(gd, gd.dropFirst()).map { $1 - $0 }.max() ?? 0
    claims.append(Claim(
        id: "fig2-a9a-softplus-gdnp-beats-gd",
        statement: "a9a softplus, t = T: GDNP's mean log10 suboptimality ≤ GD − 0.15; GD's mean curve never rises (convex f, η = 1/L_f)",
        passed: a9aGap >= 0.15 && rise <= 1e-12 && finite,
        measured: "GD − GDNP = \(formatNumber(a9aGap)); largest rise of GD's mean \(formatNumber(rise))"))
    let earlyGap = at(asig, .gd, min(10, ta)) - at(asig, .gdnp, min(10, ta))
    claims.append(.atLeast(
        "fig2-a9a-sigmoid-early", "a9a sigmoid, t = 10: GDNP's mean log10 gradient norm ≤ GD − 0.3",
        value: earlyGap, bound: 0.3))
    return claims
}

/// Slope and R² of the least-squares line through (x, y).
func linearFit(_ x: [Double], _ y: [Double]) -> (slope: Double, r2: Double) {
    let n = Double(x.count), mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    var sxy = 0.0, sxx = 0.0, syy = 0.0
    for k in x.indices { sxy += (x[k] - mx) * (y[k] - my); sxx += (x[k] - mx) * (x[k] - mx); syy += (y[k] - my) * (y[k] - my) }
    let slope = sxy / sxx
    return (slope, syy > 0 ? slope * slope * sxx / syy : 1)
}
