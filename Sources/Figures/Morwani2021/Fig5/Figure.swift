import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 5: XOR, neuron norms under EWN and Unnorm.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig5", citation: Citation(paper: .morwani2021, figure: "Fig. 5"),
    run: runXOR, render: renderXOR, claims: xorClaims, caption: xorCaption))

func xorCaption(_ data: XORData, params: XORParameters) -> String {
    xorCaption(
        panels: "(a) Training data for the XOR experiment. (b, c) Norm ‖w_j‖ of the incoming weights of each of the "
            + "\(params.hiddenUnits) hidden neurons against gradient-descent steps, for EWN and the unnormalized net, from the same start.",
        runs: [data.ewn, data.unnorm], start: data.start, params: params)
}
