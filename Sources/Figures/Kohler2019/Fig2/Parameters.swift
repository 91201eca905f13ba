import FigureKit

/// Kohler et al. 2019, Fig. 2 (FIGURES.md kohler2019-fig2). App. D is missing: values are CHOSEN there.
public struct Kohler2019Fig2Parameters: FigureParameters {
    /// Gaussian design: n, d, condition number κ of Σ (eigenvalues log-spaced 1 … 1/κ), Mahalanobis
    /// half-separation ‖μ‖_Σ of the class means ±μ.
    public var gaussianCount: Int
    public var gaussianDimension: Int
    public var conditionNumber: Double
    public var separation: Double
    /// a9a rows used, from the top of the file (0: all 32 561).
    public var a9aRows: Int
    /// R, random initializations w̃₀ ~ N(0, I/d) per panel (caption: 10).
    public var runs: Int
    public var gaussianIterations: Int
    public var a9aIterations: Int
    /// T_s, GDNP's gradient steps on g per iteration (l.504–507, 593–594).
    public var lengthSteps: Int
    /// Confidence level of the t-band (caption l.619: 90 %).
    public var bandLevel: Double

    public static func preset(_ scale: Scale) -> Kohler2019Fig2Parameters {
        switch scale {
        case .smoke:
            return .init(gaussianCount: 1000, gaussianDimension: 10, conditionNumber: 10, separation: 2, a9aRows: 2000, runs: 3,
                         gaussianIterations: 100, a9aIterations: 50, lengthSteps: 10, bandLevel: 0.9)
        case .default:
            return .init(gaussianCount: 2000, gaussianDimension: 50, conditionNumber: 10, separation: 2, a9aRows: 0, runs: 10,
                         gaussianIterations: 500, a9aIterations: 300, lengthSteps: 10, bandLevel: 0.9)
        case .paper:
            return .init(gaussianCount: 2000, gaussianDimension: 50, conditionNumber: 10, separation: 2, a9aRows: 0, runs: 10,
                         gaussianIterations: 1000, a9aIterations: 1000, lengthSteps: 10, bandLevel: 0.9)
        }
    }
}
