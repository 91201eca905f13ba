import Experiments
import FigureKit
import Morwani2021Shared

/// Mean of a pruning curve over [from, to] percent (trapezoid rule on the grid): the "area under
/// the curve" of the claims, in accuracy units.
public func meanAccuracy(_ accuracy: [Double], percents: [Int], from: Int, to: Int) -> Double {
    precondition(accuracy.count == percents.count, "meanAccuracy: \(accuracy.count) accuracies for \(percents.count) percents")
    var area = 0.0
    for i in 1..<percents.count where percents[i - 1] >= from && percents[i] <= to {
        area += 0.5 * (accuracy[i - 1] + accuracy[i]) * Double(percents[i] - percents[i - 1])
    }
    return area / Double(to - from)
}

/// The accuracy at `percent` pruned (nil when the grid does not hold it).
public func prunedAccuracy(at percent: Int, _ curve: [Double], percents: [Int]) -> Double? {
    percents.firstIndex(of: percent).map { curve[$0] }
}

/// The Fig. 7 claims (FIGURES.md morwani2021-fig7).
public func pruningClaims(_ data: MNISTPruningExperiment, params: MNISTPruningParameters, scale: Scale) -> [Claim] {
    var claims: [Claim] = []
    // A non-finite attempt is rolled back like any rise, so it does not spoil a run that goes on.
    let reachedAll = data.runs.allSatisfy { run in run.snapshots.allSatisfy(\.reached) && run.finalLogLoss.isFinite }
    claims.append(Claim(
        id: "mnist-reaches-levels",
        statement: "EWN, SWN and Unnorm each reach log L ≤ \(formatNumber(params.highLogLoss)) and ≤ \(formatNumber(params.lowLogLoss)) within \(params.maxEpochs) epoch attempts each, ending at a finite loss",
        passed: reachedAll && data.runs.count == 3,
        measured: data.runs.map(levelSummary).joined(separator: "; ")))
    guard scale != .smoke else { return claims }

    let percents = data.percents
    let unpruned = data.runs.flatMap { run in run.snapshots.map { ($0.accuracy.first ?? .nan, run.name, $0.logLossLevel) } }
    let worst = unpruned.min { $0.0 < $1.0 } ?? (.nan, "", 0)
    claims.append(.atLeast(
        "mnist-unpruned-acc",
        "unpruned test accuracy ≥ 0.80 for every parameterization at both levels",
        value: worst.0, bound: 0.80))

    let low = params.lowLogLoss
    let curves = Dictionary(uniqueKeysWithValues: data.runs.map { ($0.parameterization, $0.snapshot(low)?.accuracy ?? []) })
    let ewn = curves[.exponential] ?? [], swn = curves[.standard] ?? [], unnorm = curves[.unnormalized] ?? []
    let (bandFrom, bandTo) = (params.bandStartPercent, params.bandEndPercent)
    if ewn.count == percents.count, swn.count == percents.count, unnorm.count == percents.count {
        let ewn0 = ewn[0], ewn50 = prunedAccuracy(at: 50, ewn, percents: percents) ?? .nan
        let band = [ewn, swn, unnorm].map { meanAccuracy($0, percents: percents, from: bandFrom, to: bandTo) }
        let auc = [ewn, swn, unnorm].map { meanAccuracy($0, percents: percents, from: 0, to: 90) }
        let lead = band[0] - max(band[1], band[2])
        let at50 = [swn, unnorm].map { prunedAccuracy(at: 50, $0, percents: percents) ?? .nan }
        claims.append(Claim(
            id: "mnist-ewn-prunable",
            statement: "at L = e^\(formatNumber(low)) EWN loses ≤ 0.05 accuracy when 50% of the first layer is pruned, its mean accuracy over \(bandFrom)–\(bandTo)% pruned exceeds both SWN's and Unnorm's by ≥ 0.05, and its mean over 0–90% exceeds both",
            passed: ewn50 >= ewn0 - 0.05 && lead >= 0.05 && auc[0] > auc[1] && auc[0] > auc[2],
            measured: "EWN \(formatNumber(ewn0)) → \(formatNumber(ewn50)) at 50% (SWN \(formatNumber(at50[0])), Unnorm \(formatNumber(at50[1]))); mean over \(bandFrom)–\(bandTo)%: EWN \(formatNumber(band[0])), SWN \(formatNumber(band[1])), Unnorm \(formatNumber(band[2])) (lead \(formatNumber(lead))); mean over 0–90%: EWN \(formatNumber(auc[0])), SWN \(formatNumber(auc[1])), Unnorm \(formatNumber(auc[2]))"))
    } else {
        claims.append(Claim(
            id: "mnist-ewn-prunable", statement: "EWN is more prunable than SWN and Unnorm at L = e^\(formatNumber(low))",
            passed: false, measured: "a pruning curve at the low level is missing"))
    }

    if let ewnRun = data.run(.exponential), let high = ewnRun.snapshot(params.highLogLoss), let lowSnap = ewnRun.snapshot(low),
        high.accuracy.count == percents.count, lowSnap.accuracy.count == percents.count
    {
        let aucHigh = meanAccuracy(high.accuracy, percents: percents, from: 0, to: 90)
        let aucLow = meanAccuracy(lowSnap.accuracy, percents: percents, from: 0, to: 90)
        claims.append(Claim(
            id: "mnist-low-loss-matters",
            statement: "EWN's mean accuracy over 0–90% pruned is higher at L = e^\(formatNumber(low)) than at L = e^\(formatNumber(params.highLogLoss))",
            passed: aucLow - aucHigh > 0,
            measured: "e^\(formatNumber(params.highLogLoss)): \(formatNumber(aucHigh)), e^\(formatNumber(low)): \(formatNumber(aucLow)) (difference \(formatNumber(aucLow - aucHigh)))"))
    } else {
        claims.append(Claim(
            id: "mnist-low-loss-matters", statement: "EWN is more prunable at the low level than at e^\(formatNumber(params.highLogLoss))",
            passed: false, measured: "an EWN pruning curve is missing"))
    }
    return claims
}
