import Experiments
import FigureKit
import Foundation

/// The claims of FIGURES.md kohler2019-fig3 on the mean over runs of C_i = ‖∂²L/∂W_c∂W_i‖_F.
public func kohler2019Fig3Claims(_ data: Kohler2019Fig3Data, params p: Kohler2019Fig3Parameters, scale: Scale) -> [Claim] {
    let c = p.centralLayer - 1, layers = data.nets[0].crossNorms.count
    let up = Array(0..<c), down = Array((c + 1)..<layers)
    let times = data.measurementTimes, late = times.indices.filter { 2 * times[$0] >= p.iterations }
    func geomean(_ net: Kohler2019Fig3Net, _ ids: [Int], _ m: Int) -> Double {
        exp(ids.reduce(0) { $0 + log(net.meanCross($1, m)) } / Double(ids.count))
    }
    func ratio(_ net: Kohler2019Fig3Net, _ m: Int) -> Double { geomean(net, down, m) / geomean(net, up, m) }
    let (bn, gd) = (data.nets[0], data.nets[1])
    var claims: [Claim] = []
    let firstIsMax = data.nets.allSatisfy { net in times.indices.allSatisfy { m in
        (0..<layers).filter { $0 != c }.allSatisfy { net.meanCross($0, m) <= net.meanCross(0, m) } } }
    claims.append(Claim(id: "fig3-first-layer-coupling-largest",
                        statement: "both nets, every measurement: the first layer couples most strongly with W\(p.centralLayer) (C₁ = max_i C_i)",
                        passed: firstIsMax, measured: "C₁ = max at every measurement: \(firstIsMax)"))
    if scale == .smoke {
        var worst = 0.0
        for net in data.nets {
            for i in 0..<layers where i != c { worst = max(worst, abs((net.checkEstimate?[i] ?? .nan) - net.meanCross(i, 0)) / net.meanCross(i, 0)) }
        }
        let symmetry = data.nets.map { abs(($0.outputSideNorm ?? .nan) / $0.meanCross(layers - 1, 0) - 1) }.max()!
        claims.append(Claim(
            id: "fig3-exact-vs-hutchinson",
            statement: "t = 0: Hutchinson with \(p.checkProbes) probes is within 5 % of every exact C_i, and C_\(layers) from the output layer's side equals the value from W\(p.centralLayer)'s side within 1e-6 relative (symmetry of the mixed derivative)",
            passed: worst <= 0.05 && symmetry <= 1e-6,
            measured: "largest Hutchinson relative error \(formatNumber(worst)); two-sided C_\(layers) relative difference \(formatNumber(symmetry))"))
        return claims
    }
    let upstream = data.nets.map { net in times.indices.map { 1 / ratio(net, $0) } }
    let upOK = upstream.allSatisfy { values in values.indices.allSatisfy { values[$0] >= (late.contains($0) ? 2 : 1.3) } }
    claims.append(Claim(
        id: "fig3-upstream-dominates",
        statement: "both nets: geomean(C upstream) ≥ 2 × geomean(C downstream) at every measurement with t ≥ T/2, ≥ 1.3× at the others",
        passed: upOK, measured: "BN \(upstream[0].map(formatNumber).joined(separator: ", ")); GD \(upstream[1].map(formatNumber).joined(separator: ", "))"))
    let (c5, c6, c7) = (down[0], down[1], down[down.count - 1])
    let bnOrdered = late.allSatisfy { bn.meanCross(c5, $0) > bn.meanCross(c6, $0) && bn.meanCross(c6, $0) > bn.meanCross(c7, $0) }
        && times.indices.allSatisfy { bn.meanCross(c5, $0) >= 0.9 * bn.meanCross(c6, $0) && bn.meanCross(c6, $0) >= 0.9 * bn.meanCross(c7, $0) }
    let gdOrdered = times.indices.allSatisfy { gd.meanCross(c7, $0) <= 1.1 * gd.meanCross(c5, $0) } && late.allSatisfy { gd.meanCross(c5, $0) > gd.meanCross(c7, $0) }
    claims.append(Claim(
        id: "fig3-downstream-monotone",
        statement: "BN: C₅ > C₆ > C₇ for t ≥ T/2 and each ≥ 0.9× the next everywhere; GD: C₇ ≤ 1.1·C₅ everywhere and C₅ > C₇ for t ≥ T/2",
        passed: bnOrdered && gdOrdered, measured: "BN ordered: \(bnOrdered); GD ordered: \(gdOrdered)"))
    let meanLog = data.nets.map { net in late.reduce(0) { $0 + log10(ratio(net, $1)) } / Double(late.count) }
    claims.append(.atLeast(
        "fig3-bn-decouples-downstream", "mean over t ≥ T/2 of log10 r(t), r = geomean(C down)/geomean(C up), is lower for BN than for GD by ≥ 0.1",
        value: meanLog[1] - meanLog[0], bound: 0.1))
    let at1000 = times.firstIndex { $0 >= min(1000, p.iterations) } ?? times.count - 1
    let rho = data.nets.map { $0.meanCross(c7, at1000) / $0.meanCross(c7, 0) }
    var decays = rho[0] <= 0.6 * rho[1]
    var detail = "ρ_BN = \(formatNumber(rho[0])), ρ_GD = \(formatNumber(rho[1]))"
    if scale == .default, let at600 = times.firstIndex(of: 600) {
        let gdMin = (0...at600).map { gd.meanCross(c7, $0) / gd.meanCross(c7, 0) }.min()!
        let bn600 = bn.meanCross(c7, at600) / bn.meanCross(c7, 0)
        decays = decays && gdMin >= 0.7 && bn600 <= 0.4
        detail += "; min_{t ≤ 600} C₇^GD(t)/C₇^GD(0) = \(formatNumber(gdMin)) (≥ 0.7), C₇^BN(600)/C₇^BN(0) = \(formatNumber(bn600)) (≤ 0.4)"
    }
    claims.append(Claim(
        id: "fig3-bn-output-coupling-decays-early",
        statement: "the output-layer coupling decays for BN, not for GD, in the first \(times[at1000]) iterations (l.855–856): ρ_BN ≤ 0.6·ρ_GD with ρ = C₇(\(times[at1000]))/C₇(0)",
        passed: decays, measured: detail))
    let checkpoints = [500, 1000].filter { $0 <= p.iterations }
    let ratios = checkpoints.map { t in meanOverRuns(bn.loss, t) / meanOverRuns(gd.loss, t) }
    claims.append(Claim(
        id: "fig3-bn-trains-faster", statement: "L_BN(t) ≤ 0.5·L_GD(t) at t = \(checkpoints.map(String.init).joined(separator: ", "))",
        passed: ratios.allSatisfy { $0 <= 0.5 }, measured: "L_BN/L_GD = \(ratios.map(formatNumber).joined(separator: ", "))"))
    return claims
}

/// Geometric mean over runs at index t, as plotted.
func meanOverRuns(_ runs: [[Double]], _ t: Int) -> Double { pow(10, runs.reduce(0) { $0 + log10($1[t]) } / Double(runs.count)) }
