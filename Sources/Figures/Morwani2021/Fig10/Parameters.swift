import FigureKit
import Morwani2021Shared

/// Morwani2021 Fig. 10: the Fig. 5 XOR experiment plus SWN (FIGURES.md morwani2021-fig10).
/// Flat (for `--set`): the Fig. 5 parameters and SWN's cap on k.
public struct XORAppendixParameters: FigureParameters {
    public var hiddenUnits: Int
    public var initialScale: Double
    public var lrExponent: Double
    public var initialK: Double
    public var kMaxEWN: Double
    public var kMaxUnnorm: Double
    /// Cap on k for SWN (App. L.3: "0.1 for other cases").
    public var kMaxSWN: Double
    public var targetLogLoss: Double
    public var maxSteps: Int
    public var plotPoints: Int
    public var earlyStep: Int

    /// The Fig. 5 values of every scale, plus k_max = 0.1 for SWN.
    public static func preset(_ scale: Scale) -> XORAppendixParameters {
        let base = XORParameters.preset(scale)
        return XORAppendixParameters(
            hiddenUnits: base.hiddenUnits, initialScale: base.initialScale, lrExponent: base.lrExponent,
            initialK: base.initialK, kMaxEWN: base.kMaxEWN, kMaxUnnorm: base.kMaxUnnorm, kMaxSWN: 0.1,
            targetLogLoss: base.targetLogLoss, maxSteps: base.maxSteps, plotPoints: base.plotPoints,
            earlyStep: base.earlyStep)
    }

    /// The Fig. 5 part (panels a–c are the Fig. 5 runs).
    public var xor: XORParameters {
        XORParameters(
            hiddenUnits: hiddenUnits, initialScale: initialScale, lrExponent: lrExponent, initialK: initialK,
            kMaxEWN: kMaxEWN, kMaxUnnorm: kMaxUnnorm, targetLogLoss: targetLogLoss, maxSteps: maxSteps,
            plotPoints: plotPoints, earlyStep: earlyStep)
    }
}
