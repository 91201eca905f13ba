/// A fully connected network without biases, batched over samples (one sample per row of X):
///   H_0 = X,  Z_l = H_{l−1} W_lᵀ,  H_l = σ(Z_l) (l < N),  F = s · Z_N,
/// where W_l's rows are the neurons of layer l, each layer under its own parameterization, and
/// s is a fixed output scale (1/√m in Dukler eq. 1.2, else 1). This one type is the two-layer nets
/// (Morwani XOR / Lin-Sep / MNIST, Dukler) and the deep linear nets (Morwani fig6).
///
/// Backprop (hand-written, two GEMMs per layer): δ_N = s·∂F, ∇W_l = δ_lᵀ H_{l−1},
/// δ_{l−1} = (δ_l W_l) ∘ σ′(Z_{l−1}).
public struct FeedForwardNetwork: Equatable, Codable, Sendable {
    public struct Layer: Equatable, Codable, Sendable {
        public var weights: LayerWeights
        /// Frozen layers (Morwani's fixed ±1 second layer, Dukler's c_k) still pass gradients
        /// backward but are never updated.
        public var isTrainable: Bool

        public init(weights: LayerWeights, isTrainable: Bool = true) {
            self.weights = weights
            self.isTrainable = isTrainable
        }
    }

    public var layers: [Layer]
    /// σ, applied after every layer but the last.
    public let activation: Activation
    public let outputScale: Double

    public init(layers: [Layer], activation: Activation, outputScale: Double = 1) {
        precondition(!layers.isEmpty, "FeedForwardNetwork needs at least one layer")
        for l in 1..<max(layers.count, 1) {
            precondition(
                layers[l].weights.inputCount == layers[l - 1].weights.neuronCount,
                "FeedForwardNetwork: layer \(l + 1) takes \(layers[l].weights.inputCount) inputs but layer \(l) has \(layers[l - 1].weights.neuronCount) neurons")
        }
        self.layers = layers
        self.activation = activation
        self.outputScale = outputScale
    }

    /// f(x) = s Σ_u a_u σ(w_uᵀx): hidden layer W (m × d) under `parameterization`, second layer
    /// `secondLayer` (k × m), frozen unless `trainSecondLayer` (then unnormalized).
    public static func twoLayer(
        firstLayer w: Matrix, parameterization: WeightParameterization, activation: Activation,
        secondLayer a: Matrix, trainSecondLayer: Bool = false, outputScale: Double = 1
    ) -> FeedForwardNetwork {
        FeedForwardNetwork(
            layers: [
                Layer(weights: LayerWeights(effectiveWeights: w, parameterization: parameterization)),
                Layer(weights: LayerWeights(effectiveWeights: a, parameterization: .unnormalized), isTrainable: trainSecondLayer),
            ],
            activation: activation, outputScale: outputScale)
    }

    /// f(x) = W_N ⋯ W_1 x with every row of every layer under `parameterization` (Morwani fig6).
    public static func deepLinear(weights: [Matrix], parameterization: WeightParameterization) -> FeedForwardNetwork {
        FeedForwardNetwork(
            layers: weights.map { Layer(weights: LayerWeights(effectiveWeights: $0, parameterization: parameterization)) },
            activation: .linear)
    }

    public var inputCount: Int { layers[0].weights.inputCount }
    public var outputCount: Int { layers[layers.count - 1].weights.neuronCount }

    /// The effective weight matrices W_1 … W_N.
    public var effectiveWeights: [Matrix] { layers.map { $0.weights.effectiveWeights } }

    /// Outputs F (n × k) for inputs X (n × d); allocates its own workspace.
    public func outputs(_ x: Matrix) -> Matrix {
        var workspace = NetworkWorkspace(network: self, sampleCount: x.rows)
        forward(x, workspace: &workspace)
        return workspace.outputs
    }

    /// Forward pass into the workspace: refreshes the effective weights, Z_l and H_l, and F.
    public func forward(_ x: Matrix, workspace ws: inout NetworkWorkspace) {
        precondition(
            x.rows == ws.sampleCount && x.columns == inputCount,
            "FeedForwardNetwork.forward: X is \(x.rows)×\(x.columns), workspace expects \(ws.sampleCount)×\(inputCount)")
        for l in layers.indices {
            if ws.fusesSmallLayers && isSmall(layer: l, sampleCount: ws.sampleCount) {
                if l == 0 {
                    x.elements.withUnsafeBufferPointer { smallForward(layer: 0, input: $0.baseAddress, workspace: &ws) }
                } else {
                    // A second reference to H_{l−1}'s buffer, not a copy: only layer l's arrays are written.
                    let input = ws.activations[l - 1]
                    input.elements.withUnsafeBufferPointer { smallForward(layer: l, input: $0.baseAddress, workspace: &ws) }
                }
                continue
            }
            layers[l].weights.effectiveWeights(into: &ws.weights[l])
            let last = l == layers.count - 1
            if l == 0 {
                gemm(x, ws.weights[0], into: &ws.preActivations[0], transposeB: true)
            } else {
                gemm(ws.activations[l - 1], ws.weights[l], into: &ws.preActivations[l], transposeB: true)
            }
            if last {
                let s = outputScale
                ws.preActivations[l].elements.withUnsafeBufferPointer { z in
                    ws.activations[l].elements.withUnsafeMutableBufferPointer { h in
                        for i in 0..<z.count { h[i] = s * z[i] }
                    }
                }
            } else {
                let sigma = activation
                ws.preActivations[l].elements.withUnsafeBufferPointer { z in
                    ws.activations[l].elements.withUnsafeMutableBufferPointer { h in
                        ParallelPanels.forEachChunk(of: z.count) { range in
                            for i in range { h[i] = sigma.value(z[i]) }
                        }
                    }
                }
            }
        }
    }

    /// Backward pass from `ws.outputGradient` (∂F, n × k) after `forward`: fills
    /// `ws.weightGradients[l]` = ∇_{W_l} for every trainable layer, in the same scale as ∂F.
    public func backward(_ x: Matrix, workspace ws: inout NetworkWorkspace) {
        let last = layers.count - 1
        let s = outputScale
        ws.outputGradient.elements.withUnsafeBufferPointer { df in
            ws.deltas[last].elements.withUnsafeMutableBufferPointer { delta in
                for i in 0..<df.count { delta[i] = s * df[i] }
            }
        }
        let firstNeeded = layers.firstIndex { $0.isTrainable } ?? layers.count
        var l = last
        while l >= firstNeeded {
            if ws.fusesSmallLayers && isSmall(layer: l, sampleCount: ws.sampleCount) {
                if layers[l].isTrainable {
                    if l == 0 {
                        x.elements.withUnsafeBufferPointer { smallWeightGradient(layer: 0, input: $0.baseAddress, workspace: &ws) }
                    } else {
                        let input = ws.activations[l - 1]
                        input.elements.withUnsafeBufferPointer {
                            smallWeightGradient(layer: l, input: $0.baseAddress, workspace: &ws)
                        }
                    }
                }
                if l > firstNeeded { smallPropagate(layer: l, workspace: &ws) }
                l -= 1
                continue
            }
            if layers[l].isTrainable {
                if l == 0 {
                    gemm(ws.deltas[0], x, into: &ws.weightGradients[0], transposeA: true)
                } else {
                    gemm(ws.deltas[l], ws.activations[l - 1], into: &ws.weightGradients[l], transposeA: true)
                }
            }
            if l > firstNeeded {
                gemm(ws.deltas[l], ws.weights[l], into: &ws.deltas[l - 1])
                let sigma = activation
                ws.preActivations[l - 1].elements.withUnsafeBufferPointer { z in
                    ws.deltas[l - 1].elements.withUnsafeMutableBufferPointer { delta in
                        ParallelPanels.forEachChunk(of: z.count) { range in
                            for i in range { delta[i] *= sigma.derivative(z[i]) }
                        }
                    }
                }
            }
            l -= 1
        }
    }

    /// Forward, loss, backward: returns the loss level; `ws.weightGradients` then hold ∇_{W_l} L
    /// divided by exp(level.logGradientScale) (i.e. ∇ log L for the log-domain losses).
    @discardableResult
    public func evaluate<L: Loss>(_ x: Matrix, loss: L, workspace ws: inout NetworkWorkspace) -> LossLevel {
        forward(x, workspace: &ws)
        let level = loss.evaluate(ws.activations[layers.count - 1], gradient: &ws.outputGradient)
        backward(x, workspace: &ws)
        return level
    }

    /// Updates every trainable layer by its parameterization's gradient step of size s
    /// (Morwani eq. 1–4 / plain GD), from the gradients in the workspace; `scaleStepSize` sets a
    /// separate rate for the γ / α parameters (default: the same s).
    public mutating func step(workspace ws: NetworkWorkspace, stepSize s: Double, scaleStepSize: Double? = nil) {
        for l in layers.indices where layers[l].isTrainable {
            let known = ws.knownExponentials[l]
            layers[l].weights.step(
                weightGradient: ws.weightGradients[l], stepSize: s, scaleStepSize: scaleStepSize,
                knownExponentials: known.scales.count == layers[l].weights.neuronCount ? known : nil)
        }
    }

    /// All trainable parameters in layer order (each `LayerWeights.parameterVector`).
    public var trainableParameterVector: [Double] {
        get { layers.filter(\.isTrainable).flatMap { $0.weights.parameterVector } }
        set {
            var offset = 0
            for l in layers.indices where layers[l].isTrainable {
                let count = layers[l].weights.parameterCount
                layers[l].weights.parameterVector = Array(newValue[offset..<(offset + count)])
                offset += count
            }
            precondition(offset == newValue.count, "trainableParameterVector: wrong length")
        }
    }

    /// ∇ of the objective w.r.t. `trainableParameterVector`, from the workspace's ∇_{W_l}.
    public func trainableParameterGradient(workspace ws: NetworkWorkspace) -> [Double] {
        layers.indices.filter { layers[$0].isTrainable }.flatMap {
            layers[$0].weights.parameterGradient(weightGradient: ws.weightGradients[$0]).parameterVector
        }
    }
}
