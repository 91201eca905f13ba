import FigureKit
import Foundation
import Plot

/// Kohler et al. 2019, Fig. 1: level sets and GD / GDNPseq paths on one Gaussian population.
public let figure = AnyFigure(FigureDefinition(
    id: "kohler2019-fig1", citation: Citation(paper: .kohler2019, figure: "Fig. 1"),
    run: runKohler2019Fig1, render: renderKohler2019Fig1, claims: kohler2019Fig1Claims,
    caption: kohler2019Fig1Caption))

public func kohler2019Fig1Caption(_ data: Kohler2019Fig1Data, params p: Kohler2019Fig1Parameters) -> String {
    let ends = data.losses.map { $0.directionPhase.end }
    var spread = 0.0
    for a in ends { for b in ends { spread = max(spread, hypot(a[0] - b[0], a[1] - b[1])) } }
    let ls = hausdorff(data.losses[0].gd, data.losses[1].gd), ls2 = hausdorff(data.losses[1].gd, data.losses[2].gd)
    let endText = data.losses.map { "\($0.phi.rawValue) (\(formatNumber($0.lengthPhase.end[0])), \(formatNumber($0.lengthPhase.end[1])))" }
    return """
        Level sets (\(p.contourLevels) contours at grid-value quantiles) of (i) least squares E[(y − xᵀw̃)²], (ii) logistic \
        E[softplus(zᵀw̃)] and (iii) sigmoidal E[σ(zᵀw̃)] regression on one Gaussian population, z = −yx, x | y ~ N(yμ, Σ), \
        μ = (\(p.classMean.map(formatNumber).joined(separator: ", "))), Σ = [[\(p.classCovariance[0...1].map(formatNumber).joined(separator: ", "))], \
        [\(p.classCovariance[2...3].map(formatNumber).joined(separator: ", "))]] (CHOSEN); every expectation is exact up to a \
        \(p.quadraturePoints)-point Gauss–Hermite rule (no sampling). Left: GD in original coordinates; right: GDNPseq, first \
        the direction flow in w̃ = g₀w/‖w‖_S (eq. 9) with g₀ = ‖w̃₀‖_S = \(formatNumber(data.startLength)) frozen, then the \
        length flow on g; both from w̃₀ = (\(formatNumber(p.start[0])), \(formatNumber(p.start[1]))) with η = \(formatNumber(p.stepSize)). \
        Dotted red: the optimal direction S⁻¹u (Lemma 1), angle θ* = \(formatNumber(data.optimalAngle)). Measured: the three \
        direction phases end within \(formatNumber(spread)) of each other on the red line; GDNPseq ends at \
        \(endText.joined(separator: ", "))\(data.losses[2].lengthPhase.leftWindow ? " (sigmoid: left the window — no finite minimizer)" : ""); \
        the GD paths are \(formatNumber(ls)) (least squares vs logistic) and \(formatNumber(ls2)) (logistic vs sigmoid) apart \
        (Hausdorff), GD steps \(data.losses.map { String($0.gd.steps) }.joined(separator: " / ")).
        """
}
