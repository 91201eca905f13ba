import RealModule

/// The incoming weights of one layer — row u is neuron u's weight vector w_u — stored under a
/// parameterization: Unnorm keeps w_u; SWN keeps (γ_u, v_u); EWN keeps (α_u, v_u).
///
/// Updates are always written from g_u = ∇_{w_u} (gradient w.r.t. the EFFECTIVE weights, from
/// ordinary backprop), as in Morwani eq. 1–4. v_u is never renormalized after a step (faithful
/// to the paper's discrete equations: ‖v_u‖ grows slowly because Δv_u ⟂ v_u).
public struct LayerWeights: Equatable, Codable, Sendable {
    public let parameterization: WeightParameterization
    /// γ_u (SWN) or α_u (EWN), one per neuron; empty for Unnorm.
    public var scales: [Double]
    /// v_u (SWN, EWN) or w_u (Unnorm), one row per neuron.
    public var directions: Matrix

    public init(parameterization: WeightParameterization, scales: [Double], directions: Matrix) {
        precondition(
            parameterization == .unnormalized ? scales.isEmpty : scales.count == directions.rows,
            "LayerWeights: \(parameterization.paperName) needs \(parameterization == .unnormalized ? 0 : directions.rows) scales, got \(scales.count)")
        self.parameterization = parameterization
        self.scales = scales
        self.directions = directions
    }

    /// Starts at the given effective weights (Morwani line 134, ‖v_u(0)‖ = 1):
    /// v_u = w_u/‖w_u‖, α_u = ln‖w_u‖ (EWN), γ_u = ‖w_u‖ (SWN). Every row must be non-zero for
    /// SWN and EWN (α = ln 0 does not exist).
    public init(effectiveWeights w: Matrix, parameterization: WeightParameterization) {
        guard parameterization != .unnormalized else {
            self.init(parameterization: .unnormalized, scales: [], directions: w)
            return
        }
        let norms = w.rowNorms
        precondition(
            norms.allSatisfy { $0 > 0 },
            "LayerWeights: \(parameterization.paperName) needs every neuron's initial weight vector non-zero")
        var v = w
        for u in 0..<w.rows {
            for j in 0..<w.columns { v[u, j] /= norms[u] }
        }
        let scales = parameterization == .exponential ? norms.map { Double.log($0) } : norms
        self.init(parameterization: parameterization, scales: scales, directions: v)
    }

    /// Number of neurons (rows).
    public var neuronCount: Int { directions.rows }
    /// Fan-in (columns).
    public var inputCount: Int { directions.columns }

    /// W with rows w_u.
    public var effectiveWeights: Matrix {
        var w = Matrix(rows: neuronCount, columns: inputCount)
        effectiveWeights(into: &w)
        return w
    }

    /// Writes W into a preallocated matrix of the same shape (no allocation; large layers are
    /// split by rows over the cores, each row computed the same way whatever the split).
    public func effectiveWeights(into w: inout Matrix) {
        precondition(w.rows == neuronCount && w.columns == inputCount, "effectiveWeights(into:): wrong shape")
        let d = inputCount
        let kind = parameterization
        directions.elements.withUnsafeBufferPointer { pv in
            w.elements.withUnsafeMutableBufferPointer { pw in
                scales.withUnsafeBufferPointer { scale in
                    guard let v = pv.baseAddress, let out = pw.baseAddress else { return }
                    ParallelPanels.forEachChunk(of: neuronCount, workPerItem: d) { rows in
                        for u in rows {
                            if kind == .unnormalized {
                                for j in 0..<d { out[u * d + j] = v[u * d + j] }
                                continue
                            }
                            var lengthSquared = 0.0
                            for j in 0..<d { lengthSquared += v[u * d + j] * v[u * d + j] }
                            let multiplier = kind == .exponential ? Double.exp(scale[u]) : scale[u]
                            let factor = multiplier / lengthSquared.squareRoot()
                            for j in 0..<d { out[u * d + j] = factor * v[u * d + j] }
                        }
                    }
                }
            }
        }
    }

    /// ‖w_u‖ per neuron: e^{α_u} (EWN), |γ_u| (SWN), ‖w_u‖ (Unnorm) — FIGURES.md §0.1.
    public var neuronNorms: [Double] {
        switch parameterization {
        case .unnormalized: return directions.rowNorms
        case .standard: return scales.map { abs($0) }
        case .exponential: return scales.map { Double.exp($0) }
        }
    }

    /// One gradient step of size s on every neuron's parameters, from the time-t values:
    /// Unnorm w ← w − s g; SWN eq. 1–2; EWN eq. 3–4 (η g replaced by s·G where the caller works
    /// in the log domain, FIGURES.md §0.2). `weightGradient` is ∇_W, same shape as W.
    /// `scaleStepSize` (default: the same s) sets a separate rate for γ / α.
    public mutating func step(weightGradient g: Matrix, stepSize s: Double, scaleStepSize: Double? = nil) {
        step(weightGradient: g, stepSize: s, scaleStepSize: scaleStepSize, knownExponentials: nil)
    }

    /// `step`, given e^{α_u} of an earlier evaluation (`known.values[u]` = exp(`known.scales[u]`)):
    /// used for every EWN neuron whose α still has those bits, so the step's exp is the forward
    /// pass's — the same function of the same α, so the same bits, and 20 fewer exp calls a step on XOR.
    mutating func step(
        weightGradient g: Matrix, stepSize s: Double, scaleStepSize: Double?,
        knownExponentials known: (scales: [Double], values: [Double])?
    ) {
        let sScale = scaleStepSize ?? s
        precondition(
            g.rows == neuronCount && g.columns == inputCount,
            "LayerWeights.step: gradient is \(g.rows)×\(g.columns), weights \(neuronCount)×\(inputCount)")
        let d = inputCount
        let kind = parameterization
        let rows = neuronCount
        g.elements.withUnsafeBufferPointer { pg in
            directions.elements.withUnsafeMutableBufferPointer { pv in
                scales.withUnsafeMutableBufferPointer { scale in
                    guard let gBase = pg.baseAddress, let vBase = pv.baseAddress else { return }
                    let scaleBase = scale.baseAddress
                    // Rows are independent, so the split over cores does not change the result.
                    ParallelPanels.forEachChunk(of: rows, workPerItem: 2 * d) { chunk in
                        for u in chunk {
                            switch kind {
                            case .unnormalized:
                                for j in 0..<d { vBase[u * d + j] -= s * gBase[u * d + j] }
                            case .exponential:
                                var e: Double?
                                if let known, known.scales[u].bitPattern == scaleBase![u].bitPattern { e = known.values[u] }
                                ExponentialWeightNorm.step(
                                    scale: &scaleBase![u], direction: vBase + u * d, weightGradient: gBase + u * d,
                                    count: d, stepSize: s, scaleStepSize: sScale, exponential: e)
                            case .standard:
                                StandardWeightNorm.step(
                                    scale: &scaleBase![u], direction: vBase + u * d, weightGradient: gBase + u * d,
                                    count: d, stepSize: s, scaleStepSize: sScale)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The gradient w.r.t. the stored parameters, from ∇_W: per neuron (∂/∂scale, ∂/∂v) as in
    /// `StandardWeightNorm.gradient` / `ExponentialWeightNorm.gradient`; Unnorm returns ∇_W itself.
    public func parameterGradient(weightGradient g: Matrix) -> LayerWeights {
        switch parameterization {
        case .unnormalized:
            return LayerWeights(parameterization: .unnormalized, scales: [], directions: g)
        case .standard, .exponential:
            var scaleGradient = [Double](repeating: 0, count: neuronCount)
            var directionGradient = Matrix(rows: neuronCount, columns: inputCount)
            for u in 0..<neuronCount {
                let parts = parameterization == .exponential
                    ? ExponentialWeightNorm.gradient(scale: scales[u], direction: directions.row(u), weightGradient: g.row(u))
                    : StandardWeightNorm.gradient(scale: scales[u], direction: directions.row(u), weightGradient: g.row(u))
                scaleGradient[u] = parts.scale
                directionGradient.setRow(u, parts.direction)
            }
            return LayerWeights(parameterization: parameterization, scales: scaleGradient, directions: directionGradient)
        }
    }

    /// All stored parameters as one flat vector — scales first, then v (or w) row-major — for ODE
    /// integrators and finite-difference checks.
    public var parameterVector: [Double] {
        get { scales + directions.elements }
        set {
            precondition(newValue.count == parameterCount, "parameterVector: need \(parameterCount) values, got \(newValue.count)")
            scales = Array(newValue[0..<scales.count])
            directions.elements = Array(newValue[scales.count...])
        }
    }

    public var parameterCount: Int { scales.count + directions.elements.count }
}
