import Foundation

/// A small chart showing one mark or feature of the plotting layer. Each example is also a test:
/// PlotTests renders it and compares the PNG and SVG with golden/plot/<name>.png and .svg.
public struct PlotExample: Sendable {
    /// File-name stem of the goldens.
    public let name: String
    public let chart: Chart

    public init(_ name: String, _ chart: Chart) {
        self.name = name; self.chart = chart
    }

    /// Every example, one per mark and feature.
    public static var all: [PlotExample] {
        [
            PlotExample("line", lineExample()),
            PlotExample("scatter", scatterExample()),
            PlotExample("band", bandExample()),
            PlotExample("contour", contourExample()),
            PlotExample("heat-map", heatMapExample()),
            PlotExample("shapes-arrows", shapesAndArrowsExample()),
            PlotExample("markup", markupExample()),
            PlotExample("legend", legendExample()),
            PlotExample("twin-axis", twinAxisExample()),
            PlotExample("log-axes", logAxesExample()),
            PlotExample("panel-grid", panelGridExample()),
        ]
    }
}

private let ts = Grid.axis(0...10, count: 41)

/// Solid, dashed, dotted and dash-dot lines, one with markers, and a break at a NaN.
func lineExample() -> Chart {
    var panel = Panel(title: "lines", x: .linear("t"), y: .linear("y"), legend: .outsideRight)
    let dashes: [(Dash, String)] = [(.solid, "solid"), (.dashed, "dashed"), (.dotted, "dotted"), (.dashDot, "dash-dot")]
    for (n, (dash, name)) in dashes.enumerated() {
        let y = ts.map { sin($0 / 2 + Double(n)) + Double(n) }
        panel.add(LinePlot(x: ts, y: y, color: Palette.color(n), width: 1.2, dash: dash, label: name))
    }
    let gapped = ts.map { $0 > 4 && $0 < 6 ? .nan : 4.5 - 0.1 * $0 }
    panel.add(LinePlot(x: ts, y: gapped, style: .solid(.black, width: 0.8), marker: Marker(.square, size: 3),
                       label: "NaN gap, markers"))
    return Chart(width: 300, height: 160, panel: panel)
}

/// Every marker shape, filled and hollow.
func scatterExample() -> Chart {
    var panel = Panel(title: "markers", x: .linear(range: -0.5...6.5), y: .linear(range: -0.5...1.5), legend: .none)
    for (n, shape) in MarkerShape.allCases.enumerated() {
        let x = Double(n)
        panel.add(ScatterPlot(x: [x], y: [1], marker: Marker(shape, size: 8), color: Palette.color(n)))
        panel.add(ScatterPlot(x: [x], y: [0], marker: Marker(shape, size: 8, filled: false), color: Palette.color(n)))
    }
    return Chart(width: 240, height: 120, panel: panel)
}

/// A mean with a ±1 sd band, and a band broken where its bounds are NaN.
func bandExample() -> Chart {
    var panel = Panel(title: "bands", x: .linear("t"), y: .linear("loss"), legend: .inside(.upperRight))
    let mean = ts.map { 2 * exp(-$0 / 3) + 0.2 }
    let sd = ts.map { 0.3 * exp(-$0 / 5) + 0.05 }
    panel.add(BandPlot(x: ts, lower: zip(mean, sd).map { $0 - $1 }, upper: zip(mean, sd).map { $0 + $1 },
                       color: .okabeBlue, alpha: 0.25, label: "±1 sd"))
    panel.add(LinePlot(x: ts, y: mean, color: .okabeBlue, width: 1.2, label: "mean"))
    let gap = ts.map { $0 > 3 && $0 < 5 ? Double.nan : 1.2 + 0.05 * $0 }
    panel.add(BandPlot(x: ts, lower: gap.map { $0 - 0.1 }, upper: gap.map { $0 + 0.1 }, color: .okabeOrange, alpha: 0.4,
                       label: "broken at NaN"))
    return Chart(width: 240, height: 160, panel: panel)
}

/// Contours of a tilted bowl: colormapped levels with labels beside a single-colour log-spaced set.
func contourExample() -> Chart {
    let axis = Grid.axis(-2...2, count: 41)
    let grid = Grid(xs: axis, ys: axis) { x, y in x * x + x * y + 2 * y * y + 0.01 }
    var levels = Panel(title: "levels, labels", x: .linear("x_{1}"), y: .linear("x_{2}"), legend: .none, equalAspect: true)
    levels.add(ContourPlot(grid: grid, levels: .values([0.5, 1, 2, 4, 8]), coloring: .colormap(.viridis), width: 0.9,
                           showsLevelLabels: true))
    var logSpaced = Panel(title: "log-spaced", x: .linear("x_{1}"), y: .linear("x_{2}"), legend: .none, equalAspect: true)
    logSpaced.add(ContourPlot(grid: grid, levels: .logCount(6), coloring: .single(.black), width: 0.6, dash: .dashed))
    return Chart(width: 300, height: 160, rows: 1, columns: 2, panels: [levels, logSpaced])
}

/// A heat map on an even grid with missing cells and a colour bar, and one on an uneven grid with a
/// log colour scale (the image is resampled there).
func heatMapExample() -> Chart {
    let even = Grid(xs: Grid.axis(0...1, count: 12), ys: Grid.axis(0...1, count: 9)) { x, y in
        (x - 0.3) * (x - 0.3) + (y - 0.6) * (y - 0.6) > 0.5 ? .nan : sin(6 * x) * cos(4 * y)
    }
    var a = Panel(title: "even grid, NaN cells", x: .linear("x"), y: .linear("y"), legend: .none)
    a.add(HeatMap(grid: even, colormap: .viridis, colorBarLabel: "sin 6x cos 4y"))
    let uneven = Grid(xs: [0, 0.1, 0.3, 0.6, 1, 1.5, 2.1], ys: [1, 2, 4, 8, 16]) { x, y in pow(10, x) * y }
    var b = Panel(title: "uneven grid, log colour", x: .linear("x"), y: .log("y"), legend: .none)
    b.add(HeatMap(grid: uneven, colormap: .grays, colorScale: .log, colorBarLabel: "10^{x} y"))
    return Chart(width: 360, height: 160, rows: 1, columns: 2, panels: [a, b])
}

/// Every shape, a trajectory with arrow heads along it, and reference lines of each kind.
func shapesAndArrowsExample() -> Chart {
    var shapes = Panel(title: "shapes", x: .linear(range: 0...4), y: .linear(range: 0...3), legend: .none,
                       equalAspect: true, showsAxes: false)
    shapes.add(ShapePlot([
        .rectangle(x: 0.2...1.2, y: 1.8...2.8, fill: Color.tabBlue.withAlpha(0.3), stroke: .solid(.tabBlue, width: 1)),
        .polygon([Point(1.6, 1.8), Point(2.6, 1.8), Point(2.1, 2.8)], fill: Color.tabOrange.withAlpha(0.5)),
        .circle(center: Point(3.4, 2.3), radius: 0.45, fill: .white, stroke: .dashed(.black, width: 1)),
        .polyline([Point(0.2, 0.3), Point(0.8, 1.2), Point(1.4, 0.3)], .solid(.tabGreen, width: 1.5)),
        .marker(Point(2, 0.8), Marker(.diamond, size: 9, color: .tabPurple)),
        .arrow(from: Point(2.5, 0.4), to: Point(3.8, 1.2), style: .solid(.tabRed, width: 1.2), headSize: 7),
        .text("h_{1}", at: Point(3.4, 2.3), size: 9),
    ]))
    var paths = Panel(title: "arrows, reference lines", x: .linear("x"), y: .linear("y"), legend: .below)
    let angles = Grid.axis(0...(3 * Double.pi), count: 60)
    paths.add(TrajectoryPlot(x: angles.map { $0 * cos($0) / 3 }, y: angles.map { $0 * sin($0) / 3 },
                             style: .solid(.okabeBlue, width: 1.2), end: Marker(.cross, size: 6),
                             arrows: .alongAndEnd(3), arrowSize: 5, label: "spiral"))
    paths.add(ReferenceLine.horizontal(0, text: "y = 0"))
    paths.add(ReferenceLine.vertical(1, style: .dotted(.okabeVermillion, width: 1), text: "x = 1", textPlacement: .start))
    paths.add(ReferenceLine(.line(slope: 1, intercept: -1), style: .dashed(.gray, width: 0.8), text: "y = x − 1",
                            textPlacement: .start))
    return Chart(width: 340, height: 180, rows: 1, columns: 2, panels: [shapes, paths])
}

/// Sub- and superscripts, nested scripts, Greek and rotated text in titles, labels and annotations.
func markupExample() -> Chart {
    var panel = Panel(title: "‖∇_{w_{u}}L‖^{2} and e^{-αt}", label: "(a)", x: .linear("η_{t} = η_{0}/√t"),
                      y: .linear("σ_{max}^{2}(W)"), legend: .inside(.upperRight))
    panel.add(LinePlot(x: ts, y: ts.map { exp(-0.4 * $0) }, color: .okabeBlue, label: "e^{−0.4t}"))
    panel.add(TextAnnotation("λ_{1} ≥ λ_{2} ≥ … ≥ λ_{n}", at: .fraction(x: 0.5, y: 0.5), size: 9))
    panel.add(TextAnnotation("x^{(k+1)}_{i}", at: .data(x: 2, y: 0.2), anchor: .bottomLeft, background: Color(gray: 0.9)))
    panel.add(TextAnnotation("rotated θ^{*}", at: .fraction(x: 0.9, y: 0.3), color: .okabeVermillion, rotation: 30))
    return Chart(width: 240, height: 180, panel: panel)
}

/// The same three curves with the legend in each placement.
func legendExample() -> Chart {
    func panel(_ title: String, _ placement: LegendPlacement) -> Panel {
        var p = Panel(title: title, x: .linear(), y: .linear(), legend: placement)
        p.add(LinePlot(x: ts, y: ts.map { $0 / 10 }, color: Palette.color(0), label: "line"))
        let sparse = stride(from: 0, to: ts.count, by: 4).map { ts[$0] }
        p.add(ScatterPlot(x: sparse, y: sparse.map { 1 - $0 / 10 }, marker: Marker(.circle, size: 3), color: Palette.color(1),
                          label: "points"))
        p.add(BandPlot(x: ts, lower: ts.map { _ in 0.4 }, upper: ts.map { _ in 0.6 }, color: Palette.color(2), label: "band"))
        return p
    }
    return Chart(width: 400, height: 260, rows: 2, columns: 3, panels: [
        panel("upper left", .inside(.upperLeft)), panel("lower right", .inside(.lowerRight)), panel("best", .best),
        panel("outside right", .outsideRight), panel("below", .below), panel("none", .none),
    ])
}

/// A loss on the left axis and a coloured twin axis on the right with its own scale.
func twinAxisExample() -> Chart {
    var panel = Panel(title: "twin axes", x: .linear("step"), y: .linear("loss"),
                      rightAxis: Axis("α", color: .okabeBlue), legend: .below)
    panel.add(LinePlot(x: ts, y: ts.map { 2 * exp(-$0 / 3) }, color: .black, label: "loss"))
    panel.addRight(LinePlot(x: ts, y: ts.map { 0.01 * (1 - exp(-$0 / 4)) }, color: .okabeBlue, dash: .dashed, label: "α"))
    return Chart(width: 240, height: 180, panel: panel)
}

/// Log–log, semilog-y down to 1e-300 and a log axis with explicit ticks and labels.
func logAxesExample() -> Chart {
    let xs = (0...40).map { pow(10, -2 + Double($0) / 10) }
    var logLog = Panel(title: "log–log", x: .log("x"), y: .log("y"), legend: .best)
    logLog.add(LinePlot(x: xs, y: xs.map { 1 / $0 }, color: Palette.color(0), label: "x^{−1}"))
    logLog.add(LinePlot(x: xs, y: xs.map { 1 / ($0 * $0) }, color: Palette.color(1), dash: .dashed, label: "x^{−2}"))
    var semilog = Panel(title: "semilog", x: .linear("t"), y: .log("L"), legend: .none)
    semilog.add(LinePlot(x: ts, y: ts.map { exp(-69 * $0) }, color: Palette.color(2)))
    var ticks = Panel(title: "explicit ticks", x: Axis("η", scale: .log, range: 5e-4...2, ticks: [1e-3, 1e-2, 1e-1, 1],
                                                        tickLabels: ["η_{0}/1000", "", "η_{0}/10", "η_{0}"]),
                      y: .linear("acc"), legend: .none)
    ticks.add(ScatterPlot(x: [1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1], y: [0.5, 0.6, 0.7, 0.8, 0.85, 0.8, 0.6],
                          marker: Marker(.triangle, size: 5), color: Palette.color(3)))
    return Chart(width: 420, height: 160, rows: 1, columns: 3, panels: [logLog, semilog, ticks])
}

/// A 2 × 3 grid with weighted rows and columns, an overall title, (a)-style labels, captions below,
/// grid lines, an equal-aspect cell and one cell left empty.
func panelGridExample() -> Chart {
    func panel(_ n: Int, below: Bool = false, grid: Bool = false, equalAspect: Bool = false) -> Panel {
        let label = "(\(String(UnicodeScalar(UInt8(97 + n)))))"
        var p = Panel(title: "panel \(n + 1)", label: label, titlePosition: below ? .below : .above, x: .linear("x"),
                      y: .linear("y"), legend: .none, equalAspect: equalAspect, grid: grid)
        p.add(LinePlot(x: ts, y: ts.map { sin($0 + Double(n)) }, color: Palette.color(n)))
        return p
    }
    return Chart(width: 420, height: 260, rows: 2, columns: 3, title: "panel grid",
                 panels: [panel(0), panel(1, grid: true), panel(2, equalAspect: true), panel(3, below: true),
                          panel(4, below: true)],
                 columnWeights: [2, 1, 1], rowWeights: [1, 1.5])
}
