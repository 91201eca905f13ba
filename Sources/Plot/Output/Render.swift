import CCairo
import Foundation

/// The three file formats every figure is written in.
public enum OutputFormat: String, CaseIterable, Codable, Sendable {
    case png, pdf, svg
}

/// How `render` turns a chart into bytes.
public struct RenderOptions: Equatable, Sendable {
    /// Pixels per point for PNG (2 ⇒ 144 dpi).
    public var pngScale: Double
    /// The TrueType font, loaded through FreeType by path.
    public var fontPath: String
    /// Written into PDF metadata (creation and modification date) so output is reproducible.
    public var creationDate: Date

    public init(pngScale: Double = 2, fontPath: String = FontInfo.defaultFontPath,
                creationDate: Date = RenderOptions.reproducibleDate()) {
        self.pngScale = pngScale; self.fontPath = fontPath; self.creationDate = creationDate
    }
    /// PNG resolution in dots per inch.
    public var dpi: Double {
        get { pngScale * 72 }
        set { pngScale = newValue / 72 }
    }

    /// SOURCE_DATE_EPOCH (seconds since 1970) when set and valid, else 2020-01-01T00:00:00Z.
    public static func reproducibleDate(environment: [String: String] = ProcessInfo.processInfo.environment) -> Date {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date(timeIntervalSince1970: 1_577_836_800)
    }
}

/// Renders the chart in memory as PNG, PDF or SVG bytes (the caller writes them atomically).
/// The same drawing code runs for every format.
public func render(_ chart: Chart, as format: OutputFormat, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
    guard chart.width > 0, chart.height > 0, chart.width.isFinite, chart.height.isFinite else {
        throw PlotError.invalidChart("chart size \(chart.width)×\(chart.height) pt must be positive")
    }
    guard options.pngScale > 0, options.pngScale.isFinite else {
        throw PlotError.invalidChart("RenderOptions.pngScale \(options.pngScale) must be positive")
    }
    let fontFace = try loadCairoFontFace(path: options.fontPath)
    defer { cairo_font_face_destroy(fontFace) }
    let sink = ByteSink()
    let closure = Unmanaged.passUnretained(sink).toOpaque()
    return try withExtendedLifetime(sink) { () throws -> [UInt8] in
        let surface: OpaquePointer
        switch format {
        case .png:
            surface = cairo_image_surface_create(
                CAIRO_FORMAT_ARGB32, Int32((chart.width * options.pngScale).rounded(.up)),
                Int32((chart.height * options.pngScale).rounded(.up)))
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(appendToSink, closure, chart.width, chart.height)
            let date = pdfDate(options.creationDate)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
            cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
        case .svg:
            surface = cairo_svg_surface_create_for_stream(appendToSink, closure, chart.width, chart.height)
            cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PT)
        }
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), during: "creating the \(format.rawValue) surface")

        let context = cairo_create(surface)!
        defer { cairo_destroy(context) }
        if format == .png { cairo_scale(context, options.pngScale, options.pngScale) }
        let canvas = CairoCanvas(context: context, fontFace: fontFace)
        canvas.fill(.rect(Rect(x: 0, y: 0, width: chart.width, height: chart.height)), color: .white)
        try draw(chart, on: canvas)
        try checkCairo(cairo_status(context), during: "drawing the chart")

        if format == .png {
            cairo_surface_flush(surface)
            try checkCairo(cairo_surface_write_to_png_stream(surface, appendToSink, closure), during: "writing the PNG")
        } else {
            cairo_show_page(context)
            cairo_surface_finish(surface)
            try checkCairo(cairo_surface_status(surface), during: "writing the \(format.rawValue)")
        }
        return format == .svg ? normalizeSVG(sink.bytes) : sink.bytes
    }
}

/// ISO-8601 UTC text, the form `cairo_pdf_surface_set_metadata` parses.
func pdfDate(_ date: Date) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'"
    return formatter.string(from: date)
}

/// Makes Cairo's SVG depend only on the drawing and keeps images crisp:
/// - Cairo names the page group "surfaceN" and each image "imageN" after process-wide counters;
///   such ids are renumbered in order of appearance, so the bytes do not depend on what the
///   process drew before.
/// - Cairo's SVG writer drops the nearest-neighbour filter, and viewers smooth a 12 × 9 image into
///   a blur; every `<image>` is marked pixelated (images only come from `Canvas.drawImage`, whose
///   pixels are cells).
func normalizeSVG(_ bytes: [UInt8]) -> [UInt8] {
    let prefixes = ["surface", "image"].map { Array($0.utf8) }
    let imageTag = Array("<image ".utf8)
    let crisp = Array("<image style=\"image-rendering:pixelated\" image-rendering=\"optimizeSpeed\" ".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var numbering: [[UInt8]: [ArraySlice<UInt8>: Int]] = [:]
    var i = 0
    scan: while i < bytes.count {
        if bytes[i] == imageTag[0], bytes[i...].starts(with: imageTag) {
            out.append(contentsOf: crisp)
            i += imageTag.count
            continue
        }
        for prefix in prefixes where bytes[i] == prefix[0] && bytes[i...].starts(with: prefix)
            && (i == 0 || !isIdentifierByte(bytes[i - 1])) {
            var j = i + prefix.count
            while j < bytes.count && bytes[j] >= 0x30 && bytes[j] <= 0x39 { j += 1 }
            if j > i + prefix.count && (j == bytes.count || !isIdentifierByte(bytes[j])) {
                let digits = bytes[(i + prefix.count)..<j]
                let n = numbering[prefix]?[digits] ?? ((numbering[prefix]?.count ?? 0) + 1)
                numbering[prefix, default: [:]][digits] = n
                out.append(contentsOf: prefix)
                out.append(contentsOf: Array(String(n).utf8))
                i = j
                continue scan
            }
        }
        out.append(bytes[i])
        i += 1
    }
    return out
}

private func isIdentifierByte(_ b: UInt8) -> Bool {
    (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
}
