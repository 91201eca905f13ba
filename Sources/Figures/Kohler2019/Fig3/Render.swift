import Experiments
import FigureKit
import Foundation
import Plot

/// (i) loss, (ii) gradient norm, (iii)/(iv) cross-derivatives with the central layer for BN / GD.
public func renderKohler2019Fig3(_ data: Kohler2019Fig3Data, params p: Kohler2019Fig3Parameters) -> Chart {
    let colors = ["BN": Color.tabGreen, "GD": Color.tabBlue]
    var lossPanel = Panel(title: "(i) training loss", x: .linear("iteration"), y: .log("cross-entropy"), legend: .inside(.lowerLeft))
    var normPanel = Panel(title: "(ii) gradient norm", x: .linear("iteration"), y: .log("‖∇_{θ}L‖"), legend: .none)
    for net in data.nets {
        for (panel, runs, times) in [(0, net.loss, Array(0...p.iterations)), (1, net.gradientNorm, data.normTimes)] {
            let band = logBand(runs, level: p.bandLevel)
            let x = times.map(Double.init)
            var target = panel == 0 ? lossPanel : normPanel
            if runs.count > 1 {
                target.add(BandPlot(x: x, lower: band.lower, upper: band.upper, color: colors[net.name]!, alpha: 0.25))
            }
            target.add(LinePlot(x: x, y: band.mean, color: colors[net.name]!, width: 1.2, label: net.name))
            if panel == 0 { lossPanel = target } else { normPanel = target }
        }
    }
    let c = p.centralLayer - 1, layers = data.nets[0].crossNorms.count
    let positive = data.nets.flatMap { net in (0..<layers).filter { $0 != c }.flatMap { i in net.crossNorms[i].flatMap { $0 } } }.filter { $0 > 0 }
    // One decade of head room above the data holds the legend.
    let range = pow(10, floor(log10(positive.min() ?? 1e-3)))...pow(10, ceil(log10(positive.max() ?? 1)) + 1)
    var crossPanels: [Panel] = []
    for (k, net) in data.nets.enumerated() {
        var panel = Panel(title: "(\(k == 0 ? "iii" : "iv")) cross-derivatives with W_{\(p.centralLayer)} – \(net.name)",
                          x: .linear("iteration"), y: .log("‖∂²L/∂W_{\(p.centralLayer)}∂W_{i}‖_{F}", range: range),
                          legend: k == 1 ? .inside(.upperRight) : .none)
        let x = data.measurementTimes.map(Double.init)
        for i in 0..<layers where i != c {
            let upstream = i < c
            let shade = upstream ? Double(i) / Double(max(c, 1)) : Double(i - c - 1) / Double(max(layers - c - 1, 1))
            let base = upstream ? Color.tabBlue : Color.tabRed
            let color = base.mixed(with: .white, 0.6 * shade)
            let band = logBand(net.crossNorms[i], level: p.bandLevel)
            if net.crossNorms[i].count > 1 {
                panel.add(BandPlot(x: x, lower: band.lower, upper: band.upper, color: color, alpha: 0.2))
            }
            panel.add(LinePlot(x: x, y: band.mean, color: color, width: 1.2, dash: upstream ? .solid : .dashed,
                               marker: Marker(.circle, size: 3.5, color: color), label: "W_{\(i + 1)}"))
        }
        crossPanels.append(panel)
    }
    return Chart(width: 520, height: 400, rows: 2, columns: 2, panels: [lossPanel, normPanel] + crossPanels)
}

/// Geometric mean over runs and the t-band of the mean of log10 values, back on the original scale.
func logBand(_ runs: [[Double]], level: Double) -> MeanBand {
    var band = MeanBand(runs: runs.map { $0.map(log10) }, level: level)
    band.mean = band.mean.map { pow(10, $0) }
    band.lower = band.lower.map { pow(10, $0) }
    band.upper = band.upper.map { pow(10, $0) }
    return band
}
