/// A paper's statement checked on a run's data: what it says, what was measured, whether it held.
public struct Claim: Codable, Sendable, Equatable {
    public let id: String
    public let statement: String
    public let passed: Bool
    public let measured: String

    public init(id: String, statement: String, passed: Bool, measured: String) {
        self.id = id
        self.statement = statement
        self.passed = passed
        self.measured = measured
    }
}

extension Claim {
    /// A claim that holds when `value` lies in `range`; the measurement is reported with `format`.
    public static func within(
        _ id: String, _ statement: String, value: Double, in range: ClosedRange<Double>
    ) -> Claim {
        Claim(
            id: id, statement: statement, passed: range.contains(value),
            measured: "\(formatNumber(value)) (required in [\(formatNumber(range.lowerBound)), \(formatNumber(range.upperBound))])")
    }

    /// A claim that holds when `value ≤ bound`.
    public static func atMost(_ id: String, _ statement: String, value: Double, bound: Double) -> Claim {
        Claim(
            id: id, statement: statement, passed: value <= bound,
            measured: "\(formatNumber(value)) (required ≤ \(formatNumber(bound)))")
    }

    /// A claim that holds when `value ≥ bound`.
    public static func atLeast(_ id: String, _ statement: String, value: Double, bound: Double) -> Claim {
        Claim(
            id: id, statement: statement, passed: value >= bound,
            measured: "\(formatNumber(value)) (required ≥ \(formatNumber(bound)))")
    }
}

/// Numbers in claims and tables: four significant digits, scientific outside [1e-3, 1e5).
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == 0 { return "0" }
    let magnitude = abs(x)
    if magnitude >= 1e-3 && magnitude < 1e5 {
        var s = String(format: "%.4g", x)
        if s.contains("e") { s = String(format: "%.4f", x) }
        return s
    }
    return String(format: "%.3e", x)
}

/// "<statement> (<measured>)" for the claims named `ids`, for a caption sentence that states a
/// result: it then says what this run's data show, never a fixed text.
public func measuredSentence(_ claims: [Claim], ids: [String]) -> String {
    ids.compactMap { id in claims.first { $0.id == id } }
        .map { "\($0.statement) — \($0.passed ? "holds" : "does NOT hold"): \($0.measured)" }
        .joined(separator: "; ")
}
