import Foundation

/// An sRGB colour with straight (not premultiplied) alpha, components in 0...1.
public struct Color: Equatable, Hashable, Codable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red; self.green = green; self.blue = blue; self.alpha = alpha
    }
    /// `Color(hex: "#1f77b4")` or `"1f77b4"`; an invalid string is a programming error.
    public init(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6 || digits.count == 8, let value = UInt32(digits, radix: 16) else {
            preconditionFailure("Color(hex:) needs 6 or 8 hex digits, got \"\(hex)\"")
        }
        let v = digits.count == 6 ? (value << 8) | 0xff : value
        self.init(red: Double((v >> 24) & 0xff) / 255, green: Double((v >> 16) & 0xff) / 255,
                  blue: Double((v >> 8) & 0xff) / 255, alpha: Double(v & 0xff) / 255)
    }
    /// A grey level, 0 black … 1 white.
    public init(gray: Double, alpha: Double = 1) { self.init(red: gray, green: gray, blue: gray, alpha: alpha) }

    /// R, G, B, A as bytes (rounded, clamped), the pixel layout of `RasterImage`.
    public var rgba8: [UInt8] {
        [red, green, blue, alpha].map { UInt8((min(max($0, 0), 1) * 255).rounded()) }
    }

    /// The same colour with a new alpha.
    public func withAlpha(_ a: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: a) }
    /// Linear blend towards `other` by `t` in 0...1.
    public func mixed(with other: Color, _ t: Double) -> Color {
        Color(red: red + (other.red - red) * t, green: green + (other.green - green) * t,
              blue: blue + (other.blue - blue) * t, alpha: alpha + (other.alpha - alpha) * t)
    }

    public static let black = Color(gray: 0)
    public static let white = Color(gray: 1)
    public static let gray = Color(gray: 0.5)
    public static let lightGray = Color(gray: 0.8)
    public static let clear = Color(gray: 0, alpha: 0)

    // Okabe & Ito (2008), the colour-blind-safe qualitative palette.
    public static let okabeOrange = Color(hex: "#E69F00")
    public static let okabeSkyBlue = Color(hex: "#56B4E9")
    public static let okabeBluishGreen = Color(hex: "#009E73")
    public static let okabeYellow = Color(hex: "#F0E442")
    public static let okabeBlue = Color(hex: "#0072B2")
    public static let okabeVermillion = Color(hex: "#D55E00")
    public static let okabeReddishPurple = Color(hex: "#CC79A7")

    // matplotlib's tab10 names, which several figure specs quote by hex.
    public static let tabBlue = Color(hex: "#1f77b4")
    public static let tabOrange = Color(hex: "#ff7f0e")
    public static let tabGreen = Color(hex: "#2ca02c")
    public static let tabRed = Color(hex: "#d62728")
    public static let tabPurple = Color(hex: "#9467bd")
    public static let tabBrown = Color(hex: "#8c564b")
    public static let tabPink = Color(hex: "#e377c2")
    public static let tabGray = Color(hex: "#7f7f7f")
    public static let tabOlive = Color(hex: "#bcbd22")
    public static let tabCyan = Color(hex: "#17becf")
}

/// Ordered colour lists for series.
public enum Palette {
    /// Okabe–Ito, colour-blind safe; the default series palette (black last).
    public static let okabeIto: [Color] = [
        .okabeBlue, .okabeOrange, .okabeBluishGreen, .okabeVermillion, .okabeReddishPurple,
        .okabeSkyBlue, .okabeYellow, .black,
    ]
    /// matplotlib tab10.
    public static let tab10: [Color] = [
        .tabBlue, .tabOrange, .tabGreen, .tabRed, .tabPurple, .tabBrown, .tabPink, .tabGray, .tabOlive, .tabCyan,
    ]
    /// matplotlib tab20 (each tab10 hue followed by its light partner).
    public static let tab20: [Color] = [
        "#1f77b4", "#aec7e8", "#ff7f0e", "#ffbb78", "#2ca02c", "#98df8a", "#d62728", "#ff9896",
        "#9467bd", "#c5b0d5", "#8c564b", "#c49c94", "#e377c2", "#f7b6d2", "#7f7f7f", "#c7c7c7",
        "#bcbd22", "#dbdb8d", "#17becf", "#9edae5",
    ].map { Color(hex: $0) }
    /// The default palette.
    public static let `default` = okabeIto
    /// The `index`-th colour of the default palette, cycling.
    public static func color(_ index: Int) -> Color {
        let n = `default`.count
        return `default`[((index % n) + n) % n]
    }
}
