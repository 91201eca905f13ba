import Foundation

/// A straight line across the whole data area, with an optional text label written along it.
public struct ReferenceLine: Plotter, Sendable {
    /// Which line.
    public enum Kind: Equatable, Sendable {
        /// y = value.
        case horizontal(Double)
        /// x = value.
        case vertical(Double)
        /// y = intercept + slope·x in data coordinates (a curve on log axes, sampled densely).
        case line(slope: Double, intercept: Double)
        /// The infinite line through two data points.
        case through(Point, Point)
    }

    public var kind: Kind
    public var style: LineStyle
    /// Which end of the line carries the text.
    public enum TextPlacement: String, Equatable, Sendable { case start, end }

    /// Text drawn just above the line near one end (right or top end by default).
    public var text: String?
    public var textPlacement: TextPlacement
    /// Legend label.
    public var label: String?

    public init(_ kind: Kind, style: LineStyle = LineStyle(color: .gray, width: 1, dash: .dashed),
                text: String? = nil, textPlacement: TextPlacement = .end, label: String? = nil) {
        self.kind = kind; self.style = style; self.text = text; self.textPlacement = textPlacement; self.label = label
    }
    public static func horizontal(_ y: Double, style: LineStyle = LineStyle(color: .gray, width: 1, dash: .dashed),
                                  text: String? = nil, textPlacement: TextPlacement = .end,
                                  label: String? = nil) -> ReferenceLine {
        ReferenceLine(.horizontal(y), style: style, text: text, textPlacement: textPlacement, label: label)
    }
    public static func vertical(_ x: Double, style: LineStyle = LineStyle(color: .gray, width: 1, dash: .dashed),
                                text: String? = nil, textPlacement: TextPlacement = .end,
                                label: String? = nil) -> ReferenceLine {
        ReferenceLine(.vertical(x), style: style, text: text, textPlacement: textPlacement, label: label)
    }

    public func bounds() -> DataBounds {
        switch kind {
        case .horizontal(let v): return DataBounds(y: v.isFinite ? v...v : nil)
        case .vertical(let v): return DataBounds(x: v.isFinite ? v...v : nil)
        case .line, .through: return DataBounds()
        }
    }

    /// The visible polylines on the canvas (points whose value is invalid on a log axis break the line).
    func polylines(_ context: PlotContext) throws -> [[Point]] {
        let xd = context.x.domain, yd = context.y.domain
        switch kind {
        case .horizontal(let v):
            return [[try context.point(xd.lowerBound, v), try context.point(xd.upperBound, v)]]
        case .vertical(let v):
            return [[try context.point(v, yd.lowerBound), try context.point(v, yd.upperBound)]]
        case .through(let a, let b) where a.x == b.x:
            return try ReferenceLine(.vertical(a.x), style: style).polylines(context)
        case .line, .through:
            let (slope, intercept): (Double, Double)
            if case .line(let s, let c) = kind { (slope, intercept) = (s, c) } else if case .through(let a, let b) = kind {
                slope = (b.y - a.y) / (b.x - a.x); intercept = a.y - slope * a.x
            } else { return [] }
            let n = context.x.scale == .linear && context.y.scale == .linear ? 2 : 256
            var xs: [Double] = [], ys: [Double] = []
            for k in 0..<n {
                let px = context.x.start + (context.x.end - context.x.start) * Double(k) / Double(n - 1)
                let vx = context.x.value(atPosition: px)
                let vy = intercept + slope * vx
                xs.append(vx)
                ys.append(context.y.scale == .log && vy <= 0 ? .nan : vy)
            }
            return try context.polylines(x: xs, y: ys, mark: "reference line")
        }
    }

    public func draw(in context: PlotContext) throws {
        let lines = try polylines(context)
        for line in lines where line.count > 1 { context.canvas.stroke(.polyline(line), style: StrokeStyle(style)) }
        guard let text, let line = lines.last(where: { $0.count > 1 }) else { return }
        // The text sits just above the line at the chosen end (the top for vertical lines), reading along it.
        // Clipped rather than filtered: a sloped line whose ends both lie outside still has a visible middle.
        let area = context.dataArea.insetBy(dx: -0.5, dy: -0.5)
        let inside = zip(line, line.dropFirst()).compactMap { area.clip($0, $1) }.flatMap { [$0.0, $0.1] }
        guard inside.count > 1, let a = inside.first, let b = inside.last else { return }
        var angle = atan2(b.y - a.y, b.x - a.x)
        if angle > Double.pi / 2 + 1e-9 { angle -= Double.pi } else if angle < -Double.pi / 2 - 1e-9 { angle += Double.pi }
        let along = Point(cos(angle), sin(angle)), up = Point(sin(angle), -cos(angle))
        func projection(_ p: Point) -> Double { p.x * along.x + p.y * along.y }
        let pad = 3.0
        let atEnd = textPlacement == .end
        let tip = atEnd ? inside.max { projection($0) < projection($1) }! : inside.min { projection($0) < projection($1) }!
        try context.drawText(text, at: tip + along * (atEnd ? -pad : pad) + up * 1.5,
                             anchor: atEnd ? .bottomRight : .bottomLeft,
                             size: context.style.legendFontSize, color: style.color.withAlpha(1), rotation: angle)
    }

    public var legendEntries: [LegendEntry] {
        guard let label else { return [] }
        return [LegendEntry(label: label, line: style)]
    }

    public func occupiedPoints(in context: PlotContext) -> [Point] {
        ((try? polylines(context)) ?? []).flatMap(densified)
    }
}
