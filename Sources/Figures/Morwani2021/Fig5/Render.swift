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

func xorCaption(_ data: XORData, params: XORParameters) -> String {
    xorCaption(
        panels: "(a) Training data for the XOR experiment. (b, c) Norm ‖w_j‖ of the incoming weights of each of the "
            + "\(params.hiddenUnits) hidden neurons against gradient-descent steps, for EWN and the unnormalized net, from the same start.",
        runs: [data.ewn, data.unnorm], start: data.start, params: params)
}
