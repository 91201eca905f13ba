import FigureKit

/// Dukler et al. (ICML 2020), Fig. 1 and eq. (2.3), computed on a real WN network
/// (FIGURES.md dukler2020-fig1; the paper's figure is a schematic).
public struct NormGrowthParameters: FigureParameters {
    /// n: the first n MNIST training images of the two digits (CHOSEN: the 4-vs-9 pipeline of dukler2019iclr-fig2).
    public var sampleCount: Int
    public var positiveDigit: Int
    public var negativeDigit: Int
    /// m (CHOSEN: m ≥ n, the over-parameterized regime).
    public var hiddenUnits: Int
    /// α in init (2.4) (CHOSEN: 1).
    public var alpha: Double
    /// Steps of the run at η0 = 1/λmax(H(0)); every run ends at T = gdSteps·η0.
    public var gdSteps: Int
    /// GD step sizes as fractions of η0 (CHOSEN: η0, η0/2, η0/4).
    public var stepFractions: [Double]
    /// RK4 step of the flow (3.1) as a fraction of η0 (CHOSEN: 1/4).
    public var flowStepFraction: Double
    /// E(t) is recorded every `recordEvery`·η0 of time.
    public var recordEvery: Int
    /// Panel (b) takes every `scatterEvery`-th step of the η0 run, all neurons (CHOSEN 50 at default:
    /// 2000 points; FIGURES.md allows up to 5000, which makes a 3 MB SVG).
    public var scatterEvery: Int

    /// paper = default: the paper's figure is a schematic and gives no numbers.
    public static func preset(_ scale: Scale) -> NormGrowthParameters {
        switch scale {
        case .smoke:
            // CHOSEN n = m = 40, 100 steps (FIGURES.md: 20, 20, 200): at n = m = 20 the η0 run ends 21%
            // below the flow's loss in the 1e-6 tail, which fails `same-trajectory`.
            return NormGrowthParameters(sampleCount: 40, positiveDigit: 4, negativeDigit: 9, hiddenUnits: 40, alpha: 1,
                                        gdSteps: 100, stepFractions: [1, 0.5, 0.25], flowStepFraction: 0.5,
                                        recordEvery: 2, scatterEvery: 5)
        case .default, .paper:
            return NormGrowthParameters(sampleCount: 100, positiveDigit: 4, negativeDigit: 9, hiddenUnits: 100, alpha: 1,
                                        gdSteps: 1000, stepFractions: [1, 0.5, 0.25], flowStepFraction: 0.25,
                                        recordEvery: 10, scatterEvery: 50)
        }
    }
}
