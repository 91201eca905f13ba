import Experiments
import FigureKit

/// The Lin-Sep run behind Figs. 2, 3 (EWN) and 8, 9 (SWN) (FIGURES.md Part 3; App. L.1). All four
/// figures take these parameters, so a figure and its partner (2 and 3, 8 and 9) name the same run.
public struct LinSepParameters: FigureParameters {
    /// c in η(t) = k(t)/L^c (App. L.1 l.2237, digits garbled "⅛7"; CHOSEN 0.97, FIGURES.md).
    public var lrExponent: Double
    /// k(0) (l.2238: 0.01).
    public var initialK: Double
    /// Cap on k (l.2240: 0.01 for EWN and SWN).
    public var maxK: Double
    /// Stop at the first step with log L ≤ this (l.179: "trained till a loss of e^-300").
    public var targetLogLoss: Double
    /// The log-loss levels of the Theorem 2 snapshots, Figs. 3/9 (c)–(e) (l.250: e^-200, e^-250, e^-300).
    public var snapshotLogLosses: [Double]
    /// Step budget (CHOSEN); a run that spends it is reported, never hidden.
    public var maxSteps: Int
    /// At most this many recorded steps (every step while they fit, then every 2^j-th) plus the
    /// last one (CHOSEN: keeps the data file small; claims that need every step are measured in the run).
    public var maxRecords: Int
    /// A neuron "keeps growing" if ‖w_u(T)‖ ≥ this · max_v ‖w_v(T)‖ (CHOSEN 0.3, FIGURES.md fig2).
    public var growingFraction: Double
    /// γ̄ must not decrease from the first step with log L ≤ this on. CHOSEN e^-200, not FIGURES.md's
    /// e^-50 (measured at c = 0.96): at c = 0.97 EWN's steps from e^-50 to e^-191 lower log L by up
    /// to ≈ 20 each, and γ̄ dips 8 times there (by up to 3.2 %, at step 24); from e^-191 on it never falls.
    public var marginFromLogLoss: Double
    /// x axis of the panels against time: "steps" (the paper's) or "loglossneg" (x = −log L).
    public var xAxis: String

    /// default = paper (e^-300, snapshots e^-200/-250/-300). Smoke trains the same run and keeps
    /// fewer records (CHOSEN, not FIGURES.md's stop at e^-60 with snapshots e^-40/-50/-60: at
    /// c = 0.97 EWN reaches e^-60 at step 24, inside the oscillation that ends near e^-195, where
    /// Theorem 2's spreads are 3–22 and one growing neuron points away from −∇L (cos 0.08); the
    /// whole run to e^-300 takes ≈ 0.1 s).
    public static func preset(_ scale: Scale) -> LinSepParameters {
        let smoke = scale == .smoke
        return LinSepParameters(
            lrExponent: 0.97, initialK: 0.01, maxK: 0.01, targetLogLoss: -300,
            snapshotLogLosses: [-200, -250, -300], maxSteps: 200_000, maxRecords: smoke ? 100 : 400,
            growingFraction: 0.3, marginFromLogLoss: -200, xAxis: "steps")
    }

    /// Throws one line naming the first bad value and the fix.
    public func validate() throws {
        func bad(_ message: String) -> FigureKitError { FigureKitError(.usage, "morwani2021 Lin-Sep: \(message)") }
        guard lrExponent >= 0, lrExponent <= 1 else { throw bad("lrExponent = \(lrExponent) must lie in [0, 1] (App. L: c < 1)") }
        for (name, value) in [("initialK", initialK), ("maxK", maxK)] {
            guard value > 0, value.isFinite else { throw bad("\(name) = \(value) must be a positive number") }
        }
        guard targetLogLoss.isFinite else { throw bad("targetLogLoss must be a finite log-loss, e.g. -300") }
        guard !snapshotLogLosses.isEmpty, snapshotLogLosses.allSatisfy({ $0.isFinite && $0 >= targetLogLoss }) else {
            throw bad("snapshotLogLosses = \(snapshotLogLosses) must be finite levels at or above targetLogLoss = \(targetLogLoss)")
        }
        guard maxSteps >= 0 else { throw bad("maxSteps = \(maxSteps) must be ≥ 0") }
        guard maxRecords >= 2 else { throw bad("maxRecords = \(maxRecords) must be ≥ 2") }
        guard growingFraction > 0, growingFraction < 1 else { throw bad("growingFraction = \(growingFraction) must lie in (0, 1)") }
        guard LinSepTimeAxis(rawValue: xAxis) != nil else { throw bad("xAxis = \(xAxis) must be \"steps\" or \"loglossneg\"") }
    }

    /// η(t) = k(t)/L^c with k(0) = initialK, ×1.1 on a decrease, ÷1.1 otherwise, capped at maxK (App. L.1).
    public var stepRule: AdaptiveStepRule { AdaptiveStepRule(exponent: lrExponent, maxK: maxK, initialK: initialK) }

    public var stopping: StoppingRule { StoppingRule(maxSteps: maxSteps, targetLogLoss: targetLogLoss) }
}

/// What the x axis of the time panels shows.
public enum LinSepTimeAxis: String, Sendable {
    /// GD step t, linear (the paper's).
    case steps
    /// −log L(t): spreads EWN's last steps, which cover most of the log-loss range.
    case loglossneg
}
