import FigureKit

/// Wu et al. 2020, Fig. 2 (computed): WN-flow paths for A = [1, 0] against GD, and eq. (7) against
/// the exact limit of Theorem 2.6.
public let figure = AnyFigure(FigureDefinition(
    id: "wu2020-fig2", citation: Citation(paper: .wu2020, figure: "Fig. 2"),
    run: runWu2020Fig2, render: renderWu2020Fig2, claims: wu2020Fig2Claims, caption: wu2020Fig2Caption))

func wu2020Fig2Caption(_ data: Wu2020Fig2Data, params: Wu2020Fig2Parameters) -> String {
    let a = data.panelA
    func point(_ p: [Double]) -> String { "(\(formatNumber(p[0])), \(formatNumber(p[1])))" }
    return """
        A computed version of the paper's schematic. (a) A = [1, 0], f(w, g) = ½(g w1 − \(formatNumber(params.panelATarget)))² \
        (footnote 1, with the ½ of eq. 3), minimum-norm point c = x* = \(point(a.minimumNormSolution)). From \
        a = \(point(a.flowFromA.start)) (g0 = \(formatNumber(params.startAScale)) < g*, \(formatNumber(params.startAAngleDegrees))°): \
        GD keeps the null-space part and ends at d = \(point(a.gdFromA.end)); the WN flow (eq. 4, c = γ/η = \(formatNumber(params.ratio))) \
        ends at e = \(point(a.flowFromA.end)); with g frozen (c = 0) the flow reaches b = \(point(a.frozenStage.end)) on the \
        row space, and releasing g (c = \(formatNumber(params.ratio))) lands on c (Theorem 2.6, Part II). From \
        f = \(point(a.flowFromF.start)) (g0 = \(formatNumber(params.startFScale)) > g*, \(formatNumber(params.startFAngleDegrees))°) \
        the flow ends at g = \(point(a.flowFromF.end)), farther from c than GD's d′ = \(point(a.gdFromF.end)) (dashed). \
        Discrete rPGD (Algorithm 2, η = γ = \(formatNumber(params.rpgdStep))) from a ends at \(point(a.projectedFromA.end)). \
        (b) The text's example (y = 1, w0 = (0, 1), c = \(formatNumber(params.ratio))): the null-space coordinate of the \
        limit. The paper's eq. (7) puts g* where the limit ĝ of g belongs and is exact only when w⊥_0 = 0; the green \
        line uses the exact ĝ, the root of ĝ²(1 − ‖w⊥_0‖² e^{(g0² − ĝ²)/c}) = ‖x*‖² from the invariant of Lemma 2.5, \
        which the integrated flows (circles) follow; eq. (7) (dashed) over-estimates it. Flows: classical RK4, \
        dt = \(formatNumber(params.timeStep)), stopped when the loss is below \(formatNumber(params.lossStop)). CHOSEN: the \
        starting angles and scales of a and f, and GD as a constant-step (η = \(formatNumber(params.gdStep))) run on x.
        """
}
