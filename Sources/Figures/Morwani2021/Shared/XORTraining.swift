import Experiments
import FigureKit

/// One training run of the XOR net under one parameterization: what panels (b)–(d) draw and
/// what the claims read.
public struct XORRun: Codable, Equatable, Sendable {
    public var parameterization: WeightParameterization
    /// The step-size rule as it started (k = k(0)).
    public var stepRule: AdaptiveStepRule
    /// The recorded steps: every stride-th step from 0 (stride a power of 2, the smallest that
    /// keeps at most `plotPoints` of them), plus the last one T.
    public var steps: [Int]
    /// norms[j][r] = ‖w_j‖ at steps[r] (EWN e^{α_j}, SWN |γ_j|, Unnorm ‖w_j‖), single precision
    /// to keep the data file small (drawn only; claims use `finalNorms`).
    public var norms: [[Float]]
    /// log L at the recorded steps.
    public var logLoss: [Double]
    /// k at the recorded steps (the k of the next step).
    public var k: [Double]
    /// ‖w_j‖ after the last step.
    public var finalNorms: [Double]
    /// w_j after the last step.
    public var finalWeights: [[Double]]
    /// ‖w_j‖ after `earlyStep` steps (nil if the run stopped before).
    public var earlyNorms: [Double]?
    /// T: the number of steps taken.
    public var stopStep: Int
    public var finalLogLoss: Double
    /// log L ≤ target was reached within the step budget.
    public var reachedTarget: Bool
    /// Steps after which log L did not go strictly down (k was divided by 1.1).
    public var upSteps: Int
    /// The largest single-step rise of log L (0 if none).
    public var largestIncrease: Double

    /// Name used in labels and progress: "EWN", "SWN", "Unnorm".
    public var name: String { parameterization.paperName }
}

/// Gradient descent on the XOR net from `start` with Morwani's adaptive rule (FIGURES.md §0.2):
/// η∇_w L is replaced by s_t·∇_w log L in eq. 1–4 / plain GD; stops at log L ≤ target or after
/// `maxSteps`, whichever comes first, and records which.
public func trainXOR(
    _ parameterization: WeightParameterization, from start: XORInitialization, rule: AdaptiveStepRule,
    params: XORParameters, progress: Progress = .silent
) -> XORRun {
    var model = NetworkDescentModel(
        network: XORProblem.network(
            weights: Matrix(start.weights), secondLayer: start.secondLayer, parameterization: parameterization),
        inputs: XORProblem.inputMatrix, loss: XORProblem.loss)
    var adaptive = rule
    var trace = NormTrace(neurons: params.hiddenUnits, maxPoints: params.plotPoints, recordsK: true)
    var earlyNorms: [Double]?
    var finalNorms: [Double] = []
    var previousLogLoss = Double.infinity
    var largestIncrease = 0.0
    let summary = runAdaptiveDescent(&model, rule: &adaptive, stopping: params.stopping) { observation, model in
        let norms = model.network.layers[0].weights.neuronNorms
        trace.observe(step: observation.step, norms: norms, logLoss: observation.logLoss, k: observation.k ?? .nan, isFinal: observation.isFinal)
        if observation.step > 0 { largestIncrease = max(largestIncrease, observation.logLoss - previousLogLoss) }
        previousLogLoss = observation.logLoss
        if observation.step == params.earlyStep { earlyNorms = norms }
        if observation.isFinal { finalNorms = norms }
        if observation.step % 1000 == 0 || observation.isFinal {
            progress.report(
                parameterization.paperName, step: observation.isFinal ? params.maxSteps : observation.step,
                of: params.maxSteps, loss: observation.logLoss)
        }
    }
    return XORRun(
        parameterization: parameterization, stepRule: rule, steps: trace.steps, norms: trace.norms,
        logLoss: trace.logLoss, k: trace.k ?? [], finalNorms: finalNorms,
        finalWeights: model.network.layers[0].weights.effectiveWeights.rowList, earlyNorms: earlyNorms,
        stopStep: summary.steps, finalLogLoss: summary.finalLogLoss, reachedTarget: summary.reachedTarget,
        upSteps: summary.upSteps, largestIncrease: largestIncrease)
}
