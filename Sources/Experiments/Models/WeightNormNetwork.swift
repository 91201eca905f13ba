import Foundation

/// Dukler's network (1.2), f(x) = (1/√m) Σ_k c_k σ(g_k v_kᵀx/‖v_k‖), as the core's two-layer
/// network: first layer under standard weight normalization (γ_k = g_k, direction v_k, both
/// trained), second layer c frozen, output scale 1/√m.
public struct WeightNormNetwork: Sendable {
    public var network: FeedForwardNetwork

    /// Init (2.4): v_k(0) ~ N(0, α² I_d), c_k uniform on {−1, +1}, g_k(0) = ‖v_k(0)‖/α; V is drawn
    /// row by row, then c, from `generator`.
    public init(hiddenUnits m: Int, inputs d: Int, alpha: Double, generator: inout SeededGenerator) {
        let v = generator.normalMatrix(rows: m, columns: d, standardDeviation: alpha)
        let c = (0..<m).map { _ in generator.sign() }
        let g = v.rowNorms.map { $0 / alpha }
        self.init(v: v, g: g, c: c)
    }

    public init(v: Matrix, g: [Double], c: [Double]) {
        precondition(v.rows == g.count && g.count == c.count, "WeightNormNetwork: V, g and c disagree on m")
        network = FeedForwardNetwork(
            layers: [
                .init(weights: LayerWeights(parameterization: .standard, scales: g, directions: v)),
                .init(weights: LayerWeights(parameterization: .unnormalized, scales: [], directions: Matrix(row: c)), isTrainable: false),
            ],
            activation: .relu, outputScale: 1 / Double(v.rows).squareRoot())
    }

    public var hiddenUnits: Int { network.layers[0].weights.neuronCount }
    public var v: Matrix { network.layers[0].weights.directions }
    public var g: [Double] { network.layers[0].weights.scales }
    public var c: [Double] { network.layers[1].weights.directions.elements }

    /// ‖v_k‖² per neuron.
    public var directionNormsSquared: [Double] { v.rowNorms.map { $0 * $0 } }
}

/// What one WN gradient step did to every neuron, measured around the core's update.
public struct WeightNormStepRecord: Sendable {
    /// ‖v_k(s)‖² and ‖v_k(s+1)‖².
    public var normSquaredBefore: [Double]
    public var normSquaredAfter: [Double]
    /// ‖∂L/∂v_k(s)‖², from the gradient the step used.
    public var gradientNormSquared: [Double]
    /// Δθ_k(s), the angle between v_k(s) and v_k(s+1), from the two vectors (atan2 form).
    public var angles: [Double]
    public var stepSize: Double

    public init(normSquaredBefore: [Double], normSquaredAfter: [Double], gradientNormSquared: [Double], angles: [Double],
                stepSize: Double) {
        self.normSquaredBefore = normSquaredBefore
        self.normSquaredAfter = normSquaredAfter
        self.gradientNormSquared = gradientNormSquared
        self.angles = angles
        self.stepSize = stepSize
    }

    /// |‖v_k(s+1)‖² − ‖v_k(s)‖² − η²‖∂L/∂v_k‖²| / max(‖v_k(s)‖², ‖v_k(s+1)‖²), worst neuron (eq. 2.3
    /// residual). Relative to the largest term of the identity: a catapult step can grow ‖v_k‖² a
    /// thousandfold, and the rounding of ‖v_k(s+1)‖² then dwarfs ‖v_k(s)‖².
    public var identityResidual: Double {
        var worst = 0.0
        for k in normSquaredBefore.indices {
            let predicted = stepSize * stepSize * gradientNormSquared[k]
            let scale = max(normSquaredBefore[k], normSquaredAfter[k])
            worst = max(worst, abs(normSquaredAfter[k] - normSquaredBefore[k] - predicted) / scale)
        }
        return worst
    }

    /// min_k (‖v_k(s+1)‖² − ‖v_k(s)‖²)/‖v_k(s)‖²: negative only if some norm shrank.
    public var smallestRelativeGrowth: Double {
        normSquaredBefore.indices.map { (normSquaredAfter[$0] - normSquaredBefore[$0]) / normSquaredBefore[$0] }.min() ?? 0
    }

    /// Δθ_k predicted by eq. (2.3): the step is ⟂ v_k, so tan Δθ_k = η‖∂L/∂v_k‖/‖v_k(s)‖.
    public func predictedAngle(_ k: Int) -> Double {
        atan(stepSize * gradientNormSquared[k].squareRoot() / normSquaredBefore[k].squareRoot())
    }

    /// max_k |Δθ_k − predicted Δθ_k|.
    public var angleMismatch: Double {
        angles.indices.map { abs(angles[$0] - predictedAngle($0)) }.max() ?? 0
    }
}

/// Full-batch WN gradient descent on the core's network, with the per-neuron measurements the
/// Dukler figures plot: one forward/backward (two n·d·m GEMMs) per step, then the core's SWN
/// update v_k ← v_k − η ∂L/∂v_k, g_k ← g_k − η ∂L/∂g_k (simultaneous, same η).
public struct WeightNormDescent {
    public private(set) var model: WeightNormNetwork
    public let inputs: Matrix
    public let loss: SquaredLoss
    private var workspace: NetworkWorkspace
    private var previousDirections: [Double]

    public init(model: WeightNormNetwork, inputs: Matrix, loss: SquaredLoss) {
        self.model = model
        self.inputs = inputs
        self.loss = loss
        workspace = NetworkWorkspace(network: model.network, sampleCount: inputs.rows)
        previousDirections = model.v.elements
    }

    /// L at the current parameters (forward pass only).
    public func lossValue() -> Double { loss.value(model.network.outputs(inputs)) }

    /// One step of size η. Returns L(s) (before the step) and what the step did to each neuron.
    ///
    /// After the forward/backward pass, each neuron's row of V is swept once (it stays in L1 while
    /// all of this runs on it; V itself is larger than L2): the measurements before the update, the
    /// core's SWN update (`StandardWeightNorm.step`'s arithmetic, its ‖v‖² and v·g being the very sums
    /// the measurement just took), and the measurements after it. Each quantity is the same
    /// expression over the same elements in the same order as the separate passes this replaces, so
    /// the bits are theirs (pinned by `WeightNormDescentTests`).
    public mutating func step(stepSize eta: Double, measureAngles: Bool) -> (loss: Double, record: WeightNormStepRecord) {
        model.network.evaluate(inputs, loss: loss, workspace: &workspace)
        let lossBefore = loss.value(workspace.outputs)
        let m = model.hiddenUnits, d = inputs.columns
        var before = [Double](repeating: 0, count: m)
        var gradient = [Double](repeating: 0, count: m)
        var after = [Double](repeating: 0, count: m)
        var angles = [Double](repeating: 0, count: measureAngles ? m : 0)
        // `FeedForwardNetwork.step` with one step size for γ and v; the second layer is frozen.
        let s = eta, sScale = eta
        // The first layer is moved out for the sweep (a swap, no copy) so that V and γ can be
        // written together, and moved back after it.
        var first = LayerWeights(parameterization: .unnormalized, scales: [], directions: Matrix(rows: 0, columns: 0))
        swap(&first, &model.network.layers[0].weights)
        defer { swap(&first, &model.network.layers[0].weights) }
        workspace.weightGradients[0].elements.withUnsafeBufferPointer { gw in
            first.directions.elements.withUnsafeMutableBufferPointer { v in
                first.scales.withUnsafeMutableBufferPointer { scales in
                    previousDirections.withUnsafeMutableBufferPointer { saved in
                        before.withUnsafeMutableBufferPointer { beforeOut in
                            gradient.withUnsafeMutableBufferPointer { gradientOut in
                                after.withUnsafeMutableBufferPointer { afterOut in
                                    angles.withUnsafeMutableBufferPointer { angleOut in
                                        let vBase = v.baseAddress!, gBase = gw.baseAddress!, savedBase = saved.baseAddress!
                                        let gamma = scales.baseAddress!
                                        let beforeBase = beforeOut.baseAddress!, gradientBase = gradientOut.baseAddress!
                                        let afterBase = afterOut.baseAddress!
                                        // An empty array may still have a base address: the flag decides.
                                        let angleBase = measureAngles ? angleOut.baseAddress : nil
                                        ParallelPanels.forEachChunk(of: m, workPerItem: d) { neurons in for k in neurons {
                                            let row = vBase + k * d, gRow = gBase + k * d, old = savedBase + k * d
                                            // Before: ‖v_k‖², v_k·∇_{w_k}L and the copy of v_k(s).
                                            var vv = 0.0, vg = 0.0
                                            for j in 0..<d {
                                                let vj = row[j]
                                                if measureAngles { old[j] = vj }
                                                vv += vj * vj
                                                vg += vj * gRow[j]
                                            }
                                            // ‖∂L/∂v_k‖² = (g_k/‖v_k‖)² ‖(I − û_kû_kᵀ)∇_{w_k}L‖² (Dukler §2:
                                            // ∇_v f = (g/‖v‖)(I − ûûᵀ)∇_w f).
                                            let gradientProjection = vg / vv
                                            var gradientPerpendicular = 0.0
                                            for j in 0..<d {
                                                let r = gRow[j] - gradientProjection * row[j]
                                                gradientPerpendicular += r * r
                                            }
                                            beforeBase[k] = vv
                                            gradientBase[k] = gamma[k] * gamma[k] / vv * gradientPerpendicular
                                            // The update (`NormalizedDirection.step` with c = γ_k, then eq. 1's γ
                                            // update), and ‖v_k(s+1)‖² and v_k(s+1)·v_k(s) as each element is written.
                                            let length = vv.squareRoot()
                                            let along = vg / length
                                            let factor = s * gamma[k] / length
                                            let projection = along / length
                                            var bb = 0.0, ba = 0.0
                                            for j in 0..<d {
                                                let a = row[j]
                                                let b = a - factor * (gRow[j] - projection * a)
                                                row[j] = b
                                                bb += b * b
                                                if measureAngles { ba += b * a }
                                            }
                                            gamma[k] -= sScale * along
                                            afterBase[k] = bb
                                            guard let angleBase else { continue }
                                            // Δθ = atan2(‖b − (b·â)â‖, b·â), a = v_k(s), b = v_k(s+1): keeps digits
                                            // where arccos loses them.
                                            let aLength = vv.squareRoot()
                                            let alongOld = ba / aLength
                                            let alongOverLength = alongOld / aLength
                                            var perpendicular = 0.0
                                            for j in 0..<d {
                                                let r = row[j] - alongOverLength * old[j]
                                                perpendicular += r * r
                                            }
                                            angleBase[k] = atan2(perpendicular.squareRoot(), alongOld)
                                        } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (lossBefore, WeightNormStepRecord(
            normSquaredBefore: before, normSquaredAfter: after, gradientNormSquared: gradient,
            angles: angles, stepSize: eta))
    }
}
