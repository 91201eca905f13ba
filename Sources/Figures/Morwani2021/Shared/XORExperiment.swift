import Experiments
import FigureKit

/// Everything Fig. 5 draws: the data set, the shared start, and the EWN and Unnorm runs.
public struct XORData: Codable, Equatable, Sendable {
    public var inputs: [[Double]]
    public var labels: [Double]
    public var start: XORInitialization
    public var ewn: XORRun
    public var unnorm: XORRun
}

/// The start drawn from the figure seed (stream "init", acceptance rule of FIGURES.md).
public func drawXORStart(_ params: XORParameters, context: RunContext) throws -> XORInitialization {
    try params.validate()
    let limit = 100_000
    guard let start = XORInitialization.draw(
        seed: context.seed, hiddenUnits: params.hiddenUnits, scale: params.initialScale, maxRedraws: limit)
    else {
        throw FigureKitError(
            .usage,
            "morwani2021 XOR: no start in \(limit) draws gives every point an active unit of its own sign; use more hiddenUnits")
    }
    return start
}

/// EWN (k_max 0.01) and Unnorm (k_max 0.1) from the same start (App. L.3). Figs. 5 and 10 plot
/// these runs: whichever runs first computes them for both, through the cache.
public func runXOR(_ params: XORParameters, context: RunContext) throws -> XORData {
    try context.shared("morwani2021-xor", parameters: params) { try trainXORPair(params, context: context) }
}

private func trainXORPair(_ params: XORParameters, context: RunContext) throws -> XORData {
    let start = try drawXORStart(params, context: context)
    let ewn = trainXOR(
        .exponential, from: start, rule: params.stepRule(kMax: params.kMaxEWN), params: params,
        progress: context.progress)
    let unnorm = trainXOR(
        .unnormalized, from: start, rule: params.stepRule(kMax: params.kMaxUnnorm), params: params,
        progress: context.progress)
    return XORData(inputs: XORProblem.inputs, labels: XORProblem.labels, start: start, ewn: ewn, unnorm: unnorm)
}
