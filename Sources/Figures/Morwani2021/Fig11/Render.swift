import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Neuron u's colour, the same in every panel (the three runs share their start): viridis at
/// u/(H−1), stopped short of its pale yellow end so that every line shows on white.
func neuronColor(_ u: Int, of count: Int) -> Color {
    Colormap.viridis.color(at: 0.9 * Double(u) / Double(max(count - 1, 1)))
}

/// One panel: ‖w_u‖ of every first-layer neuron against gradient-descent steps (EWN e^{α_u},
/// SWN |γ_u|, Unnorm ‖w_u‖ — the effective norms, never ‖v_u‖), with the step where L first fell
/// to the high level marked.
public func neuronNormPanel(_ run: PruningRun, label: String, params: MNISTPruningParameters) -> Panel {
    let history = run.history ?? NormTrace(neurons: 0, maxPoints: 2)
    var panel = neuronNormPanel(
        title: run.name, label: label, steps: history.steps, norms: history.norms, lastStep: run.stopStep,
        lineWidth: 0.6, color: neuronColor)
    if let high = run.snapshot(params.highLogLoss), high.reached {
        panel.add(ReferenceLine.vertical(
            Double(high.step), style: LineStyle(color: .gray, width: 0.8, dash: .dashed),
            text: "L = \(levelMarkup(params.highLogLoss))", textPlacement: .end))
    }
    if !run.reachedTarget {
        panel.add(TextAnnotation(
            "did not reach \(levelMarkup(params.lowLogLoss)): log L = \(formatNumber(run.finalLogLoss)) at step \(run.stopStep)",
            at: .fraction(x: 0.03, y: 0.97), anchor: .topLeft, size: 6.5, color: .tabRed, background: .white))
    }
    return panel
}

/// Fig. 11: (a) EWN, (b) SWN, (c) Unnorm in a row.
public func renderNeuronNorms(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> Chart {
    let labels = ["(a)", "(b)", "(c)"]
    return Chart(
        width: 520, height: 180, rows: 1, columns: 3,
        panels: data.runs.enumerated().map { index, run in
            neuronNormPanel(run, label: labels[index % labels.count], params: params)
        })
}

/// Fig. 11's caption.
public func neuronNormCaption(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> String {
    pruningCaption(
        opening: "Norm ‖w_u‖ of the incoming weight vector of each of the \(data.hiddenUnits) first-layer neurons "
            + "(EWN e^{α_u}, SWN |γ_u|, Unnorm ‖w_u‖) against gradient-descent steps, for the MNIST trainings of Fig. 7, "
            + "each run until L ≤ e^\(formatNumber(params.lowLogLoss)) (dashed line: L = e^\(formatNumber(params.highLogLoss))); "
            + "a neuron has the same colour in every panel.",
        paperLevel: "The paper trains to e^-300", missed: data.runs.filter { !$0.reachedTarget },
        missedText: "did NOT reach e^\(formatNumber(params.lowLogLoss)) within \(params.maxEpochs) epoch attempts.",
        data: data, params: params)
}
