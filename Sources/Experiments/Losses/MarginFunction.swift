import RealModule

/// The per-sample functions φ of Kohler et al.'s objective f(w̃) = E[φ(zᵀw̃)] (eq. 16) with the
/// derivatives their Stein-lemma gradients and Lipschitz constants need.
public enum MarginFunction: String, Codable, Sendable {
    case softplus
    case sigmoid
    /// φ(t) = (1 + t)²: least squares, since (y − xᵀw̃)² = (1 + zᵀw̃)² for y = ±1, z = −y x.
    case leastSquares

    /// φ(t).
    public func value(_ t: Double) -> Double {
        switch self {
        case .softplus: return Experiments.softplus(t)
        case .sigmoid: return Experiments.sigmoid(t)
        case .leastSquares: return (1 + t) * (1 + t)
        }
    }

    /// φ′(t): σ(t) for softplus; σ(t)(1 − σ(t)) for the sigmoid; 2(1 + t) for least squares.
    public func derivative(_ t: Double) -> Double {
        switch self {
        case .softplus: return Experiments.sigmoid(t)
        case .sigmoid: return Experiments.sigmoid(t) * Experiments.sigmoid(-t)
        case .leastSquares: return 2 * (1 + t)
        }
    }

    /// φ″(t): σ(1 − σ) for softplus; σ(1 − σ)(1 − 2σ) for the sigmoid; 2 for least squares.
    public func secondDerivative(_ t: Double) -> Double {
        let s = Experiments.sigmoid(t), sMinus = Experiments.sigmoid(-t)
        switch self {
        case .softplus: return s * sMinus
        case .sigmoid: return s * sMinus * (sMinus - s)
        case .leastSquares: return 2
        }
    }

    /// sup_t |φ″(t)|: 1/4 for softplus, 1/(6√3) for the sigmoid (at t = ±log(2 ± √3)), 2 for least squares.
    public var secondDerivativeBound: Double {
        switch self {
        case .softplus: return 0.25
        case .sigmoid: return 1 / (6 * Double(3).squareRoot())
        case .leastSquares: return 2
        }
    }

    /// (φ(t), φ′(t), φ″(t)) from one exponential: e = exp(−|t|), σ(t) and σ(−t) from e, softplus as
    /// max(t, 0) + log1p(e) — no overflow for any t. For the n×R passes of full-batch descent;
    /// `withValue: false` skips softplus's logarithm (the value is then 0).
    @inlinable
    public func derivatives(at t: Double, withValue: Bool = true) -> (value: Double, first: Double, second: Double) {
        derivatives(at: t, exponential: exponential(t), withValue: withValue)
    }

    /// e = exp(−|t|), the one exponential `derivatives` needs (none for least squares).
    @inlinable
    public func exponential(_ t: Double) -> Double {
        self == .leastSquares ? 0 : Double.exp(-Swift.abs(t))
    }

    /// `derivatives(at: t)` from e = `exponential(t)` computed by the caller: a pass over many t
    /// takes a block of exponentials first (calls only), then the rest (no calls, so the
    /// divisions and the sum overlap instead of waiting on each call).
    @inlinable
    public func derivatives(at t: Double, exponential e: Double, withValue: Bool = true) -> (value: Double, first: Double, second: Double) {
        if self == .leastSquares { return ((1 + t) * (1 + t), 2 * (1 + t), 2) }
        // σ(t), σ(−t): 1/(1 + e) and e/(1 + e), the numerator chosen before the division, so a
        // caller that needs only σ(t) (the g-steps) pays one division, not two.
        let positive = t >= 0, denominator = 1 + e
        let s = (positive ? 1 : e) / denominator, sMinus = (positive ? e : 1) / denominator
        switch self {
        case .softplus: return (withValue ? Swift.max(t, 0) + Double.log(onePlus: e) : 0, s, s * sMinus)
        case .sigmoid: return (s, s * sMinus, s * sMinus * (sMinus - s))
        case .leastSquares: return ((1 + t) * (1 + t), 2 * (1 + t), 2)
        }
    }
}
