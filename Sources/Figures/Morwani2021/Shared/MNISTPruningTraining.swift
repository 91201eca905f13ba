import Experiments
import FigureKit
import Foundation

/// The state of a run at one loss level of Fig. 7: the first step with log L ≤ level, or — when
/// the run never got there — its last step, flagged `reached == false`.
public struct LevelSnapshot: Codable, Equatable, Sendable {
    /// The level, as log L (e.g. −10 for L = e^-10).
    public var logLossLevel: Double
    public var reached: Bool
    public var step: Int
    /// log L at `step` (≤ level when reached).
    public var logLoss: Double
    /// ‖w_u‖ of every first-layer neuron at `step` (EWN e^{α_u}, SWN |γ_u|, Unnorm ‖w_u‖).
    public var norms: [Double]
    /// Accuracy on the training subset at `step`, unpruned.
    public var trainAccuracy: Double
    /// Test accuracy after pruning each percentage of the grid (filled by `evaluatePruning`).
    public var accuracy: [Double]

    public init(
        logLossLevel: Double, reached: Bool, step: Int, logLoss: Double, norms: [Double], trainAccuracy: Double,
        accuracy: [Double]
    ) {
        self.logLossLevel = logLossLevel
        self.reached = reached
        self.step = step
        self.logLoss = logLoss
        self.norms = norms
        self.trainAccuracy = trainAccuracy
        self.accuracy = accuracy
    }
}

/// One training run of the MNIST net under one parameterization of the first layer.
public struct PruningRun: Codable, Equatable, Sendable {
    public var parameterization: WeightParameterization
    /// ‖w_u(0)‖ (the same start for every parameterization).
    public var initialNorms: [Double]
    /// One per level of `MNISTPruningParameters.logLossLevels`, high (e^-10) first.
    public var snapshots: [LevelSnapshot]
    /// Fig. 11's lines; nil in Fig. 7's data, which does not draw them.
    public var history: NormTrace?
    /// T, the number of steps taken.
    public var stopStep: Int
    public var finalLogLoss: Double
    /// log L ≤ lowLogLoss was reached within the step budget.
    public var reachedTarget: Bool
    /// Steps (full batch) or epochs (mini-batches) after which log L did not go strictly down
    /// (k was divided by 1.1).
    public var upSteps: Int
    /// The first step whose loss was NaN or infinite (nil: none).
    public var firstNonFiniteStep: Int?
    /// Loss-and-gradient evaluations (T + 1) of full-batch training; with mini-batches, T batch steps.
    public var evaluations: Int
    /// Epochs of mini-batch training (each followed by a forward pass over the training set); nil
    /// for full-batch training, where every step is an epoch.
    public var epochs: Int?

    public init(
        parameterization: WeightParameterization, initialNorms: [Double], snapshots: [LevelSnapshot], history: NormTrace?,
        stopStep: Int, finalLogLoss: Double, reachedTarget: Bool, upSteps: Int, firstNonFiniteStep: Int?, evaluations: Int,
        epochs: Int? = nil
    ) {
        self.parameterization = parameterization
        self.initialNorms = initialNorms
        self.snapshots = snapshots
        self.history = history
        self.stopStep = stopStep
        self.finalLogLoss = finalLogLoss
        self.reachedTarget = reachedTarget
        self.upSteps = upSteps
        self.firstNonFiniteStep = firstNonFiniteStep
        self.evaluations = evaluations
        self.epochs = epochs
    }

    /// "EWN", "SWN" or "Unnorm".
    public var name: String { parameterization.paperName }

    /// The snapshot at `logLossLevel`.
    public func snapshot(_ logLossLevel: Double) -> LevelSnapshot? {
        snapshots.first { $0.logLossLevel == logLossLevel }
    }
}

/// Weights kept at a snapshot until the pruning curves are computed.
struct SnapshotWeights {
    var first: Matrix
    var second: Matrix
}

/// What a training run keeps as it goes: the norm history, the level snapshots (with the weights
/// to prune), the first non-finite loss. The same for full-batch steps and mini-batch epochs.
struct PruningRunRecorder {
    let params: MNISTPruningParameters
    let trainLabels: [Int]
    let name: String
    var history: NormTrace
    var snapshots: [LevelSnapshot] = []
    var weights: [SnapshotWeights] = []
    var firstNonFinite: Int?

    init(params: MNISTPruningParameters, trainLabels: [Int], name: String) {
        self.params = params
        self.trainLabels = trainLabels
        self.name = name
        history = NormTrace(neurons: params.hiddenUnits, maxPoints: params.normPoints, precision: .fourSignificantDigits)
    }

    /// A state at which the full training loss is known: `outputs` are Φ on the training set.
    mutating func observe(
        step: Int, logLoss: Double, isFinal: Bool, network: FeedForwardNetwork, outputs: Matrix, progress: FigureKit.Progress
    ) {
        let layer = network.layers[0].weights
        let norms = layer.neuronNorms
        history.observe(step: step, norms: norms, logLoss: logLoss, isFinal: isFinal)
        if firstNonFinite == nil && !logLoss.isFinite { firstNonFinite = step }
        for level in params.logLossLevels.dropFirst(snapshots.count) {
            // Levels are crossed in order (high first); an unreached level is taken at the end.
            let reached = logLoss <= level
            guard reached || isFinal else { break }
            snapshots.append(LevelSnapshot(
                logLossLevel: level, reached: reached, step: step, logLoss: logLoss, norms: norms,
                trainAccuracy: NeuronPruning.accuracy(outputs: outputs, labels: trainLabels), accuracy: []))
            weights.append(SnapshotWeights(
                first: layer.effectiveWeights, second: network.layers[1].weights.effectiveWeights))
        }
        progress.report(name, step: isFinal ? params.maxSteps : min(step, params.maxSteps), of: params.maxSteps, loss: logLoss)
    }
}

/// Gradient descent from (W₁(0), W₂(0)) with Morwani's adaptive rule (FIGURES.md §0.2, App. L.5):
/// η∇L becomes s_t·∇ log L in eq. 1–4 / plain GD, every step kept. Full batch (`isFullBatch`):
/// one "epoch" = one step, so k is updated after every step; otherwise epochs of mini-batches
/// (`runAdaptiveEpochs`), k updated after each epoch. Stops at log L ≤ lowLogLoss or after
/// maxSteps, whichever comes first, and records which. Returns the run and the snapshot weights.
func trainPruningRun(
    _ parameterization: WeightParameterization, start: (first: Matrix, second: Matrix), data: PruningDataSet,
    params: MNISTPruningParameters, seed: UInt64, progress: FigureKit.Progress
) -> (run: PruningRun, weights: [SnapshotWeights]) {
    var network = PruningNetwork.network(first: start.first, second: start.second, parameterization: parameterization)
    var rule = params.stepRule
    let initialNorms = network.layers[0].weights.neuronNorms
    var recorder = PruningRunRecorder(params: params, trainLabels: data.train.labels, name: parameterization.paperName)
    let summary: DescentSummary
    var epochs: Int?
    let fullBatch = params.isFullBatch(samples: data.train.count)
    if fullBatch {
        var model = NetworkDescentModel(
            network: network, inputs: data.train.inputs, loss: PruningNetwork.loss(labels: data.train.labels))
        summary = runAdaptiveDescent(&model, rule: &rule, stopping: params.stopping) { observation, model in
            // The progress line is redrawn every 100 steps (a report per step would cost more than the step).
            recorder.observe(
                step: observation.step, logLoss: observation.logLoss, isFinal: observation.isFinal,
                network: model.network, outputs: model.outputs,
                progress: observation.step % 100 == 0 || observation.isFinal ? progress : .silent)
        }
    } else {
        // The same shuffles for all three parameterizations, as they share their start.
        var order = SeededGenerator(seed: seed, stream: "batches")
        let labels = data.train.labels
        summary = runAdaptiveEpochs(
            &network, inputs: data.train.inputs, batchSize: params.batchSize, order: &order,
            loss: { members in PruningNetwork.loss(labels: members.map { labels[$0] }) }, rule: &rule,
            stopping: params.stopping
        ) { observation, network, outputs in
            epochs = observation.epoch
            recorder.observe(
                step: observation.step, logLoss: observation.logLoss, isFinal: observation.isFinal, network: network,
                outputs: outputs, progress: progress)
        }
    }
    let run = PruningRun(
        parameterization: parameterization, initialNorms: initialNorms, snapshots: recorder.snapshots,
        history: recorder.history, stopStep: summary.steps, finalLogLoss: summary.finalLogLoss,
        reachedTarget: summary.reachedTarget, upSteps: summary.upSteps, firstNonFiniteStep: recorder.firstNonFinite,
        evaluations: fullBatch ? summary.steps + 1 : summary.steps, epochs: epochs)
    return (run, recorder.weights)
}

/// Fills every snapshot's pruning curve: neurons ordered by ‖w_u(t)‖ − ‖w_u(0)‖, least growth
/// pruned first (l.336-337), test accuracy at each percentage of the grid.
func evaluatePruning(_ run: inout PruningRun, weights: [SnapshotWeights], test: DigitImages, percents: [Int]) {
    for s in run.snapshots.indices {
        let scores = NeuronPruning.scores(norms: run.snapshots[s].norms, initialNorms: run.initialNorms)
        run.snapshots[s].accuracy = NeuronPruning.accuracies(
            first: weights[s].first, second: weights[s].second, order: NeuronPruning.order(scores: scores),
            percents: percents, test: test)
    }
}
