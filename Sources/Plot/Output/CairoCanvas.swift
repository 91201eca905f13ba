import CCairo
import Foundation

/// The Canvas on a Cairo context: the only drawing code that touches C.
/// Fonts use fixed options (no hinting, hint metrics off, grey antialiasing) so that text is measured
/// identically for PNG, PDF and SVG.
public final class CairoCanvas: Canvas {
    let context: OpaquePointer

    /// Wraps a Cairo context (retained) and selects the font face on it.
    init(context: OpaquePointer, fontFace: OpaquePointer) {
        self.context = cairo_reference(context)
        cairo_set_font_face(context, fontFace)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }
    deinit { cairo_destroy(context) }

    public func save() { cairo_save(context) }
    public func restore() { cairo_restore(context) }
    public func translate(dx: Double, dy: Double) { cairo_translate(context, dx, dy) }
    public func rotate(radians: Double) { cairo_rotate(context, radians) }

    public func clip(to path: Path) {
        trace(path)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_clip(context)
    }

    public func stroke(_ path: Path, style: StrokeStyle) {
        guard !path.isEmpty, style.width > 0 else { return }
        trace(path)
        setColor(style.color)
        cairo_set_line_width(context, style.width)
        style.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        switch style.cap {
        case .butt: cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
        case .round: cairo_set_line_cap(context, CAIRO_LINE_CAP_ROUND)
        case .square: cairo_set_line_cap(context, CAIRO_LINE_CAP_SQUARE)
        }
        switch style.join {
        case .miter: cairo_set_line_join(context, CAIRO_LINE_JOIN_MITER)
        case .round: cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        case .bevel: cairo_set_line_join(context, CAIRO_LINE_JOIN_BEVEL)
        }
        cairo_stroke(context)
    }

    public func fill(_ path: Path, color: Color) {
        guard !path.isEmpty else { return }
        trace(path)
        setColor(color)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_fill(context)
    }

    public func measure(_ text: String, size: Double) -> TextMetrics {
        cairo_set_font_size(context, size)
        var font = cairo_font_extents_t()
        cairo_font_extents(context, &font)
        var extents = cairo_text_extents_t()
        text.withCString { cairo_text_extents(context, $0, &extents) }
        return TextMetrics(width: extents.x_advance, ascent: font.ascent, descent: font.descent)
    }

    public func drawText(_ text: String, at origin: Point, size: Double, color: Color) {
        guard !text.isEmpty else { return }
        cairo_set_font_size(context, size)
        setColor(color)
        cairo_move_to(context, origin.x, origin.y)
        text.withCString { cairo_show_text(context, $0) }
        cairo_new_path(context)
    }

    public func drawImage(_ image: RasterImage, in rect: Rect) {
        guard image.width > 0, image.height > 0, rect.width > 0, rect.height > 0 else { return }
        // A surface Cairo cannot create puts the context into an error state, which render reports.
        let surface = image.cairoSurface()
        defer { cairo_surface_destroy(surface) }
        cairo_save(context)
        cairo_translate(context, rect.x, rect.y)
        cairo_scale(context, rect.width / Double(image.width), rect.height / Double(image.height))
        cairo_set_source_surface(context, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(context), CAIRO_FILTER_NEAREST)
        // Filling the image's own rectangle (not painting) keeps its outer edge antialiased like any fill.
        cairo_new_path(context)
        cairo_rectangle(context, 0, 0, Double(image.width), Double(image.height))
        cairo_fill(context)
        cairo_restore(context)
    }

    private func setColor(_ c: Color) {
        cairo_set_source_rgba(context, c.red, c.green, c.blue, c.alpha)
    }

    private func trace(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .curve(let c1, let c2, let p): cairo_curve_to(context, c1.x, c1.y, c2.x, c2.y, p.x, p.y)
            case .close: cairo_close_path(context)
            }
        }
    }
}
