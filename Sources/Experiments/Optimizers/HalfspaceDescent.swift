/// The five full-batch methods of Kohler et al. 2019, §4.4 (Fig. 2), on an empirical
/// learning-halfspace objective, R runs at once (the columns of d×R matrices). One iteration is one
/// full-batch gradient w.r.t. the method's own parameters; GDNP's T_s one-dimensional g-steps are
/// not counted (the paper's x axis).
public enum HalfspaceMethod: String, Codable, CaseIterable, Sendable {
    /// Gradient descent in original coordinates.
    case gd
    /// Nesterov's accelerated gradient descent, momentum t/(t + 3).
    case agd
    /// Batch normalization: w̃ = g w/‖w‖_S (eq. (9)), one simultaneous gradient step on w and g.
    case bn
    /// Weight normalization (Salimans & Kingma 2016): w̃ = g w/‖w‖₂, simultaneous steps.
    case wn
    /// Algorithm 1: the directional step (17) with h of (18), then T_s gradient steps on g.
    case gdnp
}

public struct HalfspaceDescentSettings: Codable, Sendable, Equatable {
    /// η of GD, AGD, BN and WN (both w and g).
    public var stepSize: Double
    /// η_g of GDNP's g-steps.
    public var lengthStepSize: Double
    /// T_s, GDNP's g-steps per iteration.
    public var lengthSteps: Int
    /// L = λ_max(S) of the stepsize (17).
    public var smoothness: Double

    public init(stepSize: Double, lengthStepSize: Double, lengthSteps: Int, smoothness: Double) {
        self.stepSize = stepSize
        self.lengthStepSize = lengthStepSize
        self.lengthSteps = lengthSteps
        self.smoothness = smoothness
    }
}

/// f(w̃_t) and ‖∇f(w̃_t)‖₂ in original coordinates, t = 0…T, per run: values[r][t].
public struct HalfspaceTrace: Codable, Sendable {
    public var values: [[Double]]
    public var gradientNorms: [[Double]]

    init(runs: Int) {
        values = Array(repeating: [], count: runs)
        gradientNorms = values
    }

    mutating func record(_ point: HalfspacePointwise, gradient: Matrix) {
        record(values: point.value, gradientNorms: columnNorms(gradient))
    }

    mutating func record(values f: [Double], gradientNorms norms: [Double]) {
        for r in values.indices {
            values[r].append(f[r])
            gradientNorms[r].append(norms[r])
        }
    }

    /// Room for `more` records, so that recording allocates nothing inside a run.
    mutating func reserve(_ more: Int) {
        for r in values.indices {
            values[r].reserveCapacity(values[r].count + more)
            gradientNorms[r].reserveCapacity(gradientNorms[r].count + more)
        }
    }
}

/// Runs `method` for `iterations` iterations from the columns of `start` (w̃₀, d×R).
/// Normalized methods start at w₀ = w̃₀ with g₀ = ‖w̃₀‖ in their norm, so g₀w₀/‖w₀‖ = w̃₀.
public func runHalfspaceDescent(
    _ method: HalfspaceMethod, phi: MarginFunction, sample: HalfspaceSample, start: Matrix,
    iterations: Int, settings: HalfspaceDescentSettings
) -> HalfspaceTrace {
    let runs = start.columns
    var trace = HalfspaceTrace(runs: runs)
    let eta = settings.stepSize
    switch method {
    case .gd:
        var w = start
        for t in 0...iterations {
            let point = sample.pointwise(phi, sample.margins(w))
            let gradient = sample.pullBack(point.slopes)  // ∇f(w̃) = (1/n) Σ φ′(z_iᵀw̃) z_i
            trace.record(point, gradient: gradient)
            if t == iterations { break }
            addScaled(-eta, gradient, to: &w)
        }
    case .agd:
        var w = start, previous = start
        for t in 0...iterations {
            let point = sample.pointwise(phi, sample.margins(w))
            trace.record(point, gradient: sample.pullBack(point.slopes))
            if t == iterations { break }
            // v = w̃_t + (t/(t+3))(w̃_t − w̃_{t−1}); w̃_{t+1} = v − η∇f(v).
            var v = w
            addScaled(Double(t) / Double(t + 3), w, to: &v)
            addScaled(-Double(t) / Double(t + 3), previous, to: &v)
            let atV = sample.pointwise(phi, sample.margins(v))
            previous = w
            w = v
            addScaled(-eta, sample.pullBack(atV.slopes), to: &w)
        }
    case .bn, .wn, .gdnp:
        var run = NormalizedHalfspaceRun(method, phi: phi, sample: sample, start: start, settings: settings)
        run.advance(iterations)
        trace = run.trace
    }
    return trace
}

/// f at w̃ = g w/‖w‖ (eq. (9); ‖·‖ = ‖·‖_S for BN and GDNP, ‖·‖₂ for WN) and its gradients.
public struct NormalizedGradients: Sendable {
    public var point: HalfspacePointwise
    /// ∇f(w̃) in original coordinates.
    public var gradient: Matrix
    /// ‖w‖ per run and g/‖w‖.
    public var lengths: [Double]
    public var scale: [Double]
    /// ∇_w f = (g/‖w‖)[∇f(w̃) − M w (wᵀ∇f(w̃))/‖w‖²], M = S or I.
    public var directionGradient: Matrix
    /// ∂f/∂g = ∇f(w̃)ᵀ w/‖w‖.
    public var lengthGradient: [Double]
}

public func normalizedGradients(_ phi: MarginFunction, sample: HalfspaceSample, w: Matrix, g: [Double], sNorm: Bool) -> NormalizedGradients {
    let n = Double(sample.count), runs = w.columns
    // ‖w‖_S² = (1/n)‖Zw‖² (the batch variance, l.236–252), or ‖w‖₂².
    let b = sample.margins(w)
    let lengths = sNorm ? columnNorms(b).map { $0 / n.squareRoot() } : columnNorms(w)
    let scale = (0..<runs).map { g[$0] / lengths[$0] }
    let point = sample.pointwise(phi, scaledColumns(b, by: scale))  // margins of w̃ = g w/‖w‖
    // One product gives ∇f(w̃) and, for the S-norm, S w = Zᵀ(Zw)/n.
    let stacked = sample.pullBack(sNorm ? besideEachOther(point.slopes, scaledColumns(b, by: Array(repeating: 1 / n, count: runs))) : point.slopes)
    let gradient = sNorm ? leftColumns(stacked, runs) : stacked, metricW = sNorm ? rightColumns(stacked, runs) : w
    let along = columnDots(w, gradient)
    var directionGradient = gradient
    for i in 0..<w.rows {
        for r in 0..<runs {
            let k = i * runs + r
            directionGradient.elements[k] = scale[r] * (gradient.elements[k] - metricW.elements[k] * along[r] / (lengths[r] * lengths[r]))
        }
    }
    return NormalizedGradients(point: point, gradient: gradient, lengths: lengths, scale: scale, directionGradient: directionGradient,
                               lengthGradient: (0..<runs).map { along[$0] / lengths[$0] })
}

/// ∂f/∂g = (1/n) Σ_i φ′(g b_i) b_i per run, b = Zw/‖w‖_S (n×R).
func lengthSlopes(_ phi: MarginFunction, _ b: Matrix, _ g: [Double]) -> [Double] {
    let n = b.rows, runs = b.columns
    var terms = Matrix(rows: n, columns: runs)
    b.elements.withUnsafeBufferPointer { pb in
        terms.elements.withUnsafeMutableBufferPointer { pt in
            let target = pt
            ParallelPanels.forEachChunk(of: n * runs, workPerItem: 20) { range in
                for k in range { target[k] = phi.derivatives(at: g[k % runs] * pb[k], withValue: false).first * pb[k] }
            }
        }
    }
    var sums = [Double](repeating: 0, count: runs)
    for i in 0..<n { for r in 0..<runs { sums[r] += terms.elements[i * runs + r] } }
    return sums.map { $0 / Double(n) }
}

// Column helpers for d×R and n×R batches.
func columnNorms(_ m: Matrix) -> [Double] { columnDots(m, m).map { $0.squareRoot() } }

func columnDots(_ a: Matrix, _ b: Matrix, broadcast: Bool = false) -> [Double] {
    var sums = [Double](repeating: 0, count: a.columns)
    for i in 0..<a.rows {
        for r in 0..<a.columns { sums[r] += a.elements[i * a.columns + r] * (broadcast ? b.elements[i] : b.elements[i * b.columns + r]) }
    }
    return sums
}

func scaledColumns(_ m: Matrix, by factors: [Double]) -> Matrix {
    var result = m
    for i in 0..<m.rows { for r in 0..<m.columns { result.elements[i * m.columns + r] *= factors[r] } }
    return result
}

func addScaled(_ a: Double, _ x: Matrix, to y: inout Matrix) {
    for k in y.elements.indices { y.elements[k] += a * x.elements[k] }
}

func besideEachOther(_ a: Matrix, _ b: Matrix) -> Matrix {
    var result = Matrix(rows: a.rows, columns: a.columns + b.columns)
    for i in 0..<a.rows {
        for c in 0..<a.columns { result.elements[i * result.columns + c] = a.elements[i * a.columns + c] }
        for c in 0..<b.columns { result.elements[i * result.columns + a.columns + c] = b.elements[i * b.columns + c] }
    }
    return result
}

func leftColumns(_ m: Matrix, _ count: Int) -> Matrix {
    Matrix(rows: m.rows, columns: count, elements: (0..<m.rows).flatMap { i in m.elements[(i * m.columns)..<(i * m.columns + count)] })
}

func rightColumns(_ m: Matrix, _ count: Int) -> Matrix {
    Matrix(rows: m.rows, columns: count, elements: (0..<m.rows).flatMap { i in m.elements[(i * m.columns + m.columns - count)..<((i + 1) * m.columns)] })
}
