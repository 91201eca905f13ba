import FigureKit
import Morwani2021Shared
import Plot

/// Fig. 10: 2×2 grid, (a) data and (b) EWN on top, (c) Unnorm and (d) SWN below (CHOSEN layout).
public func renderXORAppendix(_ data: XORAppendixData, params: XORAppendixParameters) -> Chart {
    Chart(
        width: 420, height: 380, rows: 2, columns: 2,
        panels: [
            xorDatasetPanel(inputs: data.xor.inputs, labels: data.xor.labels),
            neuronNormPanel(data.xor.ewn, label: "(b)", params: params.xor),
            neuronNormPanel(data.xor.unnorm, label: "(c)", params: params.xor),
            neuronNormPanel(data.swn, label: "(d)", params: params.xor),
        ])
}

func xorAppendixCaption(_ data: XORAppendixData, params: XORAppendixParameters) -> String {
    xorCaption(
        panels: "(a) The XOR dataset. (b), (c) and (d): norm ‖w_j‖ of each hidden neuron's incoming weights against steps for EWN, "
            + "Unnorm and SWN (|γ_j|, eq. 1–2, k_max = \(formatNumber(params.kMaxSWN))), all from the same start; panels (a)–(c) are the runs of Fig. 5.",
        runs: [data.xor.ewn, data.xor.unnorm, data.swn], start: data.xor.start, params: params.xor)
}
