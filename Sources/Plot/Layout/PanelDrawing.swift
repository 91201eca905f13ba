import Foundation

extension PanelPlan {
    /// Draws grid lines, marks (clipped to the data area), frame, ticks, labels, title, legend and colour bar.
    func draw(on canvas: Canvas) throws {
        let (left, right) = contexts(canvas: canvas)
        if panel.grid && panel.showsAxes { try drawGrid(on: canvas) }
        for plotter in panel.plotters { try drawClipped(plotter, in: left) }
        if let right { for plotter in panel.rightPlotters { try drawClipped(plotter, in: right) } }
        if panel.showsAxes { try drawAxes(on: canvas) }
        drawTitles(on: canvas)
        if let legendBox, let legendFrame {
            legendBox.draw(on: canvas, at: Point(legendFrame.minX, legendFrame.minY), style: style)
        }
        if let colorBar, let colorBarFrame { try drawColorBar(colorBar, frame: colorBarFrame, on: canvas) }
    }

    func drawClipped(_ plotter: any Plotter, in context: PlotContext) throws {
        context.canvas.save()
        if plotter.clipsToDataArea { context.canvas.clip(to: .rect(dataArea)) }
        defer { context.canvas.restore() }
        try plotter.draw(in: context)
    }

    func drawGrid(on canvas: Canvas) throws {
        var path = Path()
        for tick in xTicks.ticks where tick.isMajor {
            let x = try xMap!.position(of: tick.value)
            path.move(to: Point(x, dataArea.minY)); path.line(to: Point(x, dataArea.maxY))
        }
        for tick in yTicks.ticks where tick.isMajor {
            let y = try yMap!.position(of: tick.value)
            path.move(to: Point(dataArea.minX, y)); path.line(to: Point(dataArea.maxX, y))
        }
        canvas.stroke(path, style: StrokeStyle(color: style.gridColor, width: 0.5))
    }

    /// Tick marks point outward; each axis draws its major and minor marks as one path apiece.
    func drawAxes(on canvas: Canvas) throws {
        let pad = style.padding, major = style.majorTickLength, minor = style.minorTickLength
        let frame = StrokeStyle(color: .black, width: style.frameWidth, cap: .square, join: .miter)
        canvas.stroke(.rect(dataArea), style: frame)

        func ticks(_ t: AxisTicks, mapping: ScaleMapping, color: Color,
                   mark: (Double, Double) -> (Point, Point), labelAt: (Double) -> (Point, Anchor)) throws {
            var majorPath = Path(), minorPath = Path()
            for (tick, label) in zip(t.ticks, t.labels) {
                let p = try mapping.position(of: tick.value)
                let (a, b) = mark(p, tick.isMajor ? major : minor)
                if tick.isMajor { majorPath.move(to: a); majorPath.line(to: b) } else { minorPath.move(to: a); minorPath.line(to: b) }
                if let label {
                    let (at, anchor) = labelAt(p)
                    label.draw(on: canvas, at: at, anchor: anchor, color: color)
                }
            }
            canvas.stroke(majorPath, style: StrokeStyle(color: color, width: style.tickWidth))
            canvas.stroke(minorPath, style: StrokeStyle(color: color, width: style.tickWidth * 0.75))
        }

        let bottom = dataArea.maxY, leftX = dataArea.minX, rightX = dataArea.maxX
        try ticks(xTicks, mapping: xMap!, color: panel.xAxis.color,
                  mark: { (Point($0, bottom), Point($0, bottom + $1)) },
                  labelAt: { (Point($0, bottom + major + pad), .top) })
        try ticks(yTicks, mapping: yMap!, color: panel.yAxis.color,
                  mark: { (Point(leftX, $0), Point(leftX - $1, $0)) },
                  labelAt: { (Point(leftX - major - pad, $0), .right) })
        if let rightMap, let rightAxis = panel.rightAxis {
            try ticks(rightTicks, mapping: rightMap, color: rightAxis.color,
                      mark: { (Point(rightX, $0), Point(rightX + $1, $0)) },
                      labelAt: { (Point(rightX + major + pad, $0), .left) })
        }

        // Axis labels: x centred under its tick labels; y labels read upward, aligned across the column.
        if let xLabel {
            xLabel.draw(on: canvas, at: Point(dataArea.midX, bottom + major + pad + xTickBand + pad), anchor: .top,
                        color: panel.xAxis.color)
        }
        if let yLabel {
            yLabel.draw(on: canvas, at: Point(cell.minX, dataArea.midY), anchor: .top, color: panel.yAxis.color,
                        rotation: -Double.pi / 2)
        }
        if let rightLabel, let rightAxis = panel.rightAxis {
            let x = rightX + major + pad + rightTicks.maxLabelWidth + pad
            rightLabel.draw(on: canvas, at: Point(x, dataArea.midY), anchor: .top, color: rightAxis.color,
                            rotation: -Double.pi / 2)
        }
    }

    /// Title and "(a)" label share a line at the top of the cell; captions sit under the axes, aligned across the row.
    func drawTitles(on canvas: Canvas) {
        let top = cell.minY + style.padding
        if let topText {
            topText.draw(on: canvas, at: Point(dataArea.midX, top), anchor: .top, color: style.textColor)
        }
        if let cornerLabel {
            cornerLabel.draw(on: canvas, at: Point(cell.minX, top), anchor: .topLeft, color: style.textColor)
        }
        if let caption {
            caption.draw(on: canvas, at: Point(dataArea.midX, captionTop), anchor: .top,
                         color: style.textColor)
        }
    }

    func drawColorBar(_ bar: ColorBar, frame: Rect, on canvas: Canvas) throws {
        let strips = 128
        // One pixel per strip, the top row the top of the scale.
        let pixels = (0..<strips).reversed().flatMap { bar.colormap.color(at: (Double($0) + 0.5) / Double(strips)).rgba8 }
        canvas.drawImage(RasterImage(width: 1, height: strips, rgba: pixels), in: frame)
        canvas.stroke(.rect(frame), style: StrokeStyle(color: .black, width: style.frameWidth * 0.75, join: .miter))
        let mapping = try ScaleMapping(scale: bar.scale, domain: bar.range, start: frame.maxY, end: frame.minY,
                                       axisName: "colour", context: "\(name) colour bar")
        var path = Path()
        for (tick, label) in zip(colorBarTicks.ticks, colorBarTicks.labels) {
            let y = try mapping.position(of: tick.value)
            let length = tick.isMajor ? style.majorTickLength : style.minorTickLength
            path.move(to: Point(frame.maxX, y)); path.line(to: Point(frame.maxX + length, y))
            label?.draw(on: canvas, at: Point(frame.maxX + style.majorTickLength + style.padding, y), anchor: .left,
                        color: style.textColor)
        }
        canvas.stroke(path, style: StrokeStyle(color: .black, width: style.tickWidth))
        if let colorBarLabel {
            let x = frame.maxX + style.majorTickLength + style.padding + colorBarTicks.maxLabelWidth + style.padding
            colorBarLabel.draw(on: canvas, at: Point(x, frame.midY), anchor: .top, color: style.textColor,
                               rotation: -Double.pi / 2)
        }
    }
}
