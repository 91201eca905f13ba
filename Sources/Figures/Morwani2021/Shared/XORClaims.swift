import Experiments
import FigureKit

/// Whether the four largest units are 2 with a_j = +1 and 2 with a_j = −1, and each data point
/// has exactly one of them with a_j = y_i active on it (w_j·x_i > 0): the minimal XOR solution.
public func fourUnitsCoverXOR(finalWeights w: [[Double]], finalNorms: [Double], secondLayer a: [Double])
    -> (passed: Bool, description: String)
{
    let top = largestNeurons(finalNorms, count: 4)
    let positive = top.filter { a[$0] > 0 }.count
    let cover = XORProblem.inputs.indices.map { i in
        top.filter { a[$0] == XORProblem.labels[i] && dot(w[$0], XORProblem.inputs[i]) > 0 }.count
    }
    let passed = positive == 2 && cover.allSatisfy { $0 == 1 }
    let units = top.map { "\($0 + 1)" }.joined(separator: ",")
    return (passed, "top-4 units \(units): \(positive) with a=+1, \(4 - positive) with a=−1; right-sign active units per point \(cover.map(String.init).joined(separator: "/"))")
}

/// The Fig. 5 claims (FIGURES.md morwani2021-fig5) on the EWN and Unnorm runs.
public func xorClaims(_ data: XORData, params: XORParameters, scale: Scale) -> [Claim] {
    let smoke = scale == .smoke
    let ewn = data.ewn.finalNorms
    var claims: [Claim] = []

    let pr = participationRatio(ewn)
    let share = topShare(ewn, count: 4)
    let prRange: ClosedRange<Double> = smoke ? 3.5...4.4 : 3.7...4.3
    let shareBound = smoke ? 0.85 : 0.88
    claims.append(Claim(
        id: "xor-ewn-four",
        statement: "EWN uses exactly 4 of the \(data.ewn.finalNorms.count) neurons: participation ratio of the final norms in [\(formatNumber(prRange.lowerBound)), \(formatNumber(prRange.upperBound))] and the 4 largest hold ≥ \(formatNumber(100 * shareBound))% of Σ‖w_j‖²",
        passed: prRange.contains(pr) && share >= shareBound,
        measured: "participation ratio \(formatNumber(pr)), top-4 share \(formatNumber(100 * share))%"))

    let floor = 10 * params.initialScale
    let weakest = data.unnorm.finalNorms.min() ?? 0
    claims.append(.atLeast(
        "xor-unnorm-all",
        "Unnorm uses all \(data.unnorm.finalNorms.count) neurons: every final ‖w_j‖ ≥ 10σ = \(formatNumber(floor))",
        value: weakest, bound: floor))

    guard !smoke else { return claims }

    let cover = fourUnitsCoverXOR(finalWeights: data.ewn.finalWeights, finalNorms: ewn, secondLayer: data.start.secondLayer)
    claims.append(Claim(
        id: "xor-ewn-signs",
        statement: "the 4 largest EWN neurons are 2 with a_j = +1 and 2 with a_j = −1, and each data point has exactly one of them with a_j = y_i active on it",
        passed: cover.passed, measured: cover.description))

    let runs = [data.ewn, data.unnorm]
    let converged = runs.allSatisfy(\.reachedTarget)
    let unnormCalm = data.unnorm.upSteps <= 10 && data.unnorm.largestIncrease <= 0.1
    let reached = runs.map {
        "\($0.name) \($0.reachedTarget ? "reached" : "did NOT reach") log L = \(formatNumber($0.finalLogLoss)) at step \($0.stopStep)"
    }
    claims.append(Claim(
        id: "xor-converged",
        statement: "EWN and Unnorm reach log L ≤ \(formatNumber(params.targetLogLoss)) within \(params.maxSteps) steps; Unnorm has ≤ 10 loss-increasing steps, each ≤ 0.1 in log L",
        passed: converged && unnormCalm,
        measured: reached.joined(separator: "; ")
            + "; Unnorm \(data.unnorm.upSteps) up-steps, largest rise \(formatNumber(data.unnorm.largestIncrease))"))

    if let early = data.ewn.earlyNorms {
        claims.append(.atMost(
            "xor-ewn-slow-start",
            "EWN grows late: at step \(params.earlyStep) every ‖w_j‖ ≤ 1 (the effective rate η‖w‖² is tiny at σ = \(formatNumber(params.initialScale)))",
            value: early.max() ?? 0, bound: 1))
    } else {
        claims.append(Claim(
            id: "xor-ewn-slow-start",
            statement: "EWN grows late: at step \(params.earlyStep) every ‖w_j‖ ≤ 1",
            passed: false, measured: "EWN stopped at step \(data.ewn.stopStep), before step \(params.earlyStep)"))
    }
    return claims
}
