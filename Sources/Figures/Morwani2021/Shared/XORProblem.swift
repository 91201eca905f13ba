import Experiments

/// The XOR training set and the network Morwani §4.3 trains on it (FIGURES.md morwani2021-fig5):
/// f(x) = Σ_j a_j relu(w_j·x), 20 hidden units, no biases, second layer a_j ∈ {±1} frozen.
public enum XORProblem {
    /// x ∈ {(1,1), (−1,−1), (1,−1), (−1,1)} (CHOSEN: the paper's plot ticks are −1..1).
    public static let inputs: [[Double]] = [[1, 1], [-1, -1], [1, -1], [-1, 1]]
    /// y = x[0]·x[1]: (+1, +1, −1, −1).
    public static let labels: [Double] = inputs.map { $0[0] * $0[1] }

    /// The 4 × 2 input matrix (one sample per row).
    public static var inputMatrix: Matrix { Matrix(inputs) }

    /// Σ_i exp(−y_i f(x_i)), carried as log L (Morwani line 137; FIGURES.md §0.2).
    public static var loss: ExponentialLoss { ExponentialLoss(labels: labels, reduction: .sum) }

    /// The two-layer ReLU net with first layer `weights` (rows w_j) under `parameterization` and
    /// the frozen, unnormalized second layer `secondLayer` (line 298).
    public static func network(
        weights: Matrix, secondLayer: [Double], parameterization: WeightParameterization
    ) -> FeedForwardNetwork {
        .twoLayer(
            firstLayer: weights, parameterization: parameterization, activation: .relu,
            secondLayer: Matrix(row: secondLayer), trainSecondLayer: false)
    }
}

/// The random start shared by EWN, Unnorm and SWN, so all three begin at the same function.
public struct XORInitialization: Codable, Equatable, Sendable {
    /// a_j ∈ {±1}.
    public var secondLayer: [Double]
    /// w_j(0), one row per hidden unit.
    public var weights: [[Double]]
    /// Draws rejected by the acceptance rule before this one.
    public var redraws: Int
    /// The generator stream the draws came from.
    public var stream: String

    public init(secondLayer: [Double], weights: [[Double]], redraws: Int, stream: String) {
        self.secondLayer = secondLayer
        self.weights = weights
        self.redraws = redraws
        self.stream = stream
    }

    /// From the stream `stream` of `seed`: a_j = +1 iff U_j < ½ (j = 1…m), then W(0) row-major
    /// i.i.d. N(0, σ²); repeated from the continuing stream until `isTrainable` (CHOSEN
    /// acceptance rule: a point with no active unit of its own sign gets no gradient, ever);
    /// nil if `maxRedraws` draws are all rejected.
    public static func draw(
        seed: UInt64, hiddenUnits m: Int, scale sigma: Double, stream: String = "init", maxRedraws: Int = 100_000
    ) -> XORInitialization? {
        var rng = SeededGenerator(seed: seed, stream: stream)
        var redraws = 0
        while redraws <= maxRedraws {
            let a = (0..<m).map { _ in rng.sign() }
            let w = rng.normalMatrix(rows: m, columns: 2, standardDeviation: sigma).rowList
            let candidate = XORInitialization(secondLayer: a, weights: w, redraws: redraws, stream: stream)
            if candidate.isTrainable { return candidate }
            redraws += 1
        }
        return nil
    }

    /// Every data point x_i has a unit with a_j = y_i and w_j·x_i > 0, and every w_j ≠ 0
    /// (SWN/EWN need ‖w_j(0)‖ > 0 for α_j(0) = ln‖w_j(0)‖).
    public var isTrainable: Bool {
        guard weights.allSatisfy({ norm($0) > 0 }) else { return false }
        return XORProblem.inputs.indices.allSatisfy { i in
            weights.indices.contains { j in
                secondLayer[j] == XORProblem.labels[i] && dot(weights[j], XORProblem.inputs[i]) > 0
            }
        }
    }
}
