import FigureKit
import Foundation
import Plot

/// The floor of panel (a)'s log axis: E(0) = 0 and flow values below it are drawn there. The axis
/// runs to 1e-1 (CHOSEN; FIGURES.md: 1e-3) so that the legend sits above the curves.
let growthFloor = 1e-9

/// Fig. 1, computed: (a) relative norm growth E(t) of GD at several η and of the gradient flow;
/// (b) eq. (2.3) checked neuron by neuron and step by step on the η0 run.
public func renderNormGrowth(_ data: NormGrowthData, params: NormGrowthParameters) -> Chart {
    let reds = [Color(hex: "#8b0000"), Color(hex: "#d62728"), Color(hex: "#ff7f0e"), Color(hex: "#bcbd22")]
    var growthPanel = Panel(
        title: "(a) ‖v‖ grows under GD, not under the flow", titlePosition: .below,
        x: .linear("time t = sη", range: 0...data.endTime),
        y: .log("E(t) = mean_{k} ‖v_{k}(t)‖²/‖v_{k}(0)‖² − 1", range: growthFloor...1e-1), legend: .inside(.upperLeft))
    for (index, run) in data.gd.enumerated() {
        growthPanel.add(LinePlot(
            x: run.time, y: run.growth.map { max($0, growthFloor) }, color: reds[min(index, reds.count - 1)], width: 1.4,
            label: "GD η = " + etaName(run.stepSize / data.eta0) + " = \(formatNumber(run.stepSize))"))
    }
    growthPanel.add(LinePlot(
        x: data.flow.time, y: data.flow.growth.map { max($0, growthFloor) },
        style: LineStyle(color: .black, width: 1.4, dash: .dashed), label: "gradient flow (RK4)"))
    growthPanel.add(TextAnnotation(
        "‖v(s+1)‖² = ‖v(s)‖² + η²‖∇_{v}L‖²", at: .fraction(x: 0.97, y: 0.05), anchor: .bottomRight, size: 8))

    let positive = zip(data.predictedIncrease, data.measuredIncrease).filter { $0.0 > 0 && $0.1 > 0 }
    let low = positive.map { min($0.0, $0.1) }.min() ?? 1e-12
    let high = positive.map { max($0.0, $0.1) }.max() ?? 1
    let range = pow10Floor(low)...pow10Ceil(high)
    var identityPanel = Panel(
        title: "(b) eq. (2.3), η = η_{0}, every neuron", titlePosition: .below,
        x: .log("η²‖∇_{v_{k}}L(s)‖²", range: range), y: .log("‖v_{k}(s+1)‖² − ‖v_{k}(s)‖²", range: range),
        legend: .inside(.upperLeft), equalAspect: true)
    identityPanel.add(ScatterPlot(
        x: positive.map(\.0), y: positive.map(\.1), marker: Marker(.circle, size: 1.6), color: Color.tabBlue.withAlpha(0.6),
        label: params.scatterEvery == 1 ? "(k, s), every step" : "(k, s), every \(params.scatterEvery)th step"))
    identityPanel.add(ReferenceLine(.through(Point(range.lowerBound, range.lowerBound), Point(range.upperBound, range.upperBound)),
                                    style: LineStyle(color: .black, width: 0.9), label: "y = x"))

    return Chart(width: 520, height: 240, rows: 1, columns: 2, panels: [growthPanel, identityPanel], columnWeights: [1.15, 1])
}

/// η as a multiple of η0: "η_{0}", "η_{0}/2", or "0.3·η_{0}".
private func etaName(_ fraction: Double) -> String {
    if abs(fraction - 1) < 1e-12 { return "η_{0}" }
    let divisor = (1 / fraction).rounded()
    if abs(divisor * fraction - 1) < 1e-9 { return "η_{0}/\(Int(divisor))" }
    return "\(formatNumber(fraction))·η_{0}"
}

private func pow10Floor(_ x: Double) -> Double { pow(10, log10(x).rounded(.down)) }
private func pow10Ceil(_ x: Double) -> Double { pow(10, log10(x).rounded(.up)) }

/// The caption: settings, CHOSEN values and the measured numbers.
public func normGrowthCaption(_ data: NormGrowthData, params: NormGrowthParameters) -> String {
    let runs = data.gd.map { "η = \(formatNumber($0.stepSize)): E(T) = \(formatNumber($0.finalGrowth)), L(T) = \(formatNumber($0.finalLoss))" }
    return "Weight normalization (2.1) preserves ‖v_k‖ under gradient flow and increases it under gradient descent, eq. (2.3): "
        + "the paper's Fig. 1 is a schematic; this is the same statement computed on network (1.2), f(x) = (1/√m) Σ_k c_k σ(g_k v_kᵀx/‖v_k‖), "
        + "n = \(data.sampleCount) MNIST training images of digits \(params.positiveDigit) (+1) and \(params.negativeDigit) (−1) (first in file order, pixels/255 scaled to ‖x‖ = 1; CHOSEN), "
        + "m = \(data.hiddenUnits), init (2.4) with α = \(formatNumber(params.alpha)) (CHOSEN), c fixed, loss (2.5) (sum), V and g trained. "
        + "η0 = 1/λmax(H(0)) = \(formatNumber(data.eta0)) (λmax of the NTK Gram of V and g at init = \(formatNumber(data.lambdaMax)); CHOSEN), "
        + "GD at η0·\(params.stepFractions.map(formatNumber).joined(separator: ", ·")) to the same time T = \(params.gdSteps)·η0, "
        + "flow (3.1) by classical RK4 with dt = \(formatNumber(data.flow.stepSize)) (no renormalization). "
        + "(a) E(t) = mean_k ‖v_k(t)‖²/‖v_k(0)‖² − 1 on a log axis (values ≤ 1e-9, including E(0) = 0, drawn at 1e-9). "
        + "(b) per-neuron increase of ‖v_k‖² against η²‖∇_{v_k}L‖², every \(params.scatterEvery)th step of the η0 run (\(data.predictedIncrease.count) points; neurons with no active sample have both sides 0 and are not drawn). "
        + "Measured: " + runs.joined(separator: "; ")
        + "; flow: max_k |‖v_k(T)‖²/‖v_k(0)‖² − 1| = \(formatNumber(data.flow.largestDeviation)), L(T) = \(formatNumber(data.flow.finalLoss)); "
        + "eq. (2.3) residual ≤ \(formatNumber(data.gd.map(\.identityResidual).max() ?? 0))·max(‖v_k(s)‖², ‖v_k(s+1)‖²). "
        + "Cost: \(formatNumber(data.gemmFlops / 1e9)) GFLOP of GEMM (OpenBLAS); the manifest reports the achieved rate (timings.gflops) next to the machine's dgemm rate."
}
