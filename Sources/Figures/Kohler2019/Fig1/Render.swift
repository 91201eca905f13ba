import Experiments
import FigureKit
import Foundation
import Plot

/// 3×2 contour panels: rows least squares, logistic, sigmoid; columns GD, GDNPseq.
public func renderKohler2019Fig1(_ data: Kohler2019Fig1Data, params p: Kohler2019Fig1Parameters) -> Chart {
    let names: [MarginFunction: String] = [.leastSquares: "(i) least squares", .softplus: "(ii) logistic", .sigmoid: "(iii) sigmoidal"]
    let red = LineStyle(color: .tabRed, width: 1.2, dash: .custom([2, 3]))
    let d = data.optimalDirection
    var panels: [Panel] = []
    for loss in data.losses {
        let grid = Grid(xs: data.grid, ys: data.grid, values: loss.gridValues)
        let sorted = loss.gridValues.sorted()
        // Levels at the grid-value quantiles k/(n + 1) (CHOSEN: adapts to each loss).
        let levels = (1...p.contourLevels).map { sorted[min(sorted.count - 1, $0 * sorted.count / (p.contourLevels + 1))] }
        for (method, paths) in [("GD", [loss.gd]), ("GDnp_{seq}", [loss.directionPhase, loss.lengthPhase])] {
            var panel = Panel(title: "\(names[loss.phi] ?? loss.phi.rawValue) – \(method)",
                              x: .linear("w̃_{1}", range: -p.window...p.window), y: .linear("w̃_{2}", range: -p.window...p.window),
                              legend: .none, equalAspect: true)
            panel.add(ContourPlot(grid: grid, levels: .values(Array(Set(levels)).sorted()), coloring: .colormap(.viridis), width: 0.6))
            panel.add(ReferenceLine(.through(Point(0, 0), Point(d[0], d[1])), style: red))
            for (n, path) in paths.enumerated() {
                let last = n == paths.count - 1
                let endInside = abs(path.end[0]) < p.window && abs(path.end[1]) < p.window
                panel.add(TrajectoryPlot(x: path.x, y: path.y, style: LineStyle(color: .black, width: 1.5),
                                         start: n == 0 ? Marker(.circle, size: 5, color: .black) : nil,
                                         end: last && endInside ? Marker(.cross, size: 7, color: .black) : nil, arrows: .none))
            }
            panels.append(panel)
        }
    }
    return Chart(width: 400, height: 600, rows: 3, columns: 2, panels: panels)
}
