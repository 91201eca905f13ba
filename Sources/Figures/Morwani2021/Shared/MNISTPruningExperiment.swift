import Experiments
import FigureKit

/// The three trainings of §6 (EWN, SWN, Unnorm first layer, same start, same data) with their
/// pruning curves: what Fig. 7 draws, and — with each run's `history` — what Fig. 11 draws.
public struct MNISTPruningExperiment: Codable, Equatable, Sendable {
    public var trainCount: Int
    public var testCount: Int
    public var hiddenUnits: Int
    /// The pruning grid, percent of H.
    public var percents: [Int]
    /// EWN, SWN, Unnorm, in this order.
    public var runs: [PruningRun]
    /// Floating-point operations of the GEMM-bound work (every training evaluation and the pruning
    /// curves), counted from the sizes; divided by the manifest's run time it gives the achieved rate.
    public var flops: Double

    public init(trainCount: Int, testCount: Int, hiddenUnits: Int, percents: [Int], runs: [PruningRun], flops: Double) {
        self.trainCount = trainCount
        self.testCount = testCount
        self.hiddenUnits = hiddenUnits
        self.percents = percents
        self.runs = runs
        self.flops = flops
    }

    public func run(_ parameterization: WeightParameterization) -> PruningRun? {
        runs.first { $0.parameterization == parameterization }
    }

    /// The same data without the norm histories (Fig. 7 draws none of them).
    public var withoutHistories: MNISTPruningExperiment {
        var copy = self
        for r in copy.runs.indices { copy.runs[r].history = nil }
        return copy
    }
}

/// The order of the runs and of Fig. 7's legend (the paper's: EWN, SWN, Unnorm).
public let pruningParameterizations: [WeightParameterization] = [.exponential, .standard, .unnormalized]

/// What a checkpoint of the experiment holds: the finished runs (pruning curves done) and the
/// one in progress.
public struct PruningCheckpoint: Codable, Sendable {
    var finished: [PruningRun]
    var current: PruningTrainingState?
}

/// The experiment's name in the figure cache and for its checkpoints.
let pruningExperimentName = "morwani2021-mnist-pruning"

/// Loads the data, draws the shared start from the seed (stream "init") and trains EWN, SWN and
/// Unnorm in turn, then prunes each snapshot. With `context.checkpointing` the trainings write a
/// checkpoint every few minutes and on Ctrl-C, and `--resume` continues from it.
public func runMNISTPruning(_ params: MNISTPruningParameters, context: RunContext) throws -> MNISTPruningExperiment {
    try params.validate()
    // Figs. 7 and 11 plot the same trainings: whichever runs first computes them for both.
    return try context.shared(pruningExperimentName, parameters: params) {
        let data = try PruningDataSet.load(
            trainPerClass: params.trainPerClass, testCount: params.testCount, dataDirectory: context.dataDirectory)
        let session = try CheckpointSession<PruningCheckpoint>(
            context.checkpointing, name: pruningExperimentName, scale: context.scale, seed: context.seed, parameters: params)
        var resumed: PruningCheckpoint?
        if let session, context.checkpointing?.resume == true {
            guard let saved = try session.load() else {
                throw FigureKitError(.input, "--resume: no checkpoint at \(session.url.path); run without --resume to start")
            }
            resumed = saved
            context.addEarlierSeconds(session.secondsBefore)
        }
        let result = try runMNISTPruning(
            params, data: data, seed: context.seed, progress: context.progress, resumeFrom: resumed, checkpoints: session)
        session?.finish()
        return result
    }
}

/// The experiment on already loaded data (tests use small sets), from the start or from a
/// checkpoint's state; `checkpoints` (nil: none) is handed the state after every epoch attempt.
public func runMNISTPruning(
    _ params: MNISTPruningParameters, data: PruningDataSet, seed: UInt64, progress: Progress = .silent,
    resumeFrom saved: PruningCheckpoint?, checkpoints: CheckpointSession<PruningCheckpoint>?
) throws -> MNISTPruningExperiment {
    let start = PruningNetwork.initialWeights(seed: seed, hiddenUnits: params.hiddenUnits)
    var finished = saved?.finished ?? []
    for parameterization in pruningParameterizations.dropFirst(finished.count) {
        var run = saved?.current.flatMap { $0.parameterization == parameterization ? $0 : nil }
            ?? startPruningRun(parameterization, start: start, params: params, seed: seed)
        var failure: Error?
        let done = trainPruningRun(&run, data: data, params: params, progress: progress) { state in
            do {
                try checkpoints?.tick { PruningCheckpoint(finished: finished, current: state) }
                return false
            } catch {
                failure = error
                return true
            }
        }
        if let failure { throw failure }
        precondition(done, "trainPruningRun paused without a reason")
        var completed = completedRun(run, params: params)
        evaluatePruning(&completed, weights: run.record.weights, test: data.test, percents: params.prunePercents)
        finished.append(completed)
    }
    return pruningExperiment(finished, params: params, data: data)
}

/// The experiment on already loaded data, start to end, no checkpoints.
public func runMNISTPruning(
    _ params: MNISTPruningParameters, data: PruningDataSet, seed: UInt64, progress: Progress = .silent
) -> MNISTPruningExperiment {
    // Without checkpoints nothing can pause or throw.
    try! runMNISTPruning(params, data: data, seed: seed, progress: progress, resumeFrom: nil, checkpoints: nil)
}

/// The runs with the work they cost, counted from the sizes.
func pruningExperiment(_ runs: [PruningRun], params: MNISTPruningParameters, data: PruningDataSet) -> MNISTPruningExperiment {
    let h = params.hiddenUnits, n = data.train.count
    var flops = 0.0
    for run in runs {
        // Each attempt's batches together are one gradient pass over the N images, then one
        // forward pass for the full loss; plus the forward pass at the start.
        flops += Double(run.attempts) * PruningNetwork.flopsPerEvaluation(samples: n, hiddenUnits: h)
            + Double(run.attempts + 1) * PruningNetwork.flopsPerForwardPass(samples: n, hiddenUnits: h)
        // Per snapshot: relu(X W₁ᵀ) once, then one H→10 product per pruning level.
        let testCount = Double(data.test.count), width = Double(h)
        let hiddenFlops: Double = 2 * testCount * Double(PruningNetwork.inputCount) * width
        let outputFlops: Double = Double(params.prunePercents.count) * 2 * testCount * width * Double(PruningNetwork.classCount)
        flops += Double(run.snapshots.count) * (hiddenFlops + outputFlops)
    }
    return MNISTPruningExperiment(
        trainCount: n, testCount: data.test.count, hiddenUnits: h, percents: params.prunePercents, runs: runs, flops: flops)
}
