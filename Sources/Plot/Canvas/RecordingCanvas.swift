import Foundation

/// A canvas that draws nothing and records every call, for pixel-free tests.
/// Text metrics come from a fixed model (each character 0.6 em wide, ascent 0.76 em, descent 0.24 em)
/// so layouts are reproducible without a font.
public final class RecordingCanvas: Canvas {
    /// One recorded call, with the transform in force already applied to coordinates.
    public enum Call: Equatable, Sendable {
        case save
        case restore
        case clip(Path)
        case stroke(Path, StrokeStyle)
        case fill(Path, Color)
        /// Text, its baseline origin (device coordinates), size, colour and rotation in radians.
        case text(String, Point, size: Double, color: Color, rotation: Double)
        /// An image and the rectangle it covers (the transformed corners' bounding box).
        case image(RasterImage, Rect)
    }

    public private(set) var calls: [Call] = []
    private var transform = Affine.identity
    private var stack: [Affine] = []

    public init() {}

    public func save() { stack.append(transform); calls.append(.save) }
    public func restore() {
        if let t = stack.popLast() { transform = t }
        calls.append(.restore)
    }
    public func translate(dx: Double, dy: Double) { transform = transform.translated(dx, dy) }
    public func rotate(radians: Double) { transform = transform.rotated(radians) }
    public func clip(to path: Path) { calls.append(.clip(transform.apply(path))) }
    public func stroke(_ path: Path, style: StrokeStyle) { calls.append(.stroke(transform.apply(path), style)) }
    public func fill(_ path: Path, color: Color) { calls.append(.fill(transform.apply(path), color)) }
    public func measure(_ text: String, size: Double) -> TextMetrics {
        TextMetrics(width: 0.6 * size * Double(text.unicodeScalars.count), ascent: 0.76 * size, descent: 0.24 * size)
    }
    public func drawText(_ text: String, at origin: Point, size: Double, color: Color) {
        calls.append(.text(text, transform.apply(origin), size: size, color: color, rotation: transform.rotation))
    }
    public func drawImage(_ image: RasterImage, in rect: Rect) {
        let a = transform.apply(Point(rect.minX, rect.minY)), b = transform.apply(Point(rect.maxX, rect.maxY))
        calls.append(.image(image, Rect(x: min(a.x, b.x), y: min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))))
    }

    /// The strings drawn, in order.
    public var texts: [String] {
        calls.compactMap { if case .text(let s, _, _, _, _) = $0 { return s } else { return nil } }
    }
    /// The stroke calls, in order.
    public var strokes: [(path: Path, style: StrokeStyle)] {
        calls.compactMap { if case .stroke(let p, let s) = $0 { return (p, s) } else { return nil } }
    }
    /// The images drawn, in order.
    public var images: [(image: RasterImage, rect: Rect)] {
        calls.compactMap { if case .image(let i, let r) = $0 { return (i, r) } else { return nil } }
    }
    /// The fill calls, in order.
    public var fills: [(path: Path, color: Color)] {
        calls.compactMap { if case .fill(let p, let c) = $0 { return (p, c) } else { return nil } }
    }
}

/// A 2-D affine transform (x' = a x + c y + tx, y' = b x + d y + ty), used by the recording canvas.
struct Affine: Equatable {
    var a = 1.0, b = 0.0, c = 0.0, d = 1.0, tx = 0.0, ty = 0.0
    static let identity = Affine()

    func translated(_ dx: Double, _ dy: Double) -> Affine {
        var t = self
        t.tx += a * dx + c * dy
        t.ty += b * dx + d * dy
        return t
    }
    func rotated(_ r: Double) -> Affine {
        let cs = cos(r), sn = sin(r)
        var t = self
        t.a = a * cs + c * sn; t.b = b * cs + d * sn
        t.c = -a * sn + c * cs; t.d = -b * sn + d * cs
        return t
    }
    var rotation: Double { atan2(b, a) }
    func apply(_ p: Point) -> Point { Point(a * p.x + c * p.y + tx, b * p.x + d * p.y + ty) }
    func apply(_ path: Path) -> Path {
        if self == .identity { return path }
        var out = Path()
        for e in path.elements {
            switch e {
            case .move(let p): out.move(to: apply(p))
            case .line(let p): out.line(to: apply(p))
            case .curve(let c1, let c2, let p): out.curve(to: apply(p), control1: apply(c1), control2: apply(c2))
            case .close: out.close()
            }
        }
        return out
    }
}
