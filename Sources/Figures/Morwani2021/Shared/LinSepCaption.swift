import Experiments
import FigureKit

/// The setup every Lin-Sep caption states, with the CHOSEN values.
func linSepSettingsSentence(_ run: LinSepRun, params: LinSepParameters) -> String {
    let update = run.parameterization == .exponential ? "EWN, eq. (3)–(4)" : "SWN, eq. (1)–(2)"
    return "Lin-Sep: 16 linearly separable points (CHOSEN, the paper gives none), Φ(w, x) = Σ_u a_u relu(w_uᵀx)² with 8 hidden neurons "
        + "and a = (+1, −1, …) fixed (CHOSEN), exponential loss summed over the points, gradient descent under \(update) "
        + "from \(run.start.source); η(t) = k(t)/L^{c} with c = \(formatNumber(params.lrExponent)) (CHOSEN: the paper's exponent is illegible), "
        + "k(0) = \(formatNumber(params.initialK)), ×1.1 after a loss decrease, ÷1.1 otherwise, capped at \(formatNumber(params.maxK)), every step kept; "
        + "everything in log space. "
        + (run.reachedTarget
            ? "The run reached log L ≤ \(formatNumber(params.targetLogLoss)) at step \(run.stopStep) with \(run.upSteps) loss-increasing steps."
            : "The run did NOT reach log L ≤ \(formatNumber(params.targetLogLoss)): log L = \(formatNumber(run.final.logLoss)) after \(run.stopStep) steps.")
}

/// "neurons 1, 2 and 3" / "neuron 4".
func neuronPhrase(_ neurons: [Int]) -> String {
    let names = neurons.map { "\($0 + 1)" }
    guard names.count > 1 else { return "neuron \(names.first ?? "none")" }
    return "neurons \(names.dropLast().joined(separator: ", ")) and \(names.last!)"
}

/// Figs. 2 and 8: what panels (a)–(e) show, with the results read from the run.
public func linSepAssumptionsCaption(_ data: LinSepData, params: LinSepParameters) -> String {
    let run = data.run, final = data.run.final
    let growing = run.growingNeurons(fraction: params.growingFraction)
    let others = final.norms.indices.filter { !growing.contains($0) }
    let otherMax = others.map { final.norms[$0] }.max()
    let marginSentence = final.margin > 0
        ? "it ends at \(formatNumber(final.margin)) > 0"
        : "it ends at \(formatNumber(final.margin)), NOT positive"
    return "Verification of assumptions (A1)–(A4) for \(run.name) on Lin-Sep. (a) The data set. "
        + "(b) ‖w_u‖ of the \(final.norms.count) neurons against steps: \(growing.count) of \(final.norms.count) keep growing (\(neuronPhrase(growing)), "
        + "‖w_u(T)‖ ≥ \(formatNumber(params.growingFraction))·max)"
        + (otherMax.map { ", the others end at ‖w_u‖ ≤ \(formatNumber($0))" } ?? "") + ". "
        + "(c) The components of w_u/‖w‖ for the growing neurons. (d) The components of the loss vector ℓ/‖ℓ‖. "
        + "(e) The normalized parameter margin min_i y_iΦ(w, x_i)/‖w‖², shown once positive: \(marginSentence). "
        + (data.ewnFinalNorms.map { ewn in
            let count = ewn.filter { $0 >= params.growingFraction * (ewn.max() ?? 0) }.count
            return "Under EWN from the same start (Fig. 2) \(count) neurons keep growing. "
        } ?? "")
        + linSepSettingsSentence(run, params: params)
}

/// Figs. 3 and 9: Proposition 2 and Theorem 2, with the measured spreads.
public func linSepTheorem2Caption(_ data: LinSepData, params: LinSepParameters) -> String {
    let run = data.run
    let growing = run.growingNeurons(fraction: params.growingFraction)
    let relation = Theorem2Relation(run.parameterization)
    let reached = run.snapshots.compactMap(\.state)
    let spreads = reached.map { formatNumber(relation.spread($0, neurons: growing)) }.joined(separator: ", ")
    let others = reached.map { formatNumber(relation.other.spread($0, neurons: growing)) }.joined(separator: ", ")
    let levels = run.snapshots.map { "e^\(formatNumber($0.level))" }.joined(separator: ", ")
    return "Proposition 2 and Theorem 2 for \(run.name) on Lin-Sep. (a) cos(−∇L(w(t)), g̃), with g̃ approximated by −∇L at the last step. "
        + "(b) cos(w_u(t), −∇_{w_u}L(w(t))) for the growing \(neuronPhrase(growing)). "
        + "(c)–(e) ln‖∇_{w_u}L‖ against ln‖w_u‖ for the growing neurons at the first steps with L ≤ \(levels), with a dashed line of slope "
        + "\(relation.slope > 0 ? "+1" : "−1") through their centroid: \(relation.invariantName) spreads by \(spreads) over the growing neurons "
        + "(\(relation.other.invariantName), the other parameterization's relation, by \(others)). "
        + "ln‖∇_{w_u}L‖ = ln L + ln‖∇_{w_u}L/L‖, never forming ∇L itself. "
        + linSepSettingsSentence(run, params: params)
}
