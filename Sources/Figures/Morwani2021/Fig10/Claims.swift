import Experiments
import FigureKit
import Morwani2021Shared

/// The Fig. 5 claims on panels (b, c) plus the SWN claims of FIGURES.md morwani2021-fig10.
public func xorAppendixClaims(_ data: XORAppendixData, params: XORAppendixParameters, scale: Scale) -> [Claim] {
    let smoke = scale == .smoke
    var claims = xorClaims(data.xor, params: params.xor, scale: scale)
    let swn = data.swn.finalNorms
    let floor = 10 * params.initialScale

    let grown = swn.filter { $0 >= floor }.count
    let manyBound = smoke ? 5 : 8
    claims.append(.atLeast(
        "xor-swn-many",
        "SWN keeps many neurons: at least \(manyBound) end with ‖w_j‖ ≥ 10σ = \(formatNumber(floor))",
        value: Double(grown), bound: Double(manyBound)))

    let ewnLarge = countAbove(data.xor.ewn.finalNorms, fractionOfMax: 0.25)
    let swnLarge = countAbove(swn, fractionOfMax: 0.25)
    let swnBound = smoke ? 5 : 7
    if smoke {
        claims.append(Claim(
            id: "xor-ewn-sparser-than-swn",
            statement: "SWN is not sparse: at least \(swnBound) neurons end with ‖w_j‖ ≥ 0.25·max_j ‖w_j‖",
            passed: swnLarge >= swnBound,
            measured: "SWN \(swnLarge) neurons (EWN \(ewnLarge))"))
    } else {
        claims.append(Claim(
            id: "xor-ewn-sparser-than-swn",
            statement: "neurons with ‖w_j‖ ≥ 0.25·max_j ‖w_j‖: 4 or 5 for EWN, at least \(swnBound) for SWN",
            passed: (4...5).contains(ewnLarge) && swnLarge >= swnBound,
            measured: "EWN \(ewnLarge), SWN \(swnLarge)"))
        claims.append(.atMost(
            "xor-swn-progress",
            "SWN makes progress even where k decays: final log L ≤ −20 (SWN \(data.swn.reachedTarget ? "reached" : "did NOT reach") log L ≤ \(formatNumber(params.targetLogLoss)) in \(data.swn.stopStep) steps)",
            value: data.swn.finalLogLoss, bound: -20))
    }
    return claims
}
