import FigureKit
import Morwani2021Fig7
import Plot

/// Morwani & Ramaswamy, Fig. 11 (App. N): first-layer neuron norms against steps on MNIST, from the
/// trainings of Fig. 7.
public struct MNISTNeuronNormsFigure: Figure {
    public init() {}
    public var id: String { "morwani2021-fig11" }
    public var citation: Citation { Citation(paper: .morwani2021, figure: "Fig. 11 (App. N)") }

    public func run(_ params: MNISTPruningParameters, context: RunContext) throws -> MNISTPruningExperiment {
        try runMNISTPruning(params, context: context)
    }

    public func render(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) throws -> Chart {
        renderNeuronNorms(data, params: params)
    }

    public func claims(_ data: MNISTPruningExperiment, params: MNISTPruningParameters, scale: Scale) -> [Claim] {
        neuronNormClaims(data, params: params, scale: scale)
    }

    public func caption(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> String {
        neuronNormCaption(data, params: params)
    }

    public func gemmFlops(_ data: MNISTPruningExperiment) -> Double? { data.flops }

    public func inputDigests(_ params: MNISTPruningParameters) throws -> [String: String] {
        try PruningDataSet.digests()
    }
}

public let figure = AnyFigure(MNISTNeuronNormsFigure())
