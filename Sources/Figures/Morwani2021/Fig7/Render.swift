import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Fig. 7's colours (matplotlib's first three, as in the paper): EWN blue, SWN orange, Unnorm green.
public func pruningColor(_ parameterization: WeightParameterization) -> Color {
    switch parameterization {
    case .exponential: return .tabBlue
    case .standard: return .tabOrange
    case .unnormalized: return .tabGreen
    }
}

/// One panel of Fig. 7: test accuracy against the percentage of first-layer neurons pruned, at
/// the snapshot of every run at `logLossLevel`. A run that never reached the level is drawn dashed
/// at its last step and named in the panel.
public func pruningPanel(_ data: MNISTPruningExperiment, logLossLevel: Double, label: String) -> Panel {
    let percents = data.percents.map(Double.init)
    var panel = Panel(
        title: "L = \(levelMarkup(logLossLevel))", label: label, titlePosition: .below,
        x: .linear("Percentage of neurons pruned", range: 0...100, ticks: stride(from: 0, through: 100, by: 20).map(Double.init)),
        y: .linear("Test accuracy", range: 0...1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1.0]),
        legend: .inside(.lowerLeft), grid: true)
    var missed: [String] = []
    for run in data.runs {
        guard let snapshot = run.snapshot(logLossLevel), snapshot.accuracy.count == percents.count else { continue }
        panel.add(LinePlot(
            x: percents, y: snapshot.accuracy, color: pruningColor(run.parameterization), width: 1.5,
            dash: snapshot.reached ? .solid : .dashed, marker: Marker(.circle, size: 3), label: run.name))
        if !snapshot.reached {
            missed.append("\(run.name) did not reach \(levelMarkup(logLossLevel)) (log L = \(formatNumber(snapshot.logLoss)))")
        }
    }
    if !missed.isEmpty {
        panel.add(TextAnnotation(
            missed.joined(separator: "; "), at: .fraction(x: 0.98, y: 0.97), anchor: .topRight, size: 6.5,
            color: .tabRed, background: .white))
    }
    return panel
}

/// Fig. 7: (a) at L = e^-10, (b) at the low level.
public func renderPruning(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> Chart {
    Chart(
        width: 460, height: 200, rows: 1, columns: 2,
        panels: [
            pruningPanel(data, logLossLevel: params.highLogLoss, label: "(a)"),
            pruningPanel(data, logLossLevel: params.lowLogLoss, label: "(b)"),
        ])
}

/// Fig. 7's caption.
public func pruningCaption(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> String {
    pruningCaption(
        opening: "Test accuracy against the percentage of first-layer neurons pruned, at the first kept epoch where the training loss "
            + "falls to L = e^\(formatNumber(params.highLogLoss)) (a) and L = e^\(formatNumber(params.lowLogLoss)) (b), "
            + "for an MNIST 2-layer ReLU net whose first layer is EWN, SWN or unnormalized. Neurons whose ‖w_u‖ grew least "
            + "from initialization are pruned first (their outgoing weights zeroed).",
        paperLevel: "The paper's panel (b) is at e^-300", missed: data.runs.filter { !$0.snapshots.allSatisfy(\.reached) },
        missedText: "did NOT reach every level within \(params.maxEpochs) epoch attempts: its curve is drawn dashed at its last epoch.",
        data: data, params: params)
}
