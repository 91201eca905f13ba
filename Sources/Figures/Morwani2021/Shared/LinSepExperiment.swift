import Experiments
import FigureKit

/// What a Lin-Sep figure draws: the data set and one run (Figs. 2 and 3: EWN; Figs. 8 and 9: SWN).
public struct LinSepData: Codable, Equatable, Sendable {
    public var inputs: [[Double]]
    public var labels: [Double]
    public var secondLayer: [Double]
    public var run: LinSepRun
    /// ‖w_u(T)‖ of the EWN run from the same start, for Fig. 8's sparsity comparison (nil elsewhere).
    public var ewnFinalNorms: [Double]?

    public init(run: LinSepRun, ewnFinalNorms: [Double]? = nil) {
        inputs = LinSepProblem.inputs
        labels = LinSepProblem.labels
        secondLayer = LinSepProblem.secondLayer
        self.run = run
        self.ewnFinalNorms = ewnFinalNorms
    }
}

/// The name the run of `parameterization` is kept under in the figure cache.
public func linSepExperimentName(_ parameterization: WeightParameterization) -> String {
    "morwani2021-linsep-\(parameterization.rawValue)"
}

/// The Lin-Sep run under `parameterization` from the seed's start: Figs. 2 and 3 (EWN), 8 and 9
/// (SWN) draw the same run, computed by whichever runs first and read from the cache by the other.
public func linSepRun(
    _ parameterization: WeightParameterization, params: LinSepParameters, context: RunContext
) throws -> LinSepRun {
    try params.validate()
    return try context.shared(linSepExperimentName(parameterization), parameters: params) {
        trainLinSep(parameterization, from: LinSepStart.forSeed(context.seed), params: params, progress: context.progress)
    }
}
