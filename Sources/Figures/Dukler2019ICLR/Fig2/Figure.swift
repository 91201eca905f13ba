import Datasets
import FigureKit

/// Dukler, Gu & Montúfar (ICLR 2020 submission), App. F, Fig. 2: WN training dynamics on MNIST 4 vs 9.
public let figure = AnyFigure(FigureDefinition(
    id: "dukler2019iclr-fig2", citation: Citation(paper: .dukler2019, figure: "Fig. 2 (App. F)"),
    run: runFourNine, render: renderFourNine, claims: fourNineClaims, caption: fourNineCaption,
    inputDigests: { _, folder in try MNIST.digests(.train, dataDirectory: folder) }, gemmFlops: { $0.gemmFlops }))
