import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 5: XOR, neuron norms under EWN and Unnorm.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig5", citation: Citation(paper: .morwani2021, figure: "Fig. 5"),
    run: runXOR, render: renderXOR, claims: xorClaims, caption: xorCaption))
