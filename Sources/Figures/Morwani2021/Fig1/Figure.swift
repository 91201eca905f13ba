import FigureKit

/// Morwani & Ramaswamy, Fig. 1: L2 neighbourhoods (ε = 0.5) in parameter space drawn in the weight plane.
public let figure = AnyFigure(FigureDefinition(
    id: "morwani2021-fig1", citation: Citation(paper: .morwani2021, figure: "Fig. 1"),
    run: runNeighbourhoods, render: { data, _ in renderNeighbourhoods(data) }, claims: neighbourhoodClaims,
    caption: neighbourhoodCaption))

func neighbourhoodCaption(_ data: NeighbourhoodData, params: NeighbourhoodParameters) -> String {
    let centres = params.centres.enumerated()
        .map { "C\($0.offset + 1) (\(formatNumber($0.element[0])), \(formatNumber($0.element[1])))" }
        .joined(separator: ", ")
    return """
        Images in the 2-d weight plane of the L2 ball of radius ε = \(formatNumber(data.epsilon)) in parameter \
        space: (a) EWN, w = e^α v/‖v‖ with [α, v] in a 3-d ball; (b) SWN, w = γ v/‖v‖ with [γ, v] in a 3-d ball; \
        (c) Unnorm, w in a 2-d disc. Ball centres from w0 by ‖v0‖ = 1 (α0 = ln‖w0‖, γ0 = ‖w0‖). Centres \
        (CHOSEN, the paper lists none; black dots): \(centres). Each region is the analytic image boundary \
        (\(params.vertexCount) vertices), checked with \(params.samplesPerRegion) uniform samples per ball \
        (streams "<EWN|SWN|Unnorm>-centre<k>"). The paper's caption swaps the [α, v]/[γ, v] labels; the text \
        (eq. 1–4) is followed. Measured on these regions: \(measuredSentence(neighbourhoodClaims(data, params: params, scale: .default), ids: ["fig1-ewn-scales-with-norm", "fig1-swn-fixed-radial"])).
        """
}
