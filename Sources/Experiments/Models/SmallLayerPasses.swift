import RealModule

/// The toy nets (XOR 4×2×20, Lin-Sep 16×2×8, deep linear 20×2×2) spend a step of ~1 µs mostly on
/// the machinery around their tiny products — a `gemm` call, a `ParallelPanels` split and a closure
/// per pass — not on the few hundred multiply-adds. Below the size where `gemm` would itself take
/// its plain loop (`smallProductFlops`; a layer's three products all have the same
/// n·width·fan-in), a layer's passes run here on pointers taken once per pass: forward the
/// effective weights, Z and σ(Z); backward ∇W, then δ with σ′ applied. Every element is computed by
/// exactly the operations of the general path in the same order — the products by `SmallProduct`,
/// which is `gemm`'s small path itself — so the results are the same bits (pinned by
/// `SmallLayerPassesTests`).
extension FeedForwardNetwork {
    /// Whether layer l's products (Z_l, ∇W_l, δ_{l−1}) are all below the BLAS threshold.
    @inline(__always)
    func isSmall(layer l: Int, sampleCount n: Int) -> Bool {
        n * layers[l].weights.neuronCount * layers[l].weights.inputCount <= smallProductFlops
    }

    /// W_l, Z_l = H_{l−1} W_lᵀ and H_l (σ(Z_l), or s·Z_l for the last layer); `input` is H_{l−1}
    /// (X for l = 0), n × fan-in.
    func smallForward(layer l: Int, input: UnsafePointer<Double>?, workspace ws: inout NetworkWorkspace) {
        let n = ws.sampleCount
        let weights = layers[l].weights
        let width = weights.neuronCount
        smallEffectiveWeights(layer: l, into: &ws.weights[l], keeping: &ws.knownExponentials[l])
        ws.weights[l].elements.withUnsafeBufferPointer { pw in
            ws.preActivations[l].elements.withUnsafeMutableBufferPointer { pz in
                ws.activations[l].elements.withUnsafeMutableBufferPointer { ph in
                    guard let z = pz.baseAddress, let h = ph.baseAddress else { return }
                    // gemm(H_{l−1}, W_l, transposeB: true).
                    let d = weights.inputCount
                    SmallProduct(
                        rows: n, columns: width, length: d, a: input, aRowStride: d, aStep: 1,
                        b: pw.baseAddress, bColumnStride: d, bStep: 1
                    ).compute(into: z, alpha: 1, beta: 0)
                    let count = n * width
                    if l == layers.count - 1 {
                        let s = outputScale
                        for i in 0..<count { h[i] = s * z[i] }
                    } else {
                        let sigma = activation
                        for i in 0..<count { h[i] = sigma.value(z[i]) }
                    }
                }
            }
        }
    }

    /// As `LayerWeights.effectiveWeights(into:)`, and for EWN keeps each e^{α_u} for the step.
    private func smallEffectiveWeights(
        layer l: Int, into effective: inout Matrix, keeping known: inout (scales: [Double], values: [Double])
    ) {
        let weights = layers[l].weights
        let width = weights.neuronCount, d = weights.inputCount
        let kind = weights.parameterization
        let keepsExponentials = known.scales.count == width
        weights.directions.elements.withUnsafeBufferPointer { pv in
            weights.scales.withUnsafeBufferPointer { scale in
                known.scales.withUnsafeMutableBufferPointer { knownScales in
                    known.values.withUnsafeMutableBufferPointer { knownValues in
                    effective.elements.withUnsafeMutableBufferPointer { pw in
                        guard let v = pv.baseAddress, let w = pw.baseAddress else { return }
                        for u in 0..<width {
                            let vRow = v + u * d, wRow = w + u * d
                            if kind == .unnormalized {
                                for j in 0..<d { wRow[j] = vRow[j] }
                                continue
                            }
                            var lengthSquared = 0.0
                            for j in 0..<d { lengthSquared += vRow[j] * vRow[j] }
                            let multiplier = kind == .exponential ? Double.exp(scale[u]) : scale[u]
                            if keepsExponentials {
                                knownScales[u] = scale[u]
                                knownValues[u] = multiplier
                            }
                            let factor = multiplier / lengthSquared.squareRoot()
                            for j in 0..<d { wRow[j] = factor * vRow[j] }
                        }
                    }
                    }
                }
            }
        }
    }

    /// ∇W_l = δ_lᵀ H_{l−1} from δ_l (already in the workspace); `input` is H_{l−1} (X for l = 0).
    func smallWeightGradient(layer l: Int, input: UnsafePointer<Double>?, workspace ws: inout NetworkWorkspace) {
        let n = ws.sampleCount
        let width = layers[l].weights.neuronCount, d = layers[l].weights.inputCount
        ws.deltas[l].elements.withUnsafeBufferPointer { pd in
            ws.weightGradients[l].elements.withUnsafeMutableBufferPointer { pg in
                guard let g = pg.baseAddress else { return }
                // gemm(δ_l, H_{l−1}, transposeA: true).
                SmallProduct(
                    rows: width, columns: d, length: n, a: pd.baseAddress, aRowStride: 1, aStep: width,
                    b: input, bColumnStride: 1, bStep: d
                ).compute(into: g, alpha: 1, beta: 0)
            }
        }
    }

    /// δ_{l−1} = (δ_l W_l) ∘ σ′(Z_{l−1}) from δ_l, for l ≥ 1.
    func smallPropagate(layer l: Int, workspace ws: inout NetworkWorkspace) {
        let n = ws.sampleCount
        let width = layers[l].weights.neuronCount, d = layers[l].weights.inputCount
        let sigma = activation
        ws.weights[l].elements.withUnsafeBufferPointer { pw in
            ws.preActivations[l - 1].elements.withUnsafeBufferPointer { pz in
                // δ_l and δ_{l−1} are two elements of one array: reached through its buffer, so that
                // writing one is not a second access to the whole array.
                ws.deltas.withUnsafeMutableBufferPointer { deltas in
                    deltas[l].elements.withUnsafeBufferPointer { pd in
                        deltas[l - 1].elements.withUnsafeMutableBufferPointer { pBelow in
                            guard let below = pBelow.baseAddress, let z = pz.baseAddress else { return }
                            // gemm(δ_l, W_l), then the general path's `*=` pass.
                            SmallProduct(
                                rows: n, columns: d, length: width, a: pd.baseAddress, aRowStride: width, aStep: 1,
                                b: pw.baseAddress, bColumnStride: 1, bStep: d
                            ).compute(into: below, alpha: 1, beta: 0)
                            for i in 0..<(n * d) { below[i] *= sigma.derivative(z[i]) }
                        }
                    }
                }
            }
        }
    }
}
