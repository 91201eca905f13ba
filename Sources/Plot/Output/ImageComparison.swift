import Foundation

/// Two rendered images compared in matplotlib's sense: RMS over the RGB channels on the 0–255
/// scale. Shared by the figure goldens and the plot-mark goldens so both judge pixels alike.
public struct ImageComparison: Sendable {
    public let actual: RasterImage
    public let expected: RasterImage
    /// Pixel RMS over RGB on the 0–255 scale; nil when the sizes differ.
    public let rms: Double?

    public init(actual: RasterImage, expected: RasterImage) {
        self.actual = actual; self.expected = expected
        rms = Self.rms(actual, expected)
    }

    /// Decodes both PNGs and compares them.
    public init(actualPNG: [UInt8], expectedPNG: [UInt8]) throws {
        self.init(actual: try RasterImage.decodePNG(actualPNG), expected: try RasterImage.decodePNG(expectedPNG))
    }

    /// One line saying how the images differ beyond `tolerance`, or nil when they match.
    public func mismatch(tolerance: Double) -> String? {
        guard let rms else {
            return "image size \(actual.width)x\(actual.height) differs from golden \(expected.width)x\(expected.height)"
        }
        return rms > tolerance ? "image RMS \(String(format: "%.3f", rms)) > \(tolerance)" : nil
    }

    /// actual, expected and diff as PNG bytes, named by those words, for a reviewer to open.
    public func artifacts() throws -> [(name: String, png: [UInt8])] {
        [("actual", try actual.encodePNG()), ("expected", try expected.encodePNG()),
         ("diff", try Self.diffImage(actual, expected).encodePNG())]
    }

    public static func rms(_ a: RasterImage, _ b: RasterImage) -> Double? {
        guard a.width == b.width, a.height == b.height else { return nil }
        var sum = 0.0
        var count = 0
        for pixel in 0..<(a.width * a.height) {
            for channel in 0..<3 {
                let d = Double(a.rgba[4 * pixel + channel]) - Double(b.rgba[4 * pixel + channel])
                sum += d * d
                count += 1
            }
        }
        return count == 0 ? 0 : (sum / Double(count)).squareRoot()
    }

    /// |a − b| amplified ten times, opaque, so small differences are visible; where only one image
    /// has pixels (sizes differ) the diff is magenta.
    public static func diffImage(_ a: RasterImage, _ b: RasterImage) -> RasterImage {
        let width = max(a.width, b.width)
        let height = max(a.height, b.height)
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let out = 4 * (y * width + x)
                guard x < a.width, y < a.height, x < b.width, y < b.height else {
                    pixels[out] = 255; pixels[out + 1] = 0; pixels[out + 2] = 255
                    continue
                }
                let pa = 4 * (y * a.width + x)
                let pb = 4 * (y * b.width + x)
                for channel in 0..<3 {
                    let d = abs(Int(a.rgba[pa + channel]) - Int(b.rgba[pb + channel]))
                    pixels[out + channel] = UInt8(min(255, 10 * d))
                }
            }
        }
        return RasterImage(width: width, height: height, rgba: pixels)
    }
}
