import Experiments
import FigureKit
import Plot

/// Neuron u's colour in every Lin-Sep panel (tab10, as the paper's matplotlib default).
func neuronColor(_ u: Int) -> Color { Palette.tab10[u % Palette.tab10.count] }

/// The x values of the time panels: GD steps (the paper's axis) or −log L.
func timeAxisValues(_ states: [LinSepState], params: LinSepParameters) -> [Double] {
    LinSepTimeAxis(rawValue: params.xAxis) == .loglossneg ? states.map { -$0.logLoss } : states.map { Double($0.step) }
}

/// A panel against time (steps or −log L), ending at the run's last recorded point.
func timePanel(_ run: LinSepRun, title: String, label: String, y: Axis, params: LinSepParameters, legend: LegendPlacement = .none) -> Panel {
    let end = timeAxisValues([run.final], params: params)[0]
    let name = LinSepTimeAxis(rawValue: params.xAxis) == .loglossneg ? "−log L" : "Steps"
    return Panel(
        title: title, label: label, titlePosition: .below, x: .linear(name, range: 0...max(end, 1)), y: y, legend: legend)
}

/// A run that stopped short of the target (or went non-finite) says so inside the panel.
func noteIfUnfinished(_ panel: inout Panel, _ run: LinSepRun, params: LinSepParameters) {
    var lines: [String] = []
    if !run.reachedTarget {
        lines.append("did not reach log L ≤ \(formatNumber(params.targetLogLoss)) in \(run.stopStep) steps")
    }
    if let step = run.firstNonFiniteStep { lines.append("NaN/Inf from step \(step)") }
    for (n, text) in lines.enumerated() {
        panel.add(TextAnnotation(text, at: .fraction(x: 0.97, y: 0.97), anchor: .topRight, offset: (0, -9 * Double(n)), size: 7, color: .tabRed))
    }
}

/// Panel (a) of Figs. 2 and 8: the 16 points, class −1 red and class 1 blue, equal aspect.
public func linSepDatasetPanel(_ data: LinSepData) -> Panel {
    let ticks: [Double] = [-4, -2, 0, 2, 4]
    var panel = Panel(
        title: "Dataset", label: "(a)", titlePosition: .below, x: .linear("x_{1}", range: -4.2...4.2, ticks: ticks),
        y: .linear("x_{2}", range: -4.2...4.2, ticks: ticks), legend: .inside(.lowerRight), equalAspect: true)
    for (y, name, color) in [(-1.0, "class -1", Color.tabRed), (1.0, "class 1", Color.tabBlue)] {
        let points = data.inputs.indices.filter { data.labels[$0] == y }.map { data.inputs[$0] }
        panel.add(ScatterPlot(x: points.map { $0[0] }, y: points.map { $0[1] }, marker: Marker(.circle, size: 4), color: color, label: name))
    }
    return panel
}

/// Figs. 2 and 8: (a) data, (b) ‖w_u‖, (c) w_u/‖w‖ of the growing neurons, (d) ℓ/‖ℓ‖, (e) γ̄.
public func renderLinSepAssumptions(_ data: LinSepData, params: LinSepParameters) -> Chart {
    let run = data.run
    let x = timeAxisValues(run.states, params: params)
    let growing = run.growingNeurons(fraction: params.growingFraction)

    let top = run.states.flatMap(\.norms).filter(\.isFinite).max() ?? 1
    var norms = timePanel(run, title: "Evolution of ‖w_{u}‖", label: "(b)", y: .linear("‖w_{u}‖", range: 0...(1.05 * top)), params: params, legend: .below)
    for u in run.final.norms.indices {
        norms.add(LinePlot(x: x, y: run.states.map { $0.norms[u] }, color: neuronColor(u), width: 1, label: "w\(u + 1)"))
    }

    noteIfUnfinished(&norms, run, params: params)

    var directions = timePanel(run, title: "Weight vector convergence", label: "(c)", y: .linear("w_{u}/‖w‖", range: -1...1), params: params, legend: .below)
    let components = run.states.map { $0.directionComponents(growing) }
    for (n, u) in growing.enumerated() {
        for j in 0..<2 {
            directions.add(LinePlot(
                x: x, y: components.map { $0[2 * n + j] }, color: neuronColor(u), width: 1, dash: j == 0 ? .solid : .dashed,
                label: "w\(u + 1)[\(j + 1)]"))
        }
    }

    var losses = timePanel(run, title: "Loss vector convergence", label: "(d)", y: .linear("ℓ_{i}/‖ℓ‖", range: 0...1), params: params)
    let shares = run.states.map(\.lossDirection)
    for i in data.inputs.indices {
        losses.add(LinePlot(x: x, y: shares.map { $0[i] }, color: Palette.tab20[i % Palette.tab20.count], width: 0.8))
    }

    let fitted = run.states.filter { $0.margin > 0 }
    let marginRange = (fitted.map(\.margin).min() ?? 0)...(run.final.margin > 0 ? run.final.margin : 1)
    var margin = timePanel(run, title: "Normalized parameter margin", label: "(e)", y: .linear("γ̄", range: marginPanelRange(marginRange)), params: params)
    margin.add(LinePlot(x: x, y: run.states.map(\.margin), color: .tabBlue, width: 1.2))

    return Chart(
        width: 1000, height: 265, rows: 1, columns: 5,
        panels: [linSepDatasetPanel(data), norms, directions, losses, margin])
}

/// The margin panel shows γ̄ once it is positive (before the data are fit it is negative and
/// would flatten the converging part), with 5 % headroom.
func marginPanelRange(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
    let pad = max(0.05 * (range.upperBound - range.lowerBound), 1e-3)
    return max(0, range.lowerBound - pad)...(range.upperBound + pad)
}

/// Figs. 3 and 9: (a) cos(−∇L, g̃), (b) cos(w_u, −∇_{w_u}L), (c)–(e) ln‖∇_{w_u}L‖ against ln‖w_u‖ at the snapshots.
public func renderLinSepTheorem2(_ data: LinSepData, params: LinSepParameters) -> Chart {
    let run = data.run
    let x = timeAxisValues(run.states, params: params)
    let growing = run.growingNeurons(fraction: params.growingFraction)

    var gradient = timePanel(run, title: "Cosine b/w −∇L and g̃", label: "(a)", y: .linear("cos", range: -1.05...1.05), params: params)
    gradient.add(LinePlot(x: x, y: run.states.map { $0.gradientCosine(to: run.final) }, color: .tabBlue, width: 1.2))
    noteIfUnfinished(&gradient, run, params: params)

    var alignment = timePanel(run, title: "Cosine b/w w_{u} and −∇_{w_{u}}L", label: "(b)", y: .linear("cos", range: -1.05...1.05), params: params, legend: .below)
    for u in growing {
        alignment.add(LinePlot(x: x, y: run.states.map { $0.weightAntiGradientCosine(u) }, color: neuronColor(u), width: 1, label: "w\(u + 1)"))
    }

    let relation = Theorem2Relation(run.parameterization)
    let scatter = run.snapshots.enumerated().map { n, snapshot in
        theorem2Panel(snapshot, growing: growing, relation: relation, label: "(\(["c", "d", "e", "f", "g"][n % 5]))")
    }
    return Chart(width: 1000, height: 265, rows: 1, columns: 2 + scatter.count, panels: [gradient, alignment] + scatter)
}

/// One of (c)–(e): a marker per growing neuron at (ln‖w_u‖, ln‖∇_{w_u}L‖) and Theorem 2's line
/// (slope −1 for EWN, +1 for SWN) through their centroid.
func theorem2Panel(_ snapshot: LinSepSnapshot, growing: [Int], relation: Theorem2Relation, label: String) -> Panel {
    let level = Int(-snapshot.level)
    let title = "L = e^{-\(level)}"
    guard let state = snapshot.state else {
        var panel = Panel(title: title, label: label, titlePosition: .below, x: .linear("ln ‖w_{u}‖"), y: .linear("ln ‖∇_{w_{u}}L‖"))
        panel.add(TextAnnotation("not reached", at: .fraction(x: 0.5, y: 0.5), size: 8, color: .tabRed))
        return panel
    }
    let lw = growing.map { state.logNorms[$0] }, lg = growing.map { state.logGradientNorms[$0] }
    let (cx, cy) = (lw.reduce(0, +) / Double(max(lw.count, 1)), lg.reduce(0, +) / Double(max(lg.count, 1)))
    // Equal spans on both axes, so that slopes ±1 are drawn at 45°.
    let extent = { (v: [Double]) in ((v.min() ?? 0) + (v.max() ?? 0)) / 2 }
    let half = max(0.6 * max((lw.max() ?? 0) - (lw.min() ?? 0), (lg.max() ?? 0) - (lg.min() ?? 0)), 0.1)
    var panel = Panel(
        title: title, label: label, titlePosition: .below,
        x: .linear("ln ‖w_{u}‖", range: (extent(lw) - half)...(extent(lw) + half)),
        y: .linear("ln ‖∇_{w_{u}}L‖", range: (extent(lg) - half)...(extent(lg) + half)), legend: .best)
    panel.add(ReferenceLine(
        .line(slope: relation.slope, intercept: cy - relation.slope * cx),
        style: LineStyle(color: .gray, width: 1, dash: .dashed), label: "slope \(relation.slope > 0 ? "+1" : "−1")"))
    for (n, u) in growing.enumerated() {
        panel.add(ScatterPlot(x: [lw[n]], y: [lg[n]], marker: Marker(.circle, size: 5), color: neuronColor(u), label: "w\(u + 1)"))
    }
    return panel
}
