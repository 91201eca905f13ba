import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 7: MNIST pruning curves at two loss levels.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig7", citation: Citation(paper: .morwani2021, figure: "Fig. 7"),
    run: { params, context in try runMNISTPruning(params, context: context).withoutHistories },
    render: renderPruning, claims: pruningClaims, caption: pruningCaption,
    inputDigests: { _, folder in try PruningDataSet.digests(dataDirectory: folder) }, gemmFlops: { $0.flops }))
