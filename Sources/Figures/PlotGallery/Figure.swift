import FigureKit

/// The plotting layer's own demonstration: every scale and mark on synthetic data (no paper).
public let figure = AnyFigure(FigureDefinition(
    id: "plot-gallery", citation: Citation(paper: .wnfigures, figure: "plot gallery"),
    run: runPlotGallery, render: { data, _ in renderPlotGallery(data) },
    claims: { data, params, _ in plotGalleryClaims(data, params: params) }, caption: plotGalleryCaption))

func plotGalleryCaption(_ data: PlotGalleryData, params: PlotGalleryParameters) -> String {
    """
    The plotting layer on synthetic data. (a) power laws on log–log axes with hollow-marker samples; \
    (b) losses carried in the log domain down to L = e^-300 on a semilog axis, with bands and markers; \
    (c) a loss with ±1 sd band on the left axis and α on a twin right axis; (d) contours of \
    f = ½xᵀSx with labelled levels and gradient-descent trajectories (η = \(formatNumber(params.descentStep)), \
    \(params.descentSteps) steps) at equal aspect, legend below; (e) log10(1 + Rosenbrock) as a heat map \
    with colour bar; (f) a network diagram drawn with shapes. Grids are \(params.gridSize) × \(params.gridSize).
    """
}
