import FigureKit
import Plot

/// Morwani & Ramaswamy, Fig. 7: MNIST pruning curves at two loss levels.
public struct MNISTPruningFigure: Figure {
    public init() {}
    public var id: String { "morwani2021-fig7" }
    public var citation: Citation { Citation(paper: .morwani2021, figure: "Fig. 7") }

    public func run(_ params: MNISTPruningParameters, context: RunContext) throws -> MNISTPruningExperiment {
        try runMNISTPruning(params, context: context).withoutHistories
    }

    public func render(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) throws -> Chart {
        renderPruning(data, params: params)
    }

    public func claims(_ data: MNISTPruningExperiment, params: MNISTPruningParameters, scale: Scale) -> [Claim] {
        pruningClaims(data, params: params, scale: scale)
    }

    public func caption(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> String {
        pruningCaption(data, params: params)
    }

    public func gemmFlops(_ data: MNISTPruningExperiment) -> Double? { data.flops }

    public func inputDigests(_ params: MNISTPruningParameters) throws -> [String: String] {
        try PruningDataSet.digests()
    }
}

public let figure = AnyFigure(MNISTPruningFigure())
