import RealModule

/// Morwani & Ramaswamy's adaptive learning rate (App. L.1–L.5), run in the log domain exactly as
/// FIGURES.md Part 2 §0.2 states it:
///   η(t) = k(t)/L(t)^c, so the step is η∇L = s_t·G with s_t = k_t·exp(logGradientScale − c·ℓℓ_t)
///   (= k_t·exp((1 − c)·ℓℓ_t) for the log-domain losses, where G = ∇ log L);
///   after every step: k ← min(1.1·k, k_max) if ℓℓ_{t+1} < ℓℓ_t (strict), else k ← k/1.1.
/// CHOSEN (the paper is silent): every step is accepted, never undone; a tie counts as a rise;
/// k(0) = 0.01 is the k of the very first step. The exponent c is per figure (`lrExponent`).
public struct AdaptiveStepRule: Equatable, Codable, Sendable {
    /// c in η = k/L^c (0 < c < 1).
    public let exponent: Double
    /// k_max.
    public let maxK: Double
    /// The multiplicative adjustment (1.1 in App. L).
    public let factor: Double
    /// k_t, the k of the next step.
    public private(set) var k: Double

    public init(exponent: Double, maxK: Double, initialK: Double = 0.01, factor: Double = 1.1) {
        precondition(exponent >= 0 && exponent <= 1, "AdaptiveStepRule: exponent c must lie in [0, 1], got \(exponent)")
        precondition(maxK > 0 && initialK > 0 && factor > 1, "AdaptiveStepRule: k and the factor must be positive (factor > 1)")
        self.exponent = exponent
        self.maxK = maxK
        self.factor = factor
        self.k = initialK
    }

    /// s_t, the multiplier of the stored gradient for the next step, never forming L or η.
    public func stepMultiplier(at level: LossLevel) -> Double {
        k * Double.exp(level.logGradientScale - exponent * level.logLoss)
    }

    /// The multiplier for a gradient stored in units of exp(logGradientScale) when η = k/L^c takes
    /// its L from elsewhere: `scheduleLogLoss` = log L at the start of the epoch, over the whole
    /// training set (Lyu & Li's epoch-wise schedule), while the gradient is a mini-batch's.
    public func stepMultiplier(logGradientScale: Double, scheduleLogLoss: Double) -> Double {
        k * Double.exp(logGradientScale - exponent * scheduleLogLoss)
    }

    /// Adjusts k after a step from ℓℓ_t to ℓℓ_{t+1}; returns true if the loss went down.
    @discardableResult
    public mutating func update(previousLogLoss: Double, newLogLoss: Double) -> Bool {
        let wentDown = newLogLoss < previousLogLoss
        adjust(lossWentDown: wentDown)
        return wentDown
    }

    /// k ← min(factor·k, k_max) after a decrease, k ← k/factor otherwise.
    public mutating func adjust(lossWentDown: Bool) {
        k = lossWentDown ? min(factor * k, maxK) : k / factor
    }
}
