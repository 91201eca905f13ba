import Experiments
import FigureKit
import Plot

/// Class colours of panel (a) (FIGURES.md: class +1 #1f77b4, class −1 #d62728).
let classOneColor = Color(hex: "#1f77b4")
let classMinusOneColor = Color(hex: "#d62728")

/// Panel (a): the 4 XOR points, equal aspect, x, y ∈ [−1.5, 1.5].
public func xorDatasetPanel(inputs: [[Double]], labels: [Double], label: String = "(a)") -> Panel {
    let ticks: [Double] = [-1, 0, 1]
    var panel = Panel(
        title: "Dataset", label: label, titlePosition: .below,
        x: .linear(nil, range: -1.5...1.5, ticks: ticks), y: .linear(nil, range: -1.5...1.5, ticks: ticks),
        legend: .below, equalAspect: true)
    for (y, name, color) in [(-1.0, "class -1", classMinusOneColor), (1.0, "class 1", classOneColor)] {
        let points = inputs.indices.filter { labels[$0] == y }.map { inputs[$0] }
        panel.add(ScatterPlot(
            x: points.map { $0[0] }, y: points.map { $0[1] }, marker: Marker(.circle, size: 6), color: color,
            label: name))
    }
    return panel
}

/// ‖w_u‖ of every neuron against steps, on axes from 0 to the last step and from 0 to
/// `headroom`·max‖w_u‖, neuron u in colour `color(u, count)` in every panel of a figure.
public func neuronNormPanel(
    title: String, label: String, steps: [Int], norms: [[Float]], lastStep: Int, headroom: Double = 1.05,
    lineWidth: Double, color: (Int, Int) -> Color
) -> Panel {
    let x = steps.map(Double.init)
    let top = max(norms.joined().map(Double.init).filter(\.isFinite).max() ?? 1, 1e-12)
    var panel = Panel(
        title: title, label: label, titlePosition: .below,
        x: .linear("Steps", range: 0...Double(max(lastStep, 1))),
        y: .linear("Norm", range: 0...(headroom * top)), legend: .none)
    for (u, line) in norms.enumerated() {
        panel.add(LinePlot(x: x, y: line.map(Double.init), color: color(u, norms.count), width: lineWidth))
    }
    return panel
}

/// Panels (b)–(d) of the XOR figures: neuron j in tab20 colour j. A run that stopped at the step
/// budget says so inside its panel.
public func neuronNormPanel(_ run: XORRun, label: String, params: XORParameters) -> Panel {
    // Headroom for the note of a run that stopped at the step budget, so it hides no line.
    var panel = neuronNormPanel(
        title: run.name, label: label, steps: run.steps, norms: run.norms, lastStep: run.stopStep,
        headroom: run.reachedTarget ? 1.05 : 1.3, lineWidth: 0.75) { j, _ in Palette.tab20[j % Palette.tab20.count] }
    if !run.reachedTarget {
        let lines = [
            "did not reach log L ≤ \(formatNumber(params.targetLogLoss)):",
            "log L = \(formatNumber(run.finalLogLoss)) after \(run.stopStep) steps",
        ]
        for (n, text) in lines.enumerated() {
            panel.add(TextAnnotation(
                text, at: .fraction(x: 0.97, y: 0.97), anchor: .topRight, offset: (0, -9 * Double(n)), size: 7,
                color: .tabRed))
        }
    }
    return panel
}

/// One sentence per run: where it stopped and whether it reached the target.
public func xorRunSummary(_ run: XORRun, params: XORParameters) -> String {
    let outcome = run.reachedTarget
        ? "reached log L ≤ \(formatNumber(params.targetLogLoss)) at step \(run.stopStep)"
        : "did NOT reach log L ≤ \(formatNumber(params.targetLogLoss)) within \(params.maxSteps) steps (final log L = \(formatNumber(run.finalLogLoss)))"
    return "\(run.name) (k_max = \(formatNumber(run.stepRule.maxK))) \(outcome), \(run.upSteps) loss-increasing steps"
}

/// The CHOSEN values and departures from the paper every XOR caption states.
public func xorSettingsSentence(_ start: XORInitialization, params: XORParameters) -> String {
    "XOR data (±1, ±1) with y = x₁x₂, no biases; \(params.hiddenUnits) ReLU units, second layer a_j = ±1 at random and frozen; "
        + "w_j(0) ~ N(0, \(formatNumber(params.initialScale))² I) (CHOSEN), redrawn \(start.redraws) time(s) until every point has an active unit of its own sign; "
        + "exponential loss; η(t) = k(t)/L^{c} with c = \(formatNumber(params.lrExponent)) (CHOSEN: the paper's exponent is illegible), "
        + "k(0) = \(formatNumber(params.initialK)), ×1.1 after a loss decrease, ÷1.1 otherwise, every step kept; "
        + "stop at log L ≤ \(formatNumber(params.targetLogLoss)) or \(params.maxSteps) steps. "
        + "With c = \(formatNumber(params.lrExponent)) the runs take more steps than the paper's axes show; compare the norms' shape, not step counts."
}

/// An XOR figure's caption: what its panels show, then, from the data, how many neurons each run
/// grew, the CHOSEN settings, and where each run stopped.
public func xorCaption(panels: String, runs: [XORRun], start: XORInitialization, params: XORParameters) -> String {
    let grown = runs.map { "\($0.name) \(countAbove($0.finalNorms, fractionOfMax: 0.25)) of \(params.hiddenUnits)" }
    return panels + " Neurons ending with ‖w_j‖ ≥ 0.25·max_j ‖w_j‖: " + grown.joined(separator: ", ") + ". "
        + xorSettingsSentence(start, params: params) + " "
        + runs.map { xorRunSummary($0, params: params) }.joined(separator: "; ") + "."
}
