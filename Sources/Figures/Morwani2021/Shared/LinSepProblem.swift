import Experiments
import Foundation

/// Morwani & Ramaswamy's Lin-Sep experiment (§4.1, l.175–180; FIGURES.md Part 3, "Shared: Lin-Sep"):
/// a 2-layer net with 8 hidden ReLU² neurons and a frozen ±1 second layer,
///   Φ(w, x) = Σ_u a_u relu(w_uᵀx)²,
/// trained on 16 linearly separable points in R² with the summed exponential loss
///   L(w) = Σ_i exp(−y_i Φ(w, x_i))   (l.137).
public enum LinSepProblem {
    /// The 16 points (CHOSEN: the paper says only "a linearly separable dataset"; FIGURES.md's
    /// normative table), rows 1–8 labelled +1, rows 9–16 labelled −1.
    public static let inputs: [[Double]] = [
        [2.46, -0.43], [3.75, 0.00], [2.97, 0.42], [2.17, 0.58], [-0.22, 2.49], [-0.61, 3.45], [-0.85, 2.62], [0.11, 3.25],
        [-2.35, -0.86], [-2.66, -1.86], [-2.65, -2.65], [-1.72, -2.46], [-0.95, -2.04], [-0.91, -3.38], [-2.11, -1.77],
        [-2.72, -1.27],
    ]
    public static let labels: [Double] = (0..<16).map { $0 < 8 ? 1 : -1 }
    /// a = (+1, −1, +1, −1, …), fixed (CHOSEN, as the same paper's XOR net, l.298).
    public static let secondLayer: [Double] = (0..<8).map { $0 % 2 == 0 ? 1 : -1 }
    /// w_u(0) for the default seed (CHOSEN; FIGURES.md's table = numpy default_rng(1).normal(0, 1, (8, 2)) rounded).
    public static let initialWeightTable: [[Double]] = [
        [0.35, 0.82], [0.33, -1.30], [0.91, 0.45], [-0.54, 0.58], [0.36, 0.29], [0.03, 0.55], [-0.74, -0.16], [-0.48, 0.60],
    ]
    /// Degree 𝓛 of homogeneity of Φ in the effective weights w (relu² is 2-homogeneous).
    public static let homogeneity = Activation.reluSquared.homogeneityDegree

    public static var inputMatrix: Matrix { Matrix(inputs) }

    /// Σ_i exp(−y_i Φ(w, x_i)), carried as log L (l.137; FIGURES.md "Log-domain numerics").
    public static var loss: ExponentialLoss { ExponentialLoss(labels: labels, reduction: .sum) }

    /// Φ with hidden weights `weights` (rows w_u) under `parameterization` (eq. 1–2 SWN, eq. 3–4 EWN).
    public static func network(weights: Matrix, parameterization: WeightParameterization) -> FeedForwardNetwork {
        .twoLayer(
            firstLayer: weights, parameterization: parameterization, activation: .reluSquared,
            secondLayer: Matrix(row: secondLayer), trainSecondLayer: false)
    }

    /// The normalized parameter margin γ̄ = min_i y_iΦ(w, x_i) / ‖w‖^𝓛 (Fig. 2 (e); ‖w‖ of all 16 weights).
    public static func normalizedMargin(outputs: [Double], weights: Matrix) -> Double {
        var smallest = Double.infinity
        for i in labels.indices { smallest = min(smallest, labels[i] * outputs[i]) }
        let squaredNorm = weights.elements.reduce(0) { $0 + $1 * $1 }
        return smallest / pow(squaredNorm, Double(homogeneity) / 2)
    }
}

/// Where the training starts: the same effective w_u(0) for EWN and SWN (‖v_u(0)‖ = 1, l.135).
public struct LinSepStart: Codable, Equatable, Sendable {
    /// w_u(0), one row per hidden neuron.
    public var weights: [[Double]]
    /// True for FIGURES.md's fixed table (the default seed), false for a draw w_u(0) ~ N(0, I₂).
    public var isTable: Bool
    /// Where the weights came from, for captions and manifests.
    public var source: String

    public init(weights: [[Double]], isTable: Bool, source: String) {
        self.weights = weights
        self.isTable = isTable
        self.source = source
    }

    /// Seed 0: the fixed table (RNG-free, so the verified run is exact); any other seed s draws
    /// w_u(0) ~ N(0, I₂) row by row from stream "init" of s (FIGURES.md, "Init").
    public static func forSeed(_ seed: UInt64) -> LinSepStart {
        if seed == 0 {
            return LinSepStart(weights: LinSepProblem.initialWeightTable, isTable: true, source: "the fixed table of FIGURES.md")
        }
        var rng = SeededGenerator(seed: seed, stream: "init")
        let w = rng.normalMatrix(rows: LinSepProblem.secondLayer.count, columns: 2).rowList
        return LinSepStart(weights: w, isTable: false, source: "w_u(0) ~ N(0, I₂), seed \(seed), stream \"init\"")
    }
}
