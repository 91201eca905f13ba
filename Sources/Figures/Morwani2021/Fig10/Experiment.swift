import Experiments
import FigureKit
import Morwani2021Shared

/// Fig. 10's data: the Fig. 5 runs (same start) and the SWN run.
public struct XORAppendixData: Codable, Equatable, Sendable {
    public var xor: XORData
    public var swn: XORRun

}

/// EWN and Unnorm exactly as Fig. 5, then SWN (eq. 1–2, k_max 0.1) from the same start.
public func runXORAppendix(_ params: XORAppendixParameters, context: RunContext) throws -> XORAppendixData {
    guard params.kMaxSWN > 0, params.kMaxSWN.isFinite else {
        throw FigureKitError(.usage, "morwani2021-fig10: kMaxSWN = \(params.kMaxSWN) must be a positive number")
    }
    let xor = try runXOR(params.xor, context: context)
    let swn = trainXOR(
        .standard, from: xor.start, rule: params.xor.stepRule(kMax: params.kMaxSWN), params: params.xor,
        progress: context.progress)
    return XORAppendixData(xor: xor, swn: swn)
}
