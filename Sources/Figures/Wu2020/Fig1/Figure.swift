import FigureKit

/// Wu et al. 2020, Fig. 1: ‖x̂‖ against ‖x0‖ for GD, WN and rPGD on over-parametrized least squares.
public let figure = AnyFigure(FigureDefinition(
    id: "wu2020-fig1", citation: Citation(paper: .wu2020, figure: "Fig. 1"),
    defaultSeed: 1,  // FIGURES.md: figure seed 1
    run: runWu2020Fig1, render: renderWu2020Fig1, claims: wu2020Fig1Claims, caption: wu2020Fig1Caption))

func wu2020Fig1Caption(_ data: Wu2020Fig1Data, params: Wu2020Fig1Parameters) -> String {
    let grid = params.initialNorms
    return """
        Final norm ‖x̂‖ = ‖ĝŵ‖ of GD, WN (Algorithm 1) and rPGD (Algorithm 2) on over-parametrized \
        least squares min ½‖Ax − y‖², against the initial norm ‖x0‖ = g0; lines are means and bands \
        ±1 sd over \(params.directions) random initial directions (the same directions for all three \
        algorithms, ‖w0‖ = 1). Step sizes η = \(formatNumber(params.directionStep)) (x, w) and \
        γ = \(formatNumber(params.scaleStep)) (g); each run stops when the loss first reaches \
        \(formatNumber(params.lossTolerance)). The orange (rPGD) and green (WN, dashed) curves \
        overlap: both follow the same WN flow as the step sizes go to zero (Lemma 2.2). \(wu2020Fig1Sentence(data)) \
        CHOSEN (the paper's Section F is not \
        available): m = \(params.rows), d = \(params.dimension), A_ij ~ N(0, 1/d), x_true ~ N(0, I_d), \
        y = A x_true rescaled so that ‖x*‖ = \(formatNumber(data.minNormLength)); ‖x0‖ from \
        \(formatNumber(grid.first ?? 0)) to \(formatNumber(grid.last ?? 0)) (\(grid.count) values).
        """
}

/// GD against WN at the largest initial norm of the grid, from the runs.
func wu2020Fig1Sentence(_ data: Wu2020Fig1Data) -> String {
    guard let last = data.points.last else { return "" }
    let gap = { (runs: Wu2020Fig1Runs) in formatNumber(abs(runs.mean - data.minNormLength)) }
    return "At ‖x0‖ = \(formatNumber(last.initialNorm)) the mean final norm is \(gap(last.gd)) from ‖x*‖ for GD "
        + "(sd \(formatNumber(last.gd.standardDeviation))), \(gap(last.wn)) for WN (sd \(formatNumber(last.wn.standardDeviation))) "
        + "and \(gap(last.rpgd)) for rPGD."
}
