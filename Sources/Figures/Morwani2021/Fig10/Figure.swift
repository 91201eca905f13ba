import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 10 (appendix): XOR neuron norms under EWN, Unnorm and SWN.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig10", citation: Citation(paper: .morwani2021, figure: "Fig. 10"),
    run: runXORAppendix, render: renderXORAppendix, claims: xorAppendixClaims, caption: xorAppendixCaption))

func xorAppendixCaption(_ data: XORAppendixData, params: XORAppendixParameters) -> String {
    xorCaption(
        panels: "(a) The XOR dataset. (b), (c) and (d): norm ‖w_j‖ of each hidden neuron's incoming weights against steps for EWN, "
            + "Unnorm and SWN (|γ_j|, eq. 1–2, k_max = \(formatNumber(params.kMaxSWN))), all from the same start; panels (a)–(c) are the runs of Fig. 5.",
        runs: [data.xor.ewn, data.xor.unnorm, data.swn], start: data.xor.start, params: params.xor)
}
