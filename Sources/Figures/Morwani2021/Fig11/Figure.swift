import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 11 (App. N): first-layer neuron norms against steps on MNIST, from the
/// trainings of Fig. 7.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig11", citation: Citation(paper: .morwani2021, figure: "Fig. 11 (App. N)"),
    run: runMNISTPruning, render: renderNeuronNorms, claims: neuronNormClaims, caption: neuronNormCaption,
    inputDigests: { _, folder in try PruningDataSet.digests(dataDirectory: folder) }, gemmFlops: { $0.flops }))
