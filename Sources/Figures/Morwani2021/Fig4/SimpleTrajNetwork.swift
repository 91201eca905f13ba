import Experiments

/// The Simple-Traj network of Fig. 4(a) on one labelled point (x, y): hidden neurons h1 = w1·x1 and
/// h2 = w2·x2 (the crossing weights x1→h2, x2→h1 frozen to 0, so each hidden neuron has ONE
/// trainable incoming scalar), linear activations, output o = 1·h1 + 1·h2 (frozen to 1):
///   Φ(w; x) = w1·x1 + w2·x2,  L = exp(−y Φ).
/// The hidden layer is a 2 × 1 `LayerWeights` under the chosen parameterization: for EWN,
/// w_u = sign(v_u)·e^{α_u} with v_u constant (eq. 4 vanishes in one dimension).
public struct SimpleTrajNetwork: DescentModel {
    public private(set) var hidden: LayerWeights
    public let input: [Double]
    public let label: Double
    /// ∇_w log L at the last `evaluate`, one row per hidden neuron.
    public private(set) var weightGradient: Matrix
    // The one-sample loss and the buffers `evaluate` writes into, kept so that a step allocates
    // nothing (a fresh loss and three small matrices were four allocations a step, in a step of well under 1 µs).
    private let loss: ExponentialLoss
    /// W (2×1), the output Φ (1×1) and ∇_Φ log L (1×1) of the last `evaluate`.
    private var effective: Matrix
    private var outputs: Matrix
    private var outputGradient: Matrix

    public init(initialWeights w: [Double], parameterization: WeightParameterization, input: [Double], label: Double = 1) {
        precondition(w.count == 2 && input.count == 2, "SimpleTrajNetwork: two hidden neurons, two inputs")
        hidden = LayerWeights(effectiveWeights: Matrix(column: w), parameterization: parameterization)
        self.input = input
        self.label = label
        weightGradient = Matrix(rows: 2, columns: 1)
        loss = ExponentialLoss(labels: [label])
        effective = Matrix(rows: 2, columns: 1)
        outputs = Matrix(rows: 1, columns: 1)
        outputGradient = Matrix(rows: 1, columns: 1)
    }

    /// (w1, w2).
    public var weights: [Double] { hidden.effectiveWeights.elements }

    /// Φ(w; x) = 1·(w1 x1) + 1·(w2 x2).
    public func output(_ w: [Double]) -> Double { w[0] * input[0] + w[1] * input[1] }

    /// log L and ∇_w log L = p·(−y)·x_u per neuron (p = 1 for one sample), via the core's log-domain loss.
    /// Into the stored buffers: the same operations as `loss.evaluate(Matrix(column: [output(weights)]))`.
    public mutating func evaluate() -> LossLevel {
        hidden.effectiveWeights(into: &effective)
        outputs.elements[0] = output(effective.elements)
        let level = loss.evaluate(outputs, gradient: &outputGradient)
        for u in 0..<2 { weightGradient[u, 0] = outputGradient.elements[0] * input[u] }
        return level
    }

    /// Morwani eq. 3 (EWN) or plain GD (Unnorm) with η·g replaced by s·∇ log L (FIGURES.md §0.2).
    public mutating func step(stepSize s: Double) {
        hidden.step(weightGradient: weightGradient, stepSize: s)
    }
}
