import RealModule

/// Preallocated buffers for one network and one sample count, so a training step allocates nothing.
public struct NetworkWorkspace: Sendable {
    public let sampleCount: Int
    /// Effective W_l, refreshed by every forward pass.
    public internal(set) var weights: [Matrix]
    /// Z_l = H_{l−1} W_lᵀ (n × width_l).
    public internal(set) var preActivations: [Matrix]
    /// H_l = σ(Z_l); the last one is the output F = s Z_N.
    public internal(set) var activations: [Matrix]
    /// ∂/∂Z_l.
    public internal(set) var deltas: [Matrix]
    /// ∇_{W_l}, filled by `backward` for trainable layers.
    public internal(set) var weightGradients: [Matrix]
    /// ∂F (n × k): written by the loss, read by `backward`.
    public var outputGradient: Matrix
    /// Whether layers below the BLAS threshold take the fused loops of `SmallLayerPasses.swift`
    /// (same bits, less overhead); false runs every layer through `gemm` and the element-wise passes.
    public let fusesSmallLayers: Bool
    /// Per EWN layer, pairs (α_u, e^{α_u}) — values[u] is always exp(scales[u]), from the start
    /// (0, e⁰) or as the last fused forward pass computed it — so that `LayerWeights.step` can reuse
    /// e^{α_u} while α_u is unchanged. Empty for other layers.
    var knownExponentials: [(scales: [Double], values: [Double])]

    public init(network: FeedForwardNetwork, sampleCount n: Int, fusesSmallLayers: Bool = true) {
        sampleCount = n
        self.fusesSmallLayers = fusesSmallLayers
        weights = network.layers.map { Matrix(rows: $0.weights.neuronCount, columns: $0.weights.inputCount) }
        preActivations = network.layers.map { Matrix(rows: n, columns: $0.weights.neuronCount) }
        activations = preActivations
        deltas = preActivations
        weightGradients = weights
        outputGradient = Matrix(rows: n, columns: network.outputCount)
        knownExponentials = network.layers.map { layer in
            let count = layer.weights.parameterization == .exponential ? layer.weights.neuronCount : 0
            return ([Double](repeating: 0, count: count), [Double](repeating: Double.exp(0), count: count))
        }
    }

    /// The network outputs F from the last forward pass.
    public var outputs: Matrix { activations[activations.count - 1] }
}
