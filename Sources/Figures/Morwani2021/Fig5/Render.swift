import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Fig. 5: (a) data, (b) EWN, (c) Unnorm, in a row.
public func renderXOR(_ data: XORData, params: XORParameters) -> Chart {
    Chart(
        width: 520, height: 175, rows: 1, columns: 3,
        panels: [
            xorDatasetPanel(inputs: data.inputs, labels: data.labels),
            neuronNormPanel(data.ewn, label: "(b)", params: params),
            neuronNormPanel(data.unnorm, label: "(c)", params: params),
        ])
}

