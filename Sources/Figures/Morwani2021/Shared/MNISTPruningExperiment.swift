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

/// Loads the data, draws the shared start from the seed (stream "init") and trains EWN, SWN and
/// Unnorm in turn, then prunes each snapshot.
public func runMNISTPruning(_ params: MNISTPruningParameters, context: RunContext) throws -> MNISTPruningExperiment {
    try params.validate()
    // Figs. 7 and 11 plot the same trainings: whichever runs first computes them for both.
    return try context.shared("morwani2021-mnist-pruning", parameters: params) {
        let data = try PruningDataSet.load(
            trainPerClass: params.trainPerClass, testCount: params.testCount, dataDirectory: context.dataDirectory)
        return runMNISTPruning(params, data: data, seed: context.seed, progress: context.progress)
    }
}

/// The experiment on already loaded data (tests use small sets).
public func runMNISTPruning(
    _ params: MNISTPruningParameters, data: PruningDataSet, seed: UInt64, progress: Progress = .silent
) -> MNISTPruningExperiment {
    let start = PruningNetwork.initialWeights(seed: seed, hiddenUnits: params.hiddenUnits)
    let h = params.hiddenUnits
    let percents = params.prunePercents
    var flops = 0.0
    var runs: [PruningRun] = []
    for parameterization in pruningParameterizations {
        var (run, weights) = trainPruningRun(parameterization, start: start, data: data, params: params, seed: seed, progress: progress)
        evaluatePruning(&run, weights: weights, test: data.test, percents: percents)
        let n = data.train.count
        if let epochs = run.epochs {
            // Each epoch's batches together are one pass over the N images, then one forward pass.
            flops += Double(epochs) * PruningNetwork.flopsPerEvaluation(samples: n, hiddenUnits: h)
                + Double(epochs + 1) * PruningNetwork.flopsPerForwardPass(samples: n, hiddenUnits: h)
        } else {
            flops += Double(run.evaluations) * PruningNetwork.flopsPerEvaluation(samples: n, hiddenUnits: h)
        }
        // Per snapshot: relu(X W₁ᵀ) once, then one H→10 product per pruning level.
        let testCount = Double(data.test.count), width = Double(h)
        let hiddenFlops: Double = 2 * testCount * Double(PruningNetwork.inputCount) * width
        let outputFlops: Double = Double(percents.count) * 2 * testCount * width * Double(PruningNetwork.classCount)
        flops += Double(run.snapshots.count) * (hiddenFlops + outputFlops)
        runs.append(run)
    }
    return MNISTPruningExperiment(
        trainCount: data.train.count, testCount: data.test.count, hiddenUnits: h, percents: percents, runs: runs,
        flops: flops)
}
