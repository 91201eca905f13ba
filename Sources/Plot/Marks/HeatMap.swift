import Foundation

/// A grid of values drawn as coloured cells centred on the grid nodes, with a colour bar; the cells
/// are one image, so a fine grid costs one picture rather than a rectangle per cell in PDF and SVG.
public struct HeatMap: Plotter, Sendable {
    public var grid: Grid
    public var colormap: Colormap
    /// Values mapped to the ends of the colormap (nil: the data's finite range).
    public var range: ClosedRange<Double>?
    /// Linear or log10 colour scale.
    public var colorScale: AxisScale
    public var colorBarLabel: String?
    public var showsColorBar: Bool

    public init(grid: Grid, colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
                colorScale: AxisScale = .linear, colorBarLabel: String? = nil, showsColorBar: Bool = true) {
        self.grid = grid; self.colormap = colormap; self.range = range; self.colorScale = colorScale
        self.colorBarLabel = colorBarLabel; self.showsColorBar = showsColorBar
    }

    /// Cell boundaries: midway between nodes, the outer ones half a step beyond the end nodes.
    static func edges(_ centres: [Double]) -> [Double] {
        guard centres.count >= 2 else { return centres }
        var e = [centres[0] - (centres[1] - centres[0]) / 2]
        for (a, b) in zip(centres, centres.dropFirst()) { e.append((a + b) / 2) }
        e.append(centres[centres.count - 1] + (centres[centres.count - 1] - centres[centres.count - 2]) / 2)
        return e
    }

    public func bounds() -> DataBounds {
        DataBounds(x: DataBounds.extent(Self.edges(grid.xs)), y: DataBounds.extent(Self.edges(grid.ys)), padded: false)
    }

    /// The value range mapped onto the colormap.
    public var valueRange: ClosedRange<Double> {
        if let range { return range }
        let values = colorScale == .log ? grid.values.filter { $0 > 0 } : grid.values
        guard let r = DataBounds.extent(values) else { return colorScale == .log ? 1...10 : 0...1 }
        if r.lowerBound == r.upperBound { return colorScale == .log ? r.lowerBound / 2...r.upperBound * 2 : r.lowerBound - 1...r.upperBound + 1 }
        return r
    }

    /// Position of a value on the colormap, 0...1 (NaN for missing or non-positive on a log scale).
    public func fraction(of value: Double) -> Double {
        let r = valueRange
        switch colorScale {
        case .linear: return (value - r.lowerBound) / (r.upperBound - r.lowerBound)
        case .log:
            guard value > 0 else { return .nan }
            return (log10(value) - log10(r.lowerBound)) / (log10(r.upperBound) - log10(r.lowerBound))
        }
    }

    public func draw(in context: PlotContext) throws {
        try grid.validate(mark: "heat map")
        if colorScale == .log, let r = range, r.lowerBound <= 0 {
            throw PlotError.nonPositiveOnLogAxis(value: r.lowerBound, axis: "colour", context: "heat map")
        }
        let xe = try Self.edges(grid.xs).map { try context.x.position(of: $0) }
        let ye = try Self.edges(grid.ys).map { try context.y.position(of: $0) }
        let cells = grid.values.map { v -> [UInt8] in
            let t = v.isFinite ? fraction(of: v) : .nan
            return t.isFinite ? colormap.color(at: t).rgba8 : [0, 0, 0, 0]
        }
        let (image, rect) = Self.raster(cells: cells, xEdges: xe, yEdges: ye)
        context.canvas.drawImage(image, in: rect)
    }

    /// Pixels per point when cells differ in canvas width (log axes, uneven grids) and the image is resampled.
    static let resampledPixelsPerPoint = 4.0
    /// Longest side of a resampled image.
    static let maximumResampledPixels = 2048

    /// The cells as one image over the canvas rectangle the edges span. Cells of equal canvas size get
    /// one pixel each; otherwise each pixel takes the cell under its centre. `cells[j * nx + i]` is
    /// cell (i, j)'s RGBA; pixel rows run top to bottom on the canvas whatever the axis directions.
    static func raster(cells: [[UInt8]], xEdges: [Double], yEdges: [Double]) -> (RasterImage, Rect) {
        let (columns, xRange) = pixelCells(edges: xEdges)
        let (rows, yRange) = pixelCells(edges: yEdges)
        let nx = xEdges.count - 1
        var rgba: [UInt8] = []
        rgba.reserveCapacity(rows.count * columns.count * 4)
        for j in rows {
            for i in columns {
                if let i, let j { rgba += cells[j * nx + i] } else { rgba += [0, 0, 0, 0] }
            }
        }
        let rect = Rect(x: xRange.lowerBound, y: yRange.lowerBound,
                        width: xRange.upperBound - xRange.lowerBound, height: yRange.upperBound - yRange.lowerBound)
        return (RasterImage(width: columns.count, height: rows.count, rgba: rgba), rect)
    }

    /// The cell index under each pixel along one canvas direction (increasing canvas coordinate), and
    /// the canvas range the pixels cover.
    static func pixelCells(edges: [Double]) -> (cells: [Int?], range: ClosedRange<Double>) {
        let n = edges.count - 1
        let lo = min(edges[0], edges[n]), hi = max(edges[0], edges[n])
        let widths = zip(edges, edges.dropFirst()).map { $1 - $0 }
        let even = widths.allSatisfy { abs($0 - widths[0]) <= 1e-6 * abs(widths[0]) }
        let count = even ? n : min(maximumResampledPixels, max(n, Int(((hi - lo) * resampledPixelsPerPoint).rounded(.up))))
        let step = (hi - lo) / Double(count)
        let cells = (0..<count).map { k -> Int? in
            let c = lo + (Double(k) + 0.5) * step
            return widths.indices.first { min(edges[$0], edges[$0 + 1]) <= c && c < max(edges[$0], edges[$0 + 1]) }
        }
        return (cells, lo...hi)
    }

    public var legendEntries: [LegendEntry] { [] }

    public var colorBar: ColorBar? {
        showsColorBar ? ColorBar(colormap: colormap, range: valueRange, scale: colorScale, label: colorBarLabel) : nil
    }
}
