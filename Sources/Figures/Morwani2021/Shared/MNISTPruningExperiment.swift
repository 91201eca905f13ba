import Dispatch
import Experiments
import FigureKit
import Foundation

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

/// What a checkpoint of the experiment holds: the finished runs (pruning curves done), the ones
/// in progress, and the wall seconds each has computed. Runs side by side finish in any order.
public struct PruningCheckpoint: Codable, Sendable {
    public internal(set) var finished: [PruningRun]
    var inProgress: [PruningTrainingState]
    /// Wall seconds per run ("EWN", "SWN", "Unnorm"), all sessions; nil in older checkpoints.
    public internal(set) var seconds: [String: Double]?

    /// The trainings under way.
    public var parameterizationsInProgress: [WeightParameterization] { inProgress.map(\.parameterization) }

    init(finished: [PruningRun], inProgress: [PruningTrainingState], seconds: [String: Double]?) {
        self.finished = finished
        self.inProgress = inProgress
        self.seconds = seconds
    }

    private enum CodingKeys: String, CodingKey { case finished, inProgress, seconds, current }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        finished = try c.decode([PruningRun].self, forKey: .finished)
        seconds = try c.decodeIfPresent([String: Double].self, forKey: .seconds)
        // Written before the runs went side by side: at most one in progress, as `current`.
        inProgress = try c.decodeIfPresent([PruningTrainingState].self, forKey: .inProgress)
            ?? (try c.decodeIfPresent(PruningTrainingState.self, forKey: .current)).map { [$0] } ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(finished, forKey: .finished)
        try c.encode(inProgress, forKey: .inProgress)
        try c.encodeIfPresent(seconds, forKey: .seconds)
    }
}

/// The experiment's name in the figure cache and for its checkpoints.
let pruningExperimentName = "morwani2021-mnist-pruning"

/// Loads the data, draws the shared start from the seed (stream "init") and trains EWN, SWN and
/// Unnorm, side by side on a share of the cores each, then prunes each snapshot. With
/// `context.checkpointing` the trainings write a checkpoint every few minutes and on Ctrl-C, and
/// `--resume` continues from it. The manifest's `timings.parts_s` has each training's wall time.
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
            guard var saved = try session.load() else {
                throw FigureKitError(.input, "--resume: no checkpoint at \(session.url.path); run without --resume to start")
            }
            // An older checkpoint held one training and no times of its own: it had all the seconds.
            if saved.seconds == nil, saved.finished.isEmpty, let only = saved.inProgress.first, saved.inProgress.count == 1 {
                saved.seconds = [only.parameterization.paperName: session.secondsBefore]
            }
            resumed = saved
            context.addEarlierSeconds(session.secondsBefore)
        }
        let result = try runMNISTPruning(
            params, data: data, seed: context.seed, progress: context.progress, resumeFrom: resumed, checkpoints: session,
            sideBySide: try pruningLanesRequested(ProcessInfo.processInfo.environment[pruningLanesVariable]),
            seconds: context.notePartSeconds)
        session?.finish()
        return result
    }
}

/// Caps how many of the three trainings run at once (default: one per panel thread). With 1 the
/// panel threads all go to one training at a time, the one nearest its target first: at paper
/// scale that finishes a run that will end long before one that will not (SWN), instead of
/// halving its speed.
public let pruningLanesVariable = "WNFIGURES_LANES"

/// `WNFIGURES_LANES` as a lane count (nil: unset, one per panel thread); anything but a positive
/// integer is one line naming the variable and the fix.
public func pruningLanesRequested(_ text: String?) throws -> Int {
    guard let text else { return ParallelPanels.currentThreads }
    guard let count = Int(text.trimmingCharacters(in: .whitespaces)), count >= 1 else {
        throw FigureKitError(.usage, "\(pruningLanesVariable)='\(text)' is not a positive integer; unset it or set e.g. \(pruningLanesVariable)=1")
    }
    return count
}

/// The experiment on already loaded data (tests use small sets), from the start or from a
/// checkpoint's state; `checkpoints` (nil: none) is handed the state after every epoch attempt.
/// Up to `sideBySide` trainings run at once (default: one per panel thread), each on its share of
/// the panel threads; the three are independent (own state, own shuffle stream), so the result is
/// the same for any count. `seconds` is told each training's wall time, earlier sessions included.
public func runMNISTPruning(
    _ params: MNISTPruningParameters, data: PruningDataSet, seed: UInt64, progress: FigureKit.Progress = .silent,
    resumeFrom saved: PruningCheckpoint?, checkpoints: CheckpointSession<PruningCheckpoint>?,
    sideBySide: Int = ParallelPanels.currentThreads, seconds: ([String: Double]) -> Void = { _ in }
) throws -> MNISTPruningExperiment {
    let start = PruningNetwork.initialWeights(seed: seed, hiddenUnits: params.hiddenUnits)
    let laneCount = min(pruningParameterizations.count - (saved?.finished.count ?? 0), max(1, sideBySide))
    let lanes = PruningLanes(
        saved, order: pruningParameterizations, lanes: laneCount, threads: ParallelPanels.currentThreads, checkpoints: checkpoints)
    func lane() {
        while let (parameterization, savedState) = lanes.next() {
            var run = savedState ?? startPruningRun(parameterization, start: start, params: params, seed: seed)
            var clock = DispatchTime.now().uptimeNanoseconds
            func lap() -> Double {
                let now = DispatchTime.now().uptimeNanoseconds
                defer { clock = now }
                return Double(now - clock) / 1e9
            }
            // When a lane runs out of work the others pause and go on with its cores: a paused
            // training continues exactly as if it had not stopped (the checkpoints' guarantee).
            while true {
                let share = lanes.share
                let done = ParallelPanels.withThreads(share) {
                    trainPruningRun(&run, data: data, params: params, progress: progress) {
                        lanes.publish($0, seconds: lap(), share: share)
                    }
                }
                if done { break }
                if lanes.failed { return }
            }
            var completed = completedRun(run, params: params)
            ParallelPanels.withThreads(lanes.share) {
                evaluatePruning(&completed, weights: run.record.weights, test: data.test, percents: params.prunePercents)
            }
            lanes.finish(completed, seconds: lap())
        }
    }
    if laneCount <= 1 {
        lane()
    } else {
        DispatchQueue.concurrentPerform(iterations: laneCount) { _ in lane() }
    }
    let finished = try lanes.result()
    seconds(lanes.seconds)
    return pruningExperiment(finished, params: params, data: data)
}

/// The experiment on already loaded data, start to end, no checkpoints.
public func runMNISTPruning(
    _ params: MNISTPruningParameters, data: PruningDataSet, seed: UInt64, progress: FigureKit.Progress = .silent,
    sideBySide: Int = ParallelPanels.currentThreads
) -> MNISTPruningExperiment {
    // Without checkpoints nothing can pause or throw.
    try! runMNISTPruning(
        params, data: data, seed: seed, progress: progress, resumeFrom: nil, checkpoints: nil, sideBySide: sideBySide)
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
