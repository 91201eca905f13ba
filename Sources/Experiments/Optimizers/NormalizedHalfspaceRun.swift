/// BN, WN or GDNP of Kohler et al. 2019, Fig. 2, as a run that can be resumed: the state (w, g) of
/// R runs (the columns) and the trace recorded so far. `runHalfspaceDescent` drives it for the
/// figure; wnbench advances it in pieces and reads the final state — the figure's own operations
/// either way, since a run advanced by 100 and then 200 iterations is a run of 300.
public struct NormalizedHalfspaceRun: Sendable {
    public let method: HalfspaceMethod
    public let phi: MarginFunction
    public let sample: HalfspaceSample
    public let settings: HalfspaceDescentSettings
    /// The directions w (d×R) and lengths g (R) of w̃ = g w/‖w‖ (‖·‖_S for BN and GDNP, ‖·‖₂ for WN).
    public private(set) var w: Matrix
    public private(set) var g: [Double]
    /// f(w̃_t) and ‖∇f(w̃_t)‖₂ for t = 0 … the iterations taken (empty before the first `advance`).
    public private(set) var trace: HalfspaceTrace
    /// The gradients at the current (w, g), once evaluated: each iteration's step starts from them.
    private var current: NormalizedGradients?

    /// Starts at w₀ = w̃₀ (the columns of `start`) with g₀ = ‖w̃₀‖ in the method's norm, so that
    /// g₀w₀/‖w₀‖ = w̃₀.
    public init(_ method: HalfspaceMethod, phi: MarginFunction, sample: HalfspaceSample, start: Matrix, settings: HalfspaceDescentSettings) {
        precondition(method == .bn || method == .wn || method == .gdnp, "NormalizedHalfspaceRun: \(method.rawValue) is not normalized")
        self.method = method
        self.phi = phi
        self.sample = sample
        self.settings = settings
        w = start
        g = method != .wn ? columnNorms(sample.margins(start)).map { $0 / Double(sample.count).squareRoot() } : columnNorms(start)
        trace = HalfspaceTrace(runs: start.columns)
    }

    /// Takes `iterations` more iterations, recording f and ‖∇f‖ after each; the first call
    /// evaluates and records the start (t = 0) first.
    public mutating func advance(_ iterations: Int) {
        if current == nil { evaluate() }
        for _ in 0..<iterations {
            step(from: current!)
            evaluate()
        }
    }

    private mutating func evaluate() {
        let at = normalizedGradients(phi, sample: sample, w: w, g: g, sNorm: method != .wn)
        trace.record(at.point, gradient: at.gradient)
        current = at
    }

    /// One iteration from the gradients `at` at the current (w, g).
    private mutating func step(from at: NormalizedGradients) {
        let n = Double(sample.count), runs = w.columns, eta = settings.stepSize
        let (lengths, scale, point, directionGradient) = (at.lengths, at.scale, at.point, at.directionGradient)
        if method != .gdnp {
            addScaled(-eta, directionGradient, to: &w)
            for r in 0..<runs { g[r] -= eta * at.lengthGradient[r] }
            return
        }
        // Kohler eq. (18), restated: h = E φ′·(uᵀw) − E φ″·(uᵀw)(uᵀw̃), uᵀw̃ = (g/‖w‖_S) uᵀw.
        let uw = columnDots(w, Matrix(column: sample.u), broadcast: true)
        var steps = [Double](repeating: 0, count: runs)
        for r in 0..<runs {
            let h = point.meanFirst[r] * uw[r] - point.meanSecond[r] * uw[r] * (scale[r] * uw[r])
            // Kohler eq. (17): s = −‖w‖_S³/(L g h); kept with its sign.
            if abs(h) > 1e-300 { steps[r] = -lengths[r] * lengths[r] * lengths[r] / (settings.smoothness * g[r] * h) }
        }
        for i in 0..<w.rows { for r in 0..<runs { w.elements[i * runs + r] -= steps[r] * directionGradient.elements[i * runs + r] } }
        // T_s gradient steps on g with the new direction b = Zw/‖w‖_S (Algorithm 1, line 8).
        let direction = sample.margins(w)
        let newLengths = columnNorms(direction).map { $0 / n.squareRoot() }
        let unitMargins = scaledColumns(direction, by: newLengths.map { 1 / $0 })
        for _ in 0..<settings.lengthSteps {
            let slope = lengthSlopes(phi, unitMargins, g)
            for r in 0..<runs { g[r] -= settings.lengthStepSize * slope[r] }
        }
    }
}
