import FigureKit

/// Morwani & Ramaswamy, Fig. 6: convergence of the train loss of multilayer linear nets by depth.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig6", citation: Citation(paper: .morwani2021, figure: "Fig. 6"),
    run: runDepths, render: { data, _ in renderDepths(data) }, claims: depthClaims, caption: depthCaption))

func depthCaption(_ data: DepthData, params: DepthParameters) -> String {
    """
    Train loss L = Σ exp(−y_i f(x_i)) of f(x) = W_N⋯W_1 x (width 2, no bias, every row of every layer \
    normalized: EWN [α, v], SWN [γ, v]; Unnorm plain) for depths N = \(params.depths.map(String.init).joined(separator: ", ")) \
    (CHOSEN), constant η = \(formatNumber(params.stepSize)), \(data.steps) steps (App. L.4; loss recorded every \
    \(params.recordEvery) step\(params.recordEvery == 1 ? "" : "s")). Data (CHOSEN; the paper says only "linearly \
    separable"): m = \(params.sampleCount) points x ~ N(0, I₂) with |θ*·x| ≥ \(formatNumber(params.margin)), θ* = (1, 1)/√2, \
    y = sign(θ*·x), stream "data". Every net starts at the same function W_N⋯W_1 = θ0ᵀ = \
    (\(formatNumber(params.initialMap[0])), \(formatNumber(params.initialMap[1]))) (identity hidden layers, CHOSEN \
    construction). \(depthSentence(data))
    """
}

/// The final log L of every depth, per parameterization, from the runs.
func depthSentence(_ data: DepthData) -> String {
    let byMethod = depthPanels.map { method -> String in
        let runs = data.runs.filter { $0.parameterization == method }.sorted { $0.depth < $1.depth }
        return "\(method.paperName) " + runs.map { "N = \($0.depth): \(formatNumber($0.finalLogLoss))" }.joined(separator: ", ")
    }
    return "Final log L after \(data.steps) steps: " + byMethod.joined(separator: "; ") + "."
}
