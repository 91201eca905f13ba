import Plot
import XCTest

final class RecordingCanvasTests: XCTestCase {
    func drawn(_ panel: Panel, size: (Double, Double) = (300, 200)) throws -> (RecordingCanvas, PanelLayout) {
        let chart = Chart(width: size.0, height: size.1, panel: panel)
        let canvas = RecordingCanvas()
        try draw(chart, on: canvas)
        return (canvas, try ChartLayout(chart: chart, canvas: RecordingCanvas()).panels[0])
    }

    func testADashedLineIsStrokedWithItsDashPattern() throws {
        let red = Color(hex: "#d62728")
        let (canvas, _) = try drawn(Panel(plotters: [LinePlot(x: [0, 1, 2], y: [0, 1, 0], color: red, width: 2, dash: .dashed)],
                                          legend: .none))
        let stroke = try XCTUnwrap(canvas.strokes.first { $0.style.color == red })
        XCTAssertEqual(stroke.style.dash, Dash.dashed.pattern(lineWidth: 2))
        XCTAssertFalse(stroke.style.dash.isEmpty)
        XCTAssertEqual(stroke.style.width, 2)
        let solid = try drawn(Panel(plotters: [LinePlot(x: [0, 1], y: [0, 1], color: red)], legend: .none)).0
        XCTAssertEqual(solid.strokes.first { $0.style.color == red }?.style.dash, [])
    }

    func testMarksAreClippedToTheDataAreaButAnnotationsAreNot() throws {
        let blue = Color.okabeBlue
        let panel = Panel(x: .linear(range: 0...1), y: .linear(range: 0...1),
                          plotters: [LinePlot(x: [-1, 2], y: [-1, 2], color: blue), TextAnnotation("note", x: 0.5, y: 1.2)])
        let (canvas, layout) = try drawn(panel)
        let calls = canvas.calls
        let lineIndex = try XCTUnwrap(calls.firstIndex { if case .stroke(_, let s) = $0 { return s.color == blue } else { return false } })
        let clipIndex = try XCTUnwrap(calls[..<lineIndex].lastIndex { if case .clip = $0 { return true } else { return false } })
        XCTAssertEqual(calls[clipIndex], .clip(.rect(layout.dataArea)))
        XCTAssertFalse(calls[clipIndex..<lineIndex].contains(.restore), "the clip is still in force when the line is stroked")
        // The annotation is drawn without a clip of its own, between a save and its restore.
        let noteIndex = try XCTUnwrap(calls.firstIndex { if case .text("note", _, _, _, _) = $0 { return true } else { return false } })
        let lastSave = try XCTUnwrap(calls[..<noteIndex].lastIndex(of: .save))
        XCTAssertFalse(calls[lastSave..<noteIndex].contains { if case .clip = $0 { return true } else { return false } })
    }

    func testTheYAxisLabelReadsUpwardAndTickLabelsAreDrawn() throws {
        let (canvas, _) = try drawn(Panel(x: .linear("step", range: 0...10), y: .linear("loss", range: 0...1)))
        let texts = canvas.calls.compactMap { call -> (String, Double)? in
            if case .text(let s, _, _, _, let rotation) = call { return (s, rotation) } else { return nil }
        }
        XCTAssertEqual(try XCTUnwrap(texts.first { $0.0 == "loss" }).1, -Double.pi / 2, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(texts.first { $0.0 == "step" }).1, 0, accuracy: 1e-12)
        XCTAssertTrue(canvas.texts.contains("10"))
        XCTAssertTrue(canvas.texts.contains("1.0"))
    }

    func testLegendSwatchesRepeatTheMarkStyles() throws {
        let orange = Color.okabeOrange
        let panel = Panel(plotters: [
            LinePlot(x: [0, 1], y: [0, 1], color: orange, dash: .dotted, label: "dotted"),
            BandPlot(x: [0, 1], lower: [0, 0], upper: [1, 1], color: orange, alpha: 0.3, label: "band"),
            ScatterPlot(x: [0.5], y: [0.5], marker: Marker(.triangle, filled: false), color: orange, label: "points"),
        ])
        let (canvas, layout) = try drawn(panel)
        let legend = try XCTUnwrap(layout.legendFrame)
        let inLegend = canvas.strokes.filter { stroke in
            stroke.path.elements.allSatisfy { element in
                if case .move(let p) = element { return legend.contains(p) }
                if case .line(let p) = element { return legend.contains(p) }
                return true
            }
        }
        XCTAssertTrue(inLegend.contains { $0.style.color == orange && $0.style.dash == Dash.dotted.pattern(lineWidth: 1.5) })
        XCTAssertTrue(canvas.fills.contains { $0.color == orange.withAlpha(0.3) && legend.contains(legendPoint($0.path)) })
        XCTAssertEqual(canvas.texts.filter { ["dotted", "band", "points"].contains($0) }, ["dotted", "band", "points"])
    }

    func testArrowHeadsAreFilledInTheTrajectoryColour() throws {
        let green = Color.okabeBluishGreen
        let panel = Panel(x: .linear(range: 0...3), y: .linear(range: 0...3), plotters: [
            TrajectoryPlot(x: [0.5, 1, 2, 2.5], y: [0.5, 1.5, 2, 2.5], style: .solid(green), start: Marker(.circle),
                           end: Marker(.square), arrows: .alongAndEnd(2)),
        ], legend: .none)
        let (canvas, _) = try drawn(panel)
        let heads = canvas.fills.filter { $0.color == green && $0.path.elements.count == 4 }  // triangle: move, 2 lines, close
        XCTAssertEqual(heads.count, 3)
    }

    func testASlopedReferenceLineWhoseEndsLieOutsideStillGetsItsText() throws {
        // y = x − 1 on [0, 2] × [0, 0.5] enters through the bottom and leaves through the top.
        let panel = Panel(x: .linear(range: 0...2), y: .linear(range: 0...0.5),
                          plotters: [ReferenceLine(.line(slope: 1, intercept: -1), text: "slope")], legend: .none)
        let (canvas, layout) = try drawn(panel)
        XCTAssertTrue(canvas.texts.contains("slope"))
        let area = layout.dataArea
        XCTAssertNil(area.clip(Point(area.minX - 10, area.minY - 10), Point(area.minX - 1, area.maxY + 10)))
        let corner = Point(area.minX, area.minY)
        XCTAssertEqual(area.clip(corner, Point(area.maxX + 10, area.minY))?.1.x, area.maxX)
        XCTAssertEqual(area.clip(corner, Point(area.midX, area.midY))?.0, corner)
    }
}

/// The first point of a path.
func legendPoint(_ path: Path) -> Point {
    if case .move(let p)? = path.elements.first { return p }
    return Point(-1, -1)
}
