import FigureKit

/// Kohler et al. 2019, Fig. 1 (FIGURES.md kohler2019-fig1). All values CHOSEN there (the paper gives none).
public struct Kohler2019Fig1Parameters: FigureParameters {
    /// μ: x | y ~ N(y·μ, Σ), P(y = ±1) = ½.
    public var classMean: [Double]
    /// Σ, row-major 2×2.
    public var classCovariance: [Double]
    /// w̃₀, the common start of GD and GDNPseq.
    public var start: [Double]
    /// η of GD and of both GDNPseq phases ("infinitesimally small stepsize", l.473).
    public var stepSize: Double
    /// Gauss–Hermite points for every expectation (≥ 80: see FIGURES.md pitfalls).
    public var quadraturePoints: Int
    /// Half-width of the square window [−a, a]²; a path stops when it leaves it.
    public var window: Double
    /// Contour grid points per axis.
    public var gridPoints: Int
    /// Contour levels per panel, at the grid-value quantiles k/(levels + 1).
    public var contourLevels: Int
    /// A run stops when the norm of its gradient falls below this.
    public var gradientTolerance: Double
    public var maxSteps: Int
    /// At most this many points of each path are stored for drawing.
    public var storedPathPoints: Int

    public static func preset(_ scale: Scale) -> Kohler2019Fig1Parameters {
        var p = Kohler2019Fig1Parameters(
            classMean: [0.5, 0], classCovariance: [1, 0.8, 0.8, 1], start: [-1.5, 2.5], stepSize: 5e-3,
            quadraturePoints: 80, window: 3, gridPoints: 101, contourLevels: 25, gradientTolerance: 1e-7,
            maxSteps: 400_000, storedPathPoints: 1500)
        switch scale {
        case .smoke:
            p.stepSize = 2e-2
            p.gridPoints = 41
            p.storedPathPoints = 300
        case .default: break
        case .paper: p.gridPoints = 201
        }
        return p
    }
}
