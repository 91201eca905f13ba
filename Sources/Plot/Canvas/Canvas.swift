import Foundation

/// How a stroke is dashed; the named patterns scale with the line width, `custom` gives on/off lengths in points.
public enum Dash: Equatable, Hashable, Codable, Sendable {
    case solid
    case dashed
    case dotted
    case dashDot
    case custom([Double])

    /// The on/off pattern for a line of the given width (patterns scale with width, as in matplotlib).
    public func pattern(lineWidth w: Double) -> [Double] {
        let s = max(w, 0.75)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * s, 1.6 * s]
        case .dotted: return [1 * s, 1.65 * s]
        case .dashDot: return [6.4 * s, 1.6 * s, 1 * s, 1.6 * s]
        case .custom(let p): return p
        }
    }
}

/// How a line looks: colour, width in points and dash.
public struct LineStyle: Equatable, Hashable, Codable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: Dash
    public init(color: Color = Palette.color(0), width: Double = 1.5, dash: Dash = .solid) {
        self.color = color; self.width = width; self.dash = dash
    }
    public static func solid(_ color: Color, width: Double = 1.5) -> LineStyle { LineStyle(color: color, width: width) }
    public static func dashed(_ color: Color, width: Double = 1.5) -> LineStyle { LineStyle(color: color, width: width, dash: .dashed) }
    public static func dotted(_ color: Color, width: Double = 1.5) -> LineStyle { LineStyle(color: color, width: width, dash: .dotted) }
}

/// How open stroke ends are drawn.
public enum LineCap: Equatable, Sendable { case butt, round, square }
/// How stroke corners are drawn.
public enum LineJoin: Equatable, Sendable { case miter, round, bevel }

/// Everything a canvas needs to stroke a path; the dash is already resolved to lengths.
public struct StrokeStyle: Equatable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: [Double]
    public var cap: LineCap
    public var join: LineJoin
    public init(color: Color, width: Double, dash: [Double] = [], cap: LineCap = .butt, join: LineJoin = .round) {
        self.color = color; self.width = width; self.dash = dash; self.cap = cap; self.join = join
    }
    /// The stroke for a `LineStyle`; dotted lines get round caps so the dots are round.
    public init(_ line: LineStyle) {
        self.init(color: line.color, width: line.width, dash: line.dash.pattern(lineWidth: line.width),
                  cap: line.dash == .dotted ? .round : .butt)
    }
}

/// Metrics of a run of text at one size: advance width and the font's ascent/descent (all in points).
public struct TextMetrics: Equatable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width; self.ascent = ascent; self.descent = descent
    }
}

/// The drawing surface everything in Plot draws on: a float-coordinate sink for paths and text.
/// Coordinates are points with y growing downward. Text is measured by the same canvas that draws it.
public protocol Canvas: AnyObject {
    /// Push the graphics state (transform, clip).
    func save()
    /// Pop the graphics state.
    func restore()
    /// Move the origin.
    func translate(dx: Double, dy: Double)
    /// Rotate the coordinate system (radians, clockwise on screen since y points down).
    func rotate(radians: Double)
    /// Intersect the clip region with the path's interior.
    func clip(to path: Path)
    /// Stroke the path.
    func stroke(_ path: Path, style: StrokeStyle)
    /// Fill the path's interior (non-zero winding).
    func fill(_ path: Path, color: Color)
    /// Advance width and font ascent/descent of `text` at `size` points.
    func measure(_ text: String, size: Double) -> TextMetrics
    /// Draw `text` with its baseline starting at `origin`.
    func drawText(_ text: String, at origin: Point, size: Double, color: Color)
    /// Draw `image` stretched over `rect`, each pixel a sharp-edged block: a grid of values is one
    /// image in every format rather than thousands of rectangles, and stays a grid when enlarged.
    func drawImage(_ image: RasterImage, in rect: Rect)
}
