import Experiments
import FigureKit
import Foundation

/// The state of a run at one loss level of Fig. 7: the first kept epoch with log L ≤ level, or —
/// when the run never got there — its last one, flagged `reached == false`.
public struct LevelSnapshot: Codable, Equatable, Sendable {
    /// The level, as log L (e.g. −10 for L = e^-10).
    public var logLossLevel: Double
    public var reached: Bool
    /// Kept epochs, and mini-batch steps of the kept epochs, at the snapshot.
    public var epoch: Int
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
        logLossLevel: Double, reached: Bool, epoch: Int, step: Int, logLoss: Double, norms: [Double], trainAccuracy: Double,
        accuracy: [Double]
    ) {
        self.logLossLevel = logLossLevel
        self.reached = reached
        self.epoch = epoch
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
    /// Fig. 11's lines (with log L and k at every recorded point); nil in Fig. 7's data.
    public var history: NormTrace?
    /// T, the mini-batch steps of the kept epochs.
    public var stopStep: Int
    public var finalLogLoss: Double
    /// log L ≤ lowLogLoss was reached within the budget of epoch attempts.
    public var reachedTarget: Bool
    /// Epochs kept, epoch attempts made, and attempts rolled back (attempts = kept + rolled back).
    public var epochs: Int
    public var attempts: Int
    public var rolledBackEpochs: Int
    /// Attempts whose full loss was NaN or infinite (each one rolled back).
    public var nonFiniteAttempts: Int
    /// Epochs that raised the loss and were kept (`onLossRise` "keep"; nil under roll-back).
    public var keptRiseEpochs: Int?
    /// k at the end of the run.
    public var finalK: Double

    public init(
        parameterization: WeightParameterization, initialNorms: [Double], snapshots: [LevelSnapshot], history: NormTrace?,
        stopStep: Int, finalLogLoss: Double, reachedTarget: Bool, epochs: Int, attempts: Int, rolledBackEpochs: Int,
        nonFiniteAttempts: Int, keptRiseEpochs: Int? = nil, finalK: Double
    ) {
        self.parameterization = parameterization
        self.initialNorms = initialNorms
        self.snapshots = snapshots
        self.history = history
        self.stopStep = stopStep
        self.finalLogLoss = finalLogLoss
        self.reachedTarget = reachedTarget
        self.epochs = epochs
        self.attempts = attempts
        self.rolledBackEpochs = rolledBackEpochs
        self.nonFiniteAttempts = nonFiniteAttempts
        self.keptRiseEpochs = keptRiseEpochs
        self.finalK = finalK
    }

    /// "EWN", "SWN" or "Unnorm".
    public var name: String { parameterization.paperName }

    /// The snapshot at `logLossLevel`.
    public func snapshot(_ logLossLevel: Double) -> LevelSnapshot? {
        snapshots.first { $0.logLossLevel == logLossLevel }
    }
}

/// Weights kept at a snapshot until the pruning curves are computed.
struct SnapshotWeights: Codable, Sendable {
    var first: Matrix
    var second: Matrix
}

/// What a training run keeps as it goes (the norm history, the level snapshots with the weights to
/// prune, the count of non-finite attempts), all of it saved in a checkpoint.
struct PruningRecord: Codable, Sendable {
    var history: NormTrace.Saved
    var snapshots: [LevelSnapshot] = []
    var weights: [SnapshotWeights] = []
    var nonFiniteAttempts = 0
    /// Kept epochs that raised the loss (`LossRise.keep` only; optional for older checkpoints).
    var keptRises: Int?
    /// log L at the start, for the progress line's share of the way to the target.
    var startLogLoss: Double?
}

/// One parameterization's training in progress: what a checkpoint holds of it.
struct PruningTrainingState: Codable, Sendable {
    var parameterization: WeightParameterization
    var initialNorms: [Double]
    var training: EpochTrainingState
    var record: PruningRecord
}

/// The fresh state of `parameterization`'s run from the shared start: k(0), the seed's stream
/// "batches" (the same shuffles for all three, as they share their start), nothing recorded.
func startPruningRun(
    _ parameterization: WeightParameterization, start: (first: Matrix, second: Matrix), params: MNISTPruningParameters,
    seed: UInt64
) -> PruningTrainingState {
    let network = PruningNetwork.network(first: start.first, second: start.second, parameterization: parameterization)
    let trace = NormTrace(
        neurons: params.hiddenUnits, maxPoints: params.normPoints, precision: .fourSignificantDigits, recordsK: true)
    return PruningTrainingState(
        parameterization: parameterization, initialNorms: network.layers[0].weights.neuronNorms,
        training: EpochTrainingState(
            network: network, rule: params.stepRule, order: SeededGenerator(seed: seed, stream: "batches")),
        record: PruningRecord(history: trace.saved))
}

/// Morwani's adaptive rule on Lyu & Li's epochs (`runLossScheduledEpochs`): trains `run` on to
/// log L ≤ lowLogLoss or until `maxEpochs` attempts are spent, snapshotting the first kept epoch
/// at each level. `pause` is asked before every attempt with the state to save (checkpoints);
/// returns false when it paused the run, true when the run is over.
func trainPruningRun(
    _ run: inout PruningTrainingState, data: PruningDataSet, params: MNISTPruningParameters,
    progress: FigureKit.Progress, pause: (PruningTrainingState) -> Bool = { _ in false }
) -> Bool {
    let labels = data.train.labels, reduction = params.reduction
    let name = run.parameterization.paperName
    var record = run.record
    var trace = NormTrace(saved: record.history)
    let initialAttempts = run.training.attempts
    let parameterization = run.parameterization, initialNorms = run.initialNorms
    var training = run.training
    let finished = runLossScheduledEpochs(
        &training, inputs: data.train.inputs, batchSize: params.batchSize,
        loss: { members in PruningNetwork.loss(labels: members.map { labels[$0] }, reduction: reduction) },
        stopping: params.stopping, onRise: params.lossRise,
        shouldPause: { state in
            // Only after an attempt of this session: a resumed run first does one.
            guard state.attempts > initialAttempts else { return false }
            record.history = trace.saved
            return pause(PruningTrainingState(
                parameterization: parameterization, initialNorms: initialNorms, training: state, record: record))
        }
    ) { observation, network, outputs in
        if !observation.attemptLogLoss.isFinite { record.nonFiniteAttempts += 1 }
        if observation.keptRise { record.keptRises = (record.keptRises ?? 0) + 1 }
        let start = record.startLogLoss ?? observation.logLoss
        record.startLogLoss = start
        let target = params.lowLogLoss
        let detail = "epoch \(observation.epoch) (attempt \(observation.attempt), \(observation.attempt - observation.epoch) rolled back)"
            + "  log L \(formatNumber(observation.logLoss))  k \(String(format: "%.3g", observation.k))  → e^\(formatNumber(target))"
        progress.report(
            name, detail: detail, fractionDone: (start - observation.logLoss) / max(start - target, 1e-9),
            finished: observation.isFinal)
        // Rolled back: the parameters are those already recorded, unless this is the last attempt.
        guard let outputs else {
            if observation.isFinal {
                recordKept(observation, network: network, outputs: network.outputs(data.train.inputs))
            }
            return
        }
        recordKept(observation, network: network, outputs: outputs)
    }
    func recordKept(_ observation: EpochObservation, network: FeedForwardNetwork, outputs: Matrix) {
        let layer = network.layers[0].weights
        let norms = layer.neuronNorms
        trace.observe(
            step: observation.step, norms: norms, logLoss: observation.logLoss, k: observation.k, isFinal: observation.isFinal)
        for level in params.logLossLevels.dropFirst(record.snapshots.count) {
            // Levels are crossed in order (high first); an unreached level is taken at the end.
            let reached = observation.logLoss <= level
            guard reached || observation.isFinal else { break }
            record.snapshots.append(LevelSnapshot(
                logLossLevel: level, reached: reached, epoch: observation.epoch, step: observation.step,
                logLoss: observation.logLoss, norms: norms,
                trainAccuracy: NeuronPruning.accuracy(outputs: outputs, labels: labels), accuracy: []))
            record.weights.append(SnapshotWeights(
                first: layer.effectiveWeights, second: network.layers[1].weights.effectiveWeights))
        }
    }
    record.history = trace.saved
    run.training = training
    run.record = record
    return finished
}

/// The finished run as Fig. 7 and Fig. 11 read it (pruning curves still empty).
func completedRun(_ run: PruningTrainingState, params: MNISTPruningParameters) -> PruningRun {
    let training = run.training
    let logLoss = training.logLoss ?? .nan
    return PruningRun(
        parameterization: run.parameterization, initialNorms: run.initialNorms, snapshots: run.record.snapshots,
        history: NormTrace(saved: run.record.history), stopStep: training.steps, finalLogLoss: logLoss,
        reachedTarget: params.stopping.reachedTarget(logLoss: logLoss), epochs: training.epoch, attempts: training.attempts,
        rolledBackEpochs: training.rolledBack, nonFiniteAttempts: run.record.nonFiniteAttempts,
        keptRiseEpochs: params.lossRise == .keep ? run.record.keptRises ?? 0 : nil, finalK: training.rule.k)
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
