import FigureKit

/// The plot-gallery demo's resolution: how finely its analytic curves and fields are sampled.
/// It runs no paper's experiment; every scale takes well under a second.
public struct PlotGalleryParameters: FigureParameters {
    /// Points per curve on the log–log and semilog panels.
    public var curvePoints: Int
    /// Nodes per side of the contour and heat-map grids.
    public var gridSize: Int
    /// Gradient-descent steps per trajectory on the quadratic bowl.
    public var descentSteps: Int
    /// Step size of those gradient-descent runs.
    public var descentStep: Double
    /// Training steps of the synthetic loss/α curves on the twin-axis panel.
    public var trainingSteps: Int

    public static func preset(_ scale: Scale) -> Self {
        switch scale {
        case .smoke:
            return Self(curvePoints: 25, gridSize: 21, descentSteps: 30, descentStep: 0.3, trainingSteps: 200)
        case .default, .paper:
            return Self(curvePoints: 60, gridSize: 61, descentSteps: 60, descentStep: 0.15, trainingSteps: 1000)
        }
    }
}
