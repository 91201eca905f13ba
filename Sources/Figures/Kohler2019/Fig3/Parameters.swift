import FigureKit

/// Kohler et al. 2019, Fig. 3 (FIGURES.md kohler2019-fig3). App. D is missing: values CHOSEN there.
public struct Kohler2019Fig3Parameters: FigureParameters {
    /// Training images used, from the top of the batches (0: all of the set found).
    public var imageCount: Int
    /// Use the full CIFAR-10 training set when a searched folder holds it (paper scale).
    public var preferFullCIFAR: Bool
    /// Hidden layers and their width (l.864: 6 × 50); the central weight layer is W₄ (l.872).
    public var hiddenLayers: Int
    public var width: Int
    public var centralLayer: Int
    /// η of plain full-batch GD on every parameter, both nets (l.845–847).
    public var stepSize: Double
    public var iterations: Int
    /// M: cross-derivatives every M iterations; the gradient norm every `normEvery`.
    public var measureEvery: Int
    public var normEvery: Int
    /// R runs per net (paired: the BN and GD nets of run r share their initial weights).
    public var runs: Int
    /// Hutchinson probes K per measurement; 0: exact norms (one product per entry of W₄).
    public var probes: Int
    /// At t = 0 only, also a Hutchinson estimate with this many probes, to check the exact norms (0: none).
    public var checkProbes: Int
    public var bandLevel: Double

    public static func preset(_ scale: Scale) -> Kohler2019Fig3Parameters {
        switch scale {
        case .smoke:
            return .init(imageCount: 64, preferFullCIFAR: false, hiddenLayers: 6, width: 8, centralLayer: 4, stepSize: 0.01,
                         iterations: 30, measureEvery: 10, normEvery: 1, runs: 1, probes: 0, checkProbes: 2048, bandLevel: 0.9)
        case .default:
            // One paired run (no band), the spec's fallback: two took 62–80 s on 2 cores, over the
            // minute a default figure may take; the paper scale keeps five.
            return .init(imageCount: 0, preferFullCIFAR: false, hiddenLayers: 6, width: 50, centralLayer: 4, stepSize: 0.01,
                         iterations: 1000, measureEvery: 100, normEvery: 10, runs: 1, probes: 16, checkProbes: 0, bandLevel: 0.9)
        case .paper:
            return .init(imageCount: 0, preferFullCIFAR: true, hiddenLayers: 6, width: 50, centralLayer: 4, stepSize: 0.01,
                         iterations: 5000, measureEvery: 200, normEvery: 10, runs: 5, probes: 64, checkProbes: 0, bandLevel: 0.9)
        }
    }
}
