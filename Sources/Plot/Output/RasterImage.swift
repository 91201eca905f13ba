import CCairo
import Foundation

/// An 8-bit RGBA image with straight alpha, rows top to bottom; the unit of golden comparisons.
public struct RasterImage: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// width × height × 4 bytes: R, G, B, A per pixel.
    public var rgba: [UInt8]

    public init(width: Int, height: Int, rgba: [UInt8]) {
        precondition(width >= 0 && height >= 0 && rgba.count == width * height * 4,
                     "RasterImage needs width × height × 4 bytes")
        self.width = width; self.height = height; self.rgba = rgba
    }

    /// Decodes PNG bytes through Cairo (un-premultiplying Cairo's native-endian ARGB32).
    public static func decodePNG(_ bytes: [UInt8]) throws -> RasterImage {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.count > 8, Array(bytes[0..<8]) == signature else {
            throw PlotError.invalidPNG("the data does not start with the PNG signature")
        }
        let source = ByteSource(bytes)
        let surface = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(readFromSource, Unmanaged.passUnretained(source).toOpaque())
        }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PlotError.invalidPNG(String(cString: cairo_status_to_string(status)))
        }
        cairo_surface_flush(surface)
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else {
            throw PlotError.invalidPNG("unexpected pixel format \(format.rawValue) from Cairo")
        }
        guard let data = cairo_image_surface_get_data(surface) else {
            throw PlotError.invalidPNG("Cairo returned no pixel data")
        }
        var rgba = [UInt8](repeating: 0, count: width * height * 4)
        let hasAlpha = format == CAIRO_FORMAT_ARGB32
        for row in 0..<height {
            // Cairo stores each pixel as one native-endian 32-bit word 0xAARRGGBB.
            let words = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for col in 0..<width {
                let word = words[col]
                let a = hasAlpha ? Int(word >> 24) : 255
                var r = Int((word >> 16) & 0xff), g = Int((word >> 8) & 0xff), b = Int(word & 0xff)
                if a > 0 && a < 255 {
                    r = min(255, (r * 255 + a / 2) / a)
                    g = min(255, (g * 255 + a / 2) / a)
                    b = min(255, (b * 255 + a / 2) / a)
                }
                let i = (row * width + col) * 4
                rgba[i] = UInt8(r); rgba[i + 1] = UInt8(g); rgba[i + 2] = UInt8(b); rgba[i + 3] = UInt8(a)
            }
        }
        return RasterImage(width: width, height: height, rgba: rgba)
    }

    /// Encodes as PNG through Cairo (premultiplying into ARGB32 first; exact for opaque pixels).
    public func encodePNG() throws -> [UInt8] {
        guard width > 0 && height > 0 else { throw PlotError.invalidChart("cannot encode an empty \(width)×\(height) image") }
        let surface = cairoSurface()
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), during: "creating a \(width)×\(height) image")
        let sink = ByteSink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque())
        }
        try checkCairo(status, during: "encoding a PNG")
        return sink.bytes
    }

    /// A new Cairo ARGB32 surface holding the pixels premultiplied (the caller destroys it; check its
    /// status, which is an error when Cairo could not allocate it).
    func cairoSurface() -> OpaquePointer {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height))!
        cairo_surface_flush(surface)
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let data = cairo_image_surface_get_data(surface) else {
            return surface
        }
        let stride = Int(cairo_image_surface_get_stride(surface))
        for row in 0..<height {
            let words = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            for col in 0..<width {
                let i = (row * width + col) * 4
                let a = UInt32(rgba[i + 3])
                let r = (UInt32(rgba[i]) * a + 127) / 255
                let g = (UInt32(rgba[i + 1]) * a + 127) / 255
                let b = (UInt32(rgba[i + 2]) * a + 127) / 255
                words[col] = (a << 24) | (r << 16) | (g << 8) | b
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}
