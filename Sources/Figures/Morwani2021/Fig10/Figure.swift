import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 10 (appendix): XOR neuron norms under EWN, Unnorm and SWN.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig10", citation: Citation(paper: .morwani2021, figure: "Fig. 10"),
    run: runXORAppendix, render: renderXORAppendix, claims: xorAppendixClaims, caption: xorAppendixCaption))
