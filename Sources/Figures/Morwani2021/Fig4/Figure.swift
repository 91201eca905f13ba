import Experiments
import FigureKit

/// Morwani & Ramaswamy, Fig. 4: Simple-Traj, (a) the network, (b) EWN vs Unnorm weight trajectories.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig4", citation: Citation(paper: .morwani2021, figure: "Fig. 4"),
    run: runSimpleTraj, render: { data, _ in renderSimpleTraj(data) }, claims: simpleTrajClaims,
    caption: simpleTrajCaption))

public func simpleTrajCaption(_ data: SimpleTrajData, params: SimpleTrajParameters) -> String {
    let starts = params.initialPoints.map { "(\(formatNumber($0[0])), \(formatNumber($0[1])))" }.joined(separator: ", ")
    func steps(_ method: WeightParameterization) -> String {
        data.runs(method).map { String($0.steps) }.joined(separator: "/")
    }
    let missed = data.runs.filter { !$0.reachedTarget }
    let missedText = missed.isEmpty ? "" : """
         NOT REACHED within \(params.maxSteps) steps: \(missed.map { "\($0.parameterization.paperName) from (\(formatNumber($0.initial[0])), \(formatNumber($0.initial[1]))) stopped at log L = \(formatNumber($0.finalLogLoss))" }.joined(separator: "; ")).
        """
    return """
        Simple-Traj: one point x = (\(formatNumber(data.dataPoint[0])), \(formatNumber(data.dataPoint[1]))) labelled +1, \
        Φ = w1·x1 + w2·x2 (crossing weights frozen to 0, output weights frozen to 1), exponential loss, trained \
        until L ≤ e^\(formatNumber(data.targetLogLoss)) with η = k/L^c, c = \(formatNumber(params.lrExponent)) (CHOSEN; \
        the exponent is garbled in App. L.2), k(0) = \(formatNumber(params.initialK)), ×/÷\(formatNumber(params.kFactor)), \
        k ≤ \(formatNumber(params.maxK)), every step kept. Initial points (CHOSEN, not in the text): \(starts). \
        Steps to the target: EWN \(steps(.exponential)), Unnorm \(steps(.unnormalized)). Measured: \
        \(measuredSentence(simpleTrajClaims(data, params: params, scale: .default), ids: ["traj-ewn-axis", "traj-unnorm-line"])) \
        (the predicted EWN axis is that of the neuron with the larger x_u·w_u(0), basin boundary w2 = (x1/x2)·w1; \
        Unnorm moves on lines parallel to x).\(missedText)
        """
}
