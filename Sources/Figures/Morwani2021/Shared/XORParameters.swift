import Experiments
import FigureKit

/// Morwani2021 Fig. 5: the XOR experiment (FIGURES.md morwani2021-fig5; paper §4.3, App. L.3).
public struct XORParameters: FigureParameters {
    /// Hidden ReLU units (line 297).
    public var hiddenUnits: Int
    /// σ of the i.i.d. N(0, σ²) initial first-layer weights (CHOSEN; the paper gives none).
    public var initialScale: Double
    /// c in η(t) = k(t)/L^c (App. L.3; digits garbled, CHOSEN 0.9, FIGURES.md §0.2).
    public var lrExponent: Double
    /// k(0) (App. L.3).
    public var initialK: Double
    /// Cap on k for EWN (App. L.3: 0.01).
    public var kMaxEWN: Double
    /// Cap on k for Unnorm (App. L.3: "0.1 for other cases").
    public var kMaxUnnorm: Double
    /// Stop once log L ≤ this (App. L.3: e^-50).
    public var targetLogLoss: Double
    /// Step budget (CHOSEN); a run that hits it is reported, never hidden.
    public var maxSteps: Int
    /// At most this many recorded points per neuron line, plus the last step (drawing only;
    /// FIGURES.md allows ≤ 2000, CHOSEN 500 to keep the data file small).
    public var plotPoints: Int
    /// Step at which the EWN slow start is checked (claim xor-ewn-slow-start).
    public var earlyStep: Int

    public init(
        hiddenUnits: Int, initialScale: Double, lrExponent: Double, initialK: Double, kMaxEWN: Double,
        kMaxUnnorm: Double, targetLogLoss: Double, maxSteps: Int, plotPoints: Int, earlyStep: Int
    ) {
        self.hiddenUnits = hiddenUnits
        self.initialScale = initialScale
        self.lrExponent = lrExponent
        self.initialK = initialK
        self.kMaxEWN = kMaxEWN
        self.kMaxUnnorm = kMaxUnnorm
        self.targetLogLoss = targetLogLoss
        self.maxSteps = maxSteps
        self.plotPoints = plotPoints
        self.earlyStep = earlyStep
    }

    /// default = paper (target e^-50); smoke stops at e^-20 on the same net.
    public static func preset(_ scale: Scale) -> XORParameters {
        XORParameters(
            hiddenUnits: 20, initialScale: 0.1, lrExponent: 0.9, initialK: 0.01, kMaxEWN: 0.01, kMaxUnnorm: 0.1,
            targetLogLoss: scale == .smoke ? -20 : -50, maxSteps: 50_000, plotPoints: 500, earlyStep: 500)
    }

    /// Throws one line naming the first bad value and the fix.
    public func validate() throws {
        func bad(_ message: String) -> FigureKitError { FigureKitError(.usage, "morwani2021 XOR: \(message)") }
        // Two units of each output sign are needed: the two points of a class are antipodal (line 299).
        guard hiddenUnits >= 4 else { throw bad("hiddenUnits = \(hiddenUnits) cannot fit XOR without biases; use at least 4") }
        guard initialScale > 0, initialScale.isFinite else { throw bad("initialScale = \(initialScale) must be a positive number") }
        guard lrExponent >= 0, lrExponent <= 1 else { throw bad("lrExponent = \(lrExponent) must lie in [0, 1] (App. L: c < 1)") }
        for (name, value) in [("initialK", initialK), ("kMaxEWN", kMaxEWN), ("kMaxUnnorm", kMaxUnnorm)] {
            guard value > 0, value.isFinite else { throw bad("\(name) = \(value) must be a positive number") }
        }
        guard targetLogLoss.isFinite else { throw bad("targetLogLoss must be a finite log-loss, e.g. -50") }
        guard maxSteps >= 0 else { throw bad("maxSteps = \(maxSteps) must be ≥ 0") }
        guard plotPoints >= 2 else { throw bad("plotPoints = \(plotPoints) must be ≥ 2") }
        guard earlyStep >= 0 else { throw bad("earlyStep = \(earlyStep) must be ≥ 0") }
    }

    /// The step-size rule of each parameterization (App. L.3): η(t) = k(t)/L^c, k(0) = initialK.
    public func stepRule(kMax: Double) -> AdaptiveStepRule {
        AdaptiveStepRule(exponent: lrExponent, maxK: kMax, initialK: initialK)
    }

    /// Stop at log L ≤ target or after maxSteps (App. L.3: trained "till a loss of e^-50").
    public var stopping: StoppingRule { StoppingRule(maxSteps: maxSteps, targetLogLoss: targetLogLoss) }
}
