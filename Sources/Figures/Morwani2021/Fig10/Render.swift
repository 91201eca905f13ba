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
