import Experiments
import FigureKit
import Foundation

/// One recorded step of a Lin-Sep run: what every panel of Figs. 2, 3, 8, 9 is drawn from.
/// Gradients are stored as G_u = ∇_{w_u}L / L = ∇_{w_u} log L: ∇L itself is ≈ e^-297 at the end.
public struct LinSepState: Codable, Equatable, Sendable {
    /// t: steps taken.
    public var step: Int
    /// log L(w(t)).
    public var logLoss: Double
    /// k of the next step.
    public var k: Double
    /// ‖w_u‖ as the parameterization stores it: e^{α_u} (EWN), |γ_u| (SWN).
    public var norms: [Double]
    /// Effective w_u, one row per neuron.
    public var weights: [[Double]]
    /// G_u = ∇_{w_u} log L, one row per neuron; log‖∇_{w_u}L‖ = log L + log‖G_u‖.
    public var gradient: [[Double]]
    /// p_i = ℓ_i / L (softmax of −y_iΦ): the direction of the loss vector ℓ.
    public var lossShares: [Double]
    /// γ̄ = min_i y_iΦ(w, x_i) / ‖w‖² (Fig. 2 (e)).
    public var margin: Double

    /// log‖∇_{w_u}L‖ = log L + log‖G_u‖, never forming ∇L.
    public var logGradientNorms: [Double] { gradient.map { logLoss + log(norm($0)) } }
    public var logNorms: [Double] { norms.map { log($0) } }
}

/// The snapshot at the first step with log L ≤ `level` (not interpolated; nil if never reached).
public struct LinSepSnapshot: Codable, Equatable, Sendable {
    public var level: Double
    public var state: LinSepState?
}

/// One gradient-descent run on Lin-Sep under EWN or SWN.
public struct LinSepRun: Codable, Equatable, Sendable {
    public var parameterization: WeightParameterization
    public var start: LinSepStart
    /// Recorded steps: every stride-th from 0 (stride a power of 2, the smallest that keeps at
    /// most `maxRecords`), plus the last one T.
    public var states: [LinSepState]
    /// The first steps at or below each snapshot level, in the order of the levels.
    public var snapshots: [LinSepSnapshot]
    /// T.
    public var stopStep: Int
    public var reachedTarget: Bool
    /// Steps after which log L did not go strictly down.
    public var upSteps: Int
    /// The first step at which log L, Φ or γ̄ was NaN or infinite (nil: none, over every step).
    public var firstNonFiniteStep: Int?
    /// Largest relative one-step decrease of γ̄, max_t (γ̄(t−1) − γ̄(t))/|γ̄(t−1)|, over every step
    /// t − 1 at or past the first with log L ≤ `marginFromLogLoss` (0 if γ̄ never fell; nil if the level was not reached).
    public var largestMarginDrop: Double?

    /// Name in labels: "EWN" or "SWN".
    public var name: String { parameterization.paperName }
    /// The state after the last step.
    public var final: LinSepState { states[states.count - 1] }
}

/// Gradient descent on Lin-Sep from `start` with App. L.1's step rule, the paper's eq. 3–4 (EWN) or
/// eq. 1–2 (SWN) with η∇L = k·L^{1−c}·∇log L, all in the log domain (FIGURES.md Part 3).
public func trainLinSep(
    _ parameterization: WeightParameterization, from start: LinSepStart, params: LinSepParameters,
    progress: FigureKit.Progress = .silent
) -> LinSepRun {
    var model = NetworkDescentModel(
        network: LinSepProblem.network(weights: Matrix(start.weights), parameterization: parameterization),
        inputs: LinSepProblem.inputMatrix, loss: LinSepProblem.loss)
    var rule = params.stepRule
    var recorder = Recorder<LinSepState>(logLossLevels: params.snapshotLogLosses, maxEntries: params.maxRecords)
    var firstNonFinite: Int?
    var previousMargin: Double?
    var largestDrop: Double?
    let summary = runAdaptiveDescent(&model, rule: &rule, stopping: params.stopping) { observation, model in
        let outputs = model.outputs.elements
        let weights = model.network.layers[0].weights
        let w = model.workspace.weights[0]
        let margin = LinSepProblem.normalizedMargin(outputs: outputs, weights: w)
        if firstNonFinite == nil, !(observation.logLoss.isFinite && margin.isFinite) { firstNonFinite = observation.step }
        if let before = previousMargin {
            largestDrop = max(largestDrop ?? 0, (before - margin) / abs(before))
        }
        if previousMargin != nil || observation.logLoss <= params.marginFromLogLoss { previousMargin = margin }
        recorder.observe(observation) {
            LinSepState(
                step: observation.step, logLoss: observation.logLoss, k: observation.k ?? .nan, norms: weights.neuronNorms,
                weights: w.rowList, gradient: model.weightGradients[0].rowList,
                lossShares: softmax(LinSepProblem.labels.indices.map { -LinSepProblem.labels[$0] * outputs[$0] }),
                margin: margin)
        }
        if observation.step % 5000 == 0 || observation.isFinal {
            progress.report(parameterization.paperName, step: observation.step, of: params.maxSteps, loss: observation.logLoss)
        }
    }
    return LinSepRun(
        parameterization: parameterization, start: start, states: recorder.entries.map(\.snapshot),
        snapshots: params.snapshotLogLosses.map { LinSepSnapshot(level: $0, state: recorder.crossing($0)?.snapshot) },
        stopStep: summary.steps, reachedTarget: summary.reachedTarget, upSteps: summary.upSteps,
        firstNonFiniteStep: firstNonFinite, largestMarginDrop: largestDrop)
}
