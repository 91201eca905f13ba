import Experiments
import FigureKit
import Plot

/// Four panels: gaussian / a9a × softplus (log suboptimality) / sigmoid (log gradient norm).
public func renderKohler2019Fig2(_ data: Kohler2019Fig2Data, params p: Kohler2019Fig2Parameters) -> Chart {
    let colors: [HalfspaceMethod: Color] = [.gd: .tabBlue, .agd: .tabOrange, .bn: .tabGreen, .wn: .tabRed, .gdnp: .tabPurple]
    var panels: [Panel] = []
    for (k, panel) in data.panels.enumerated() {
        let label = panel.phi == .softplus ? "log_{10}(f − f*)" : "log_{10} ‖∇f‖"
        var chart = Panel(title: "\(panel.dataset) \(panel.phi.rawValue)", x: .linear("iteration"), y: .linear(label),
                          legend: k == 0 ? .inside(.lowerLeft) : .none)
        for (method, curve) in zip(panel.methods, panel.curves) {
            let t = curve.mean.indices.map(Double.init)
            chart.add(BandPlot(x: t, lower: curve.lower, upper: curve.upper, color: colors[method]!, alpha: 0.25))
            chart.add(LinePlot(x: t, y: curve.mean, color: colors[method]!, width: 1.2, label: method.rawValue))
        }
        panels.append(chart)
    }
    return Chart(width: 520, height: 400, rows: 2, columns: 2, panels: panels)
}
