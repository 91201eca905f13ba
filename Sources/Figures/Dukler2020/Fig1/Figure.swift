import Datasets
import FigureKit

/// Dukler, Gu & Montúfar (ICML 2020), Fig. 1 / eq. (2.3): WN gradient descent grows ‖v_k‖, the flow does not.
public let figure = AnyFigure(FigureDefinition(
    id: "dukler2020-fig1", citation: Citation(paper: .dukler2020, figure: "Fig. 1, eq. (2.3)"),
    run: runNormGrowth, render: renderNormGrowth, claims: normGrowthClaims, caption: normGrowthCaption,
    inputDigests: { _, folder in try MNIST.digests(.train, dataDirectory: folder) }, gemmFlops: { $0.gemmFlops }))
