import FigureKit

/// Wu et al. 2020, Fig. 1: GD, WN (Algorithm 1) and rPGD (Algorithm 2) on over-parametrized least
/// squares, started from the same initializations. Values marked CHOSEN are not in the paper
/// (its experimental-details appendix is not part of the text); see FIGURES.md, wu2020-fig1.
public struct Wu2020Fig1Parameters: FigureParameters {
    /// m, the number of observations (rows of A). CHOSEN: 10.
    public var rows: Int
    /// d, the number of parameters (columns of A), d > m. CHOSEN: 50.
    public var dimension: Int
    /// ‖x*‖ = g*: y is rescaled so that the minimum-norm solution has this length. CHOSEN: 2.5.
    public var minNormLength: Double
    /// The grid of initial norms ‖x0‖ = g0. CHOSEN: 0, 0.25, …, 5 (= [0, 2 g*]).
    public var initialNorms: [Double]
    /// R, random initial directions per initial norm. CHOSEN: 50.
    public var directions: Int
    /// η, the step on x (GD) and on w (WN, rPGD); Fig. 1 caption: 0.005.
    public var directionStep: Double
    /// γ, the step on g (WN, rPGD); Fig. 1 caption: 0.005, so c = γ/η = 1 (Condition 2.1).
    public var scaleStep: Double
    /// A run stops at the first iterate with ½‖Ax − y‖² ≤ this (Fig. 1 caption: 1e-5).
    public var lossTolerance: Double
    /// A run that has not reached `lossTolerance` after this many updates is an error. CHOSEN: 10⁶.
    public var maxIterations: Int

    public static func preset(_ scale: Scale) -> Self {
        let fullGrid = (0...20).map { Double($0) * 0.25 }
        switch scale {
        case .smoke:
            return Self(
                rows: 10, dimension: 50, minNormLength: 2.5, initialNorms: [0, 1, 2, 3, 4], directions: 5,
                directionStep: 0.005, scaleStep: 0.005, lossTolerance: 1e-5, maxIterations: 1_000_000)
        case .default:
            return Self(
                rows: 10, dimension: 50, minNormLength: 2.5, initialNorms: fullGrid, directions: 50,
                directionStep: 0.005, scaleStep: 0.005, lossTolerance: 1e-5, maxIterations: 1_000_000)
        case .paper:
            return Self(
                rows: 10, dimension: 50, minNormLength: 2.5, initialNorms: fullGrid, directions: 200,
                directionStep: 0.005, scaleStep: 0.005, lossTolerance: 1e-5, maxIterations: 1_000_000)
        }
    }

    /// c = γ/η, the step-size ratio of Condition 2.1.
    public var stepRatio: Double { scaleStep / directionStep }
}
