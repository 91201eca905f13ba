/// BN, WN or GDNP of Kohler et al. 2019, Fig. 2, as a run that can be resumed: the state (w, g) of
/// R runs (the columns) and the trace recorded so far. `runHalfspaceDescent` drives it for the
/// figure; wnbench advances it in pieces and reads the final state — the figure's own operations
/// either way, since a run advanced by 100 and then 200 iterations is a run of 300.
///
/// An iteration is `normalizedGradients` and the step written out over buffers kept here (no
/// allocation), with GDNP's new margins Zw reused by the evaluation that follows — the same
/// operations in the same order, so the same bits (NormalizedHalfspaceRunTests pins it).
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
    /// Whether `work` holds the gradients at the current (w, g): each iteration's step starts from them.
    private var evaluated = false
    private var work: NormalizedHalfspaceWorkspace

    /// Starts at w₀ = w̃₀ (the columns of `start`) with g₀ = ‖w̃₀‖ in the method's norm, so that
    /// g₀w₀/‖w₀‖ = w̃₀.
    public init(_ method: HalfspaceMethod, phi: MarginFunction, sample: HalfspaceSample, start: Matrix, settings: HalfspaceDescentSettings) {
        precondition(method == .bn || method == .wn || method == .gdnp, "NormalizedHalfspaceRun: \(method.rawValue) is not normalized")
        self.method = method
        self.phi = phi
        self.sample = sample
        self.settings = settings
        w = start
        work = NormalizedHalfspaceWorkspace(rows: sample.count, dimension: sample.dimension, runs: start.columns, sNorm: method != .wn)
        if method != .wn {
            // ‖w̃₀‖_S: the margins and lengths the first evaluation needs too.
            work.updateMargins(sample, w)
            g = work.lengths
        } else {
            g = columnNorms(start)
        }
        trace = HalfspaceTrace(runs: start.columns)
    }

    /// Takes `iterations` more iterations, recording f and ‖∇f‖ after each; the first call
    /// evaluates and records the start (t = 0) first.
    public mutating func advance(_ iterations: Int) {
        trace.reserve(iterations + (evaluated ? 0 : 1))
        if !evaluated { evaluate() }
        for _ in 0..<iterations {
            step()
            evaluate()
        }
    }

    private mutating func evaluate() {
        work.evaluate(phi, sample, w: w, g: g)
        trace.record(values: work.value, gradientNorms: work.gradientNorms)
        evaluated = true
    }

    /// One iteration from the gradients in `work` at the current (w, g).
    private mutating func step() {
        let runs = w.columns, eta = settings.stepSize
        if method != .gdnp {
            addScaled(-eta, work.directionGradient, to: &w)
            for r in 0..<runs { g[r] -= eta * work.lengthGradient[r] }
            work.marginsCurrent = false
            return
        }
        // Kohler eq. (18), restated: h = E φ′·(uᵀw) − E φ″·(uᵀw)(uᵀw̃), uᵀw̃ = (g/‖w‖_S) uᵀw.
        let d = w.rows, (lengths, meanFirst, meanSecond, scale) = (work.lengths, work.meanFirst, work.meanSecond, work.scale)
        w.elements.withUnsafeMutableBufferPointer { pw in
            sample.u.withUnsafeBufferPointer { u in
                work.directionGradient.elements.withUnsafeBufferPointer { dg in
                    for r in 0..<runs {
                        var uw = 0.0
                        for i in 0..<d { uw += pw[i * runs + r] * u[i] }
                        let h = meanFirst[r] * uw - meanSecond[r] * uw * (scale[r] * uw)
                        // Kohler eq. (17): s = −‖w‖_S³/(L g h); kept with its sign.
                        let step = abs(h) > 1e-300 ? -lengths[r] * lengths[r] * lengths[r] / (settings.smoothness * g[r] * h) : 0
                        for i in 0..<d { pw[i * runs + r] -= step * dg[i * runs + r] }
                    }
                }
            }
        }
        // T_s gradient steps on g with the new direction b = Zw/‖w‖_S (Algorithm 1, line 8); Zw
        // and ‖w‖_S are the next evaluation's too.
        work.updateMargins(sample, w)
        work.updateUnitMargins()
        let (n, lengthStepSize) = (sample.count, settings.lengthStepSize)
        work.unitMargins.elements.withUnsafeBufferPointer { b in
            g.withUnsafeMutableBufferPointer { pg in
                for _ in 0..<settings.lengthSteps {
                    NormalizedHalfspacePasses.lengthStep(phi, b, rows: n, runs: runs, stepSize: lengthStepSize, g: pg)
                }
            }
        }
    }
}
