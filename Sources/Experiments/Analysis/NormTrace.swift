import Foundation

/// ‖w_u‖ of every neuron against steps, with log L (and k, when the step rule has one), in
/// O(maxPoints) memory however long the run: every stride-th step (stride 1, doubled whenever more
/// than maxPoints would be kept) plus the final step. Values are only drawn, so they are kept as
/// Float, optionally rounded to 4 significant digits to keep long runs' data files short.
public struct NormTrace: Codable, Equatable, Sendable {
    public enum Precision: Sendable, Equatable {
        case float
        case fourSignificantDigits
    }

    public private(set) var steps: [Int] = []
    /// norms[u][r] = ‖w_u‖ at steps[r].
    public private(set) var norms: [[Float]]
    public private(set) var logLoss: [Double] = []
    /// k(t) at steps[r] (nil when the run does not record it).
    public private(set) var k: [Double]?
    public let maxPoints: Int
    private var stride = 1
    private var precision: Precision = .float

    public init(neurons: Int, maxPoints: Int, precision: Precision = .float, recordsK: Bool = false) {
        self.maxPoints = max(maxPoints, 2)
        self.precision = precision
        norms = Array(repeating: [], count: neurons)
        k = recordsK ? [] : nil
    }

    public mutating func observe(step: Int, norms current: [Double], logLoss ll: Double, k kt: Double? = nil, isFinal: Bool) {
        guard step % stride == 0 || isFinal else { return }
        steps.append(step)
        for u in norms.indices {
            norms[u].append(precision == .float ? Float(current[u]) : roundedForPlot(current[u]))
        }
        logLoss.append(ll)
        if k != nil { k?.append(kt ?? .nan) }
        if steps.count > maxPoints && !isFinal { thin() }
    }

    /// Keeps the recorded steps that are multiples of 2·stride.
    private mutating func thin() {
        stride *= 2
        let keep = steps.indices.filter { steps[$0] % stride == 0 }
        steps = keep.map { steps[$0] }
        norms = norms.map { line in keep.map { line[$0] } }
        logLoss = keep.map { logLoss[$0] }
        k = k.map { values in keep.map { values[$0] } }
    }

    private enum CodingKeys: String, CodingKey { case steps, norms, logLoss, k, maxPoints }
}

/// x to 4 significant digits, as a Float (short in JSON, exact enough for a line).
public func roundedForPlot(_ x: Double) -> Float {
    guard x.isFinite, x != 0 else { return Float(x) }
    let scale = pow(10, 3 - floor(log10(abs(x))))
    return Float((x * scale).rounded() / scale)
}

extension NormTrace {
    /// The whole trace, with what data files leave out (the current stride and the rounding), so
    /// that a trace restored from a checkpoint keeps exactly the points the uninterrupted one keeps.
    public struct Saved: Codable, Equatable, Sendable {
        fileprivate var trace: NormTrace
        fileprivate var stride: Int
        fileprivate var roundsToFourDigits: Bool
    }

    public var saved: Saved { Saved(trace: self, stride: stride, roundsToFourDigits: precision == .fourSignificantDigits) }

    public init(saved: Saved) {
        self = saved.trace
        stride = saved.stride
        precision = saved.roundsToFourDigits ? .fourSignificantDigits : .float
    }
}
