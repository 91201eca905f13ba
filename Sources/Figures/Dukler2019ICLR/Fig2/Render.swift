import FigureKit
import Foundation
import Plot

/// Fig. 2: (a) training loss (left axis, black) and average α (right axis, blue) against gradient
/// updates; (b) total angle variation over the next `window` steps.
public func renderFourNine(_ data: FourNineData, params: FourNineParameters) -> Chart {
    let steps = data.loss.indices.map(Double.init)
    let blue = Color.tabBlue
    // The loss axis is the paper's [0, 3]: the 1–3-step catapult spike above it is clipped by the panel, not in the data.
    var lossPanel = Panel(
        title: "(a) Average α during training", titlePosition: .below,
        x: .linear("Gradient updates", range: 0...Double(params.steps)),
        y: .linear("Training loss", range: 0...3),
        rightAxis: Axis("Average α", color: blue), legend: .best)
    lossPanel.add(LinePlot(x: steps, y: data.loss, color: .black, width: 1.2, label: "Training loss"))
    lossPanel.addRight(LinePlot(x: steps, y: data.alpha, color: blue, width: 1.2, label: "Average α"))

    // CHOSEN: a log axis (the paper's is linear, 0–3): after the 1–3-step catapult TV drops by
    // orders of magnitude, and its further decay is invisible on a linear axis.
    let windowStarts = data.angleVariation.indices.map(Double.init)
    let positive = data.angleVariation.filter { $0 > 0 }
    let low = pow(10, log10(positive.min() ?? 1e-6).rounded(.down))
    let high = pow(10, log10(positive.max() ?? 1).rounded(.up))
    var anglePanel = Panel(
        title: "(b) Total variation in angle, next \(params.window) steps", titlePosition: .below,
        x: .linear("Gradient updates", range: 0...Double(params.steps - params.window)),
        y: .log("Σ Δ_{ave} over the next \(params.window) steps (rad)", range: low...high), legend: .none)
    anglePanel.add(LinePlot(x: windowStarts, y: data.angleVariation.map { $0 > 0 ? $0 : .nan }, color: blue, width: 1.2))

    return Chart(width: 520, height: 210, rows: 1, columns: 2, panels: [lossPanel, anglePanel])
}

/// The caption: settings, CHOSEN values, the departures from the paper and the run's cost.
public func fourNineCaption(_ data: FourNineData, params: FourNineParameters) -> String {
    let last = data.loss.count - 1
    let stepRule = params.kappa > 0
        ? "η = κ/λmax(H_V(0)) with κ = \(formatNumber(params.kappa)) (CHOSEN for the reduced scale: the paper's η = 3e-3 gives κ ≈ 500 there, too violent at small m), λmax = \(formatNumber(data.lambdaMax)), η = \(formatNumber(data.stepSize))"
        : "η = \(formatNumber(data.stepSize)) (paper), κ = η·λmax(H_V(0)) = \(formatNumber(data.kappa)) with λmax = \(formatNumber(data.lambdaMax))"
    return "Training dynamics of network (1.2), f(x) = (1/√m) Σ_k c_k σ(g_k v_kᵀx/‖v_k‖), on the first \(data.sampleCount) MNIST training images of the digits "
        + "\(params.positiveDigit) and \(params.negativeDigit) (\(data.positiveCount) of digit \(params.positiveDigit), label +1; the others −1, CHOSEN), x = pixels/255 scaled to ‖x‖ = 1 (CHOSEN, Assumption 1); "
        + "m = \(data.hiddenUnits), d = 784, α = \(formatNumber(data.alpha0)), init (2.4), c fixed, WN gradient descent on V and g for K = \(params.steps) steps, \(stepRule). "
        + "(a) training loss and the average α = (1/m)Σ‖v_k‖/|g_k| (CHOSEN reading of the garbled ratio; α(0) = α0 exactly). "
        + "(b) moving sum over the next \(params.window) steps of the mean angle Δθ_k(s) between v_k(s) and v_k(s+1) (atan2 form), on a log axis (CHOSEN; the paper's is linear: after the catapult TV falls by orders of magnitude). "
        + "DEPARTURES FROM THE PAPER: the loss is the per-sample MEAN L̄ = (1/2n)Σ(f − y)², not the sum (2.5) — with the sum and the paper's η the first step rotates every v_k by about π/2 and the loss explodes; "
        + "the mean gives a 1–3-step catapult (loss spike, clipped at the top of (a)) during which α jumps from \(formatNumber(data.alpha0)) to \(formatNumber(data.alpha[min(10, last)])), after which α stays nearly constant: "
        + "the paper's gradual growth of α during training is NOT reproduced. "
        + (data.loss[last] > 3 ? "The loss has NOT come back into the paper's 0–3 range by step K (L̄(K−1) = \(formatNumber(data.loss[last]))): the catapult at this step size is far more violent than the paper's curves. " : "")
        + "Measured: L̄ \(formatNumber(data.loss[0])) → \(formatNumber(data.loss[last])); α(K−1)/α0 = \(formatNumber(data.alpha[last] / data.alpha0)); "
        + "TV(0) = \(formatNumber(data.angleVariation[0])) rad, TV(10) = \(formatNumber(data.angleVariation[min(10, data.angleVariation.count - 1)])) rad, TV(K−\(params.window)) = \(formatNumber(data.angleVariation[data.angleVariation.count - 1])) rad "
        + "(most of the decay happens in the catapult too); "
        + "eq. (2.3) residual ≤ \(formatNumber(data.identityResidual))·max(‖v_k(s)‖², ‖v_k(s+1)‖²). "
        + "Cost: \(formatNumber(data.gemmFlops / 1e9)) GFLOP of GEMM (OpenBLAS); the manifest reports the achieved rate (timings.gflops) next to the machine's dgemm rate."
}
