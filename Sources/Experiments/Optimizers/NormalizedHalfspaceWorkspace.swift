/// The buffers of a `NormalizedHalfspaceRun`, sized once: the margins, the pulled-back slopes and
/// the per-run quantities of the latest evaluation (the fields of `NormalizedGradients`).
struct NormalizedHalfspaceWorkspace: Sendable {
    let runs: Int
    /// ‖·‖_S (BN, GDNP) or ‖·‖₂ (WN).
    let sNorm: Bool
    /// b = Zw (n×R) and ‖w‖ (R); `marginsCurrent` says whether they belong to the current w.
    var margins: Matrix
    var lengths: [Double]
    var marginsCurrent = false
    /// GDNP's b/‖w‖_S.
    var unitMargins: Matrix
    /// [φ′(a)/n, b/n] (n×K, K = 2R for the S-norm, else R; one product gives ∇f(w̃) and S w) and
    /// Zᵀ of it (d×K).
    var slopes: Matrix
    var stacked: Matrix
    var shift: [Double]
    /// pullBack's scratch: y ⊙ slopes and its column totals.
    var signed: Matrix
    var totals: [Double]
    /// Per run: g/‖w‖, f, E φ′, E φ″, wᵀ∇f(w̃), ∂f/∂g, ‖∇f(w̃)‖.
    var scale: [Double]
    var value: [Double]
    var meanFirst: [Double]
    var meanSecond: [Double]
    var along: [Double]
    var lengthGradient: [Double]
    var gradientNorms: [Double]
    /// ∇_w f (d×R).
    var directionGradient: Matrix

    init(rows n: Int, dimension d: Int, runs: Int, sNorm: Bool) {
        self.runs = runs
        self.sNorm = sNorm
        let k = sNorm ? 2 * runs : runs
        margins = Matrix(rows: n, columns: runs)
        unitMargins = margins
        slopes = Matrix(rows: n, columns: k)
        signed = slopes
        stacked = Matrix(rows: d, columns: k)
        directionGradient = Matrix(rows: d, columns: runs)
        let perRun = [Double](repeating: 0, count: runs)
        (lengths, shift, scale, value, meanFirst, meanSecond) = (perRun, perRun, perRun, perRun, perRun, perRun)
        (along, lengthGradient, gradientNorms) = (perRun, perRun, perRun)
        totals = [Double](repeating: 0, count: k)
    }

    /// b = Zw and, for the S-norm, ‖w‖_S = ‖Zw‖/√n (for ‖·‖₂ the lengths are the evaluation's).
    mutating func updateMargins(_ sample: HalfspaceSample, _ w: Matrix) {
        sample.margins(w, into: &margins, shift: &shift)
        if sNorm {
            let rootN = Double(sample.count).squareRoot()
            margins.elements.withUnsafeBufferPointer { b in
                lengths.withUnsafeMutableBufferPointer { NormalizedHalfspacePasses.columnNorms(b, rows: sample.count, runs: runs, into: $0) }
            }
            for r in 0..<runs { lengths[r] /= rootN }
        }
        marginsCurrent = true
    }

    /// b/‖w‖_S (the factor 1/‖w‖_S first, as `scaledColumns` takes it).
    mutating func updateUnitMargins() {
        let runs = runs
        lengths.withUnsafeBufferPointer { l in
            margins.elements.withUnsafeBufferPointer { b in
                unitMargins.elements.withUnsafeMutableBufferPointer { unit in
                    for r in 0..<runs {
                        let factor = 1 / l[r]
                        var k = r
                        while k < b.count {
                            unit[k] = b[k] * factor
                            k += runs
                        }
                    }
                }
            }
        }
    }

    /// `normalizedGradients` at (w, g) into the fields, reusing the margins when current.
    mutating func evaluate(_ phi: MarginFunction, _ sample: HalfspaceSample, w: Matrix, g: [Double]) {
        let n = sample.count, d = sample.dimension, runs = runs, k = sNorm ? 2 * runs : runs
        if !marginsCurrent { updateMargins(sample, w) }
        if !sNorm {
            w.elements.withUnsafeBufferPointer { pw in
                lengths.withUnsafeMutableBufferPointer { NormalizedHalfspacePasses.columnNorms(pw, rows: d, runs: runs, into: $0) }
            }
        }
        for r in 0..<runs { scale[r] = g[r] / lengths[r] }
        margins.elements.withUnsafeBufferPointer { b in
            scale.withUnsafeBufferPointer { s in
                slopes.elements.withUnsafeMutableBufferPointer { q in
                    value.withUnsafeMutableBufferPointer { v in
                        meanFirst.withUnsafeMutableBufferPointer { m1 in
                            meanSecond.withUnsafeMutableBufferPointer { m2 in
                                NormalizedHalfspacePasses.pointwise(
                                    phi, b, rows: n, runs: runs, scale: s, slopes: q, slopeColumns: k, value: v, meanFirst: m1, meanSecond: m2)
                            }
                        }
                    }
                }
            }
        }
        sample.pullBack(slopes, into: &stacked, signed: &signed, totals: &totals)
        // ∇f(w̃) is the first R columns of `stacked`; S w the next R (or w itself for ‖·‖₂).
        let (metric, metricColumns, metricOffset) = sNorm ? (stacked, k, runs) : (w, runs, 0)
        for r in 0..<runs {
            var dots = 0.0, squares = 0.0
            for i in 0..<d {
                let gradient = stacked.elements[i * k + r]
                dots += w.elements[i * runs + r] * gradient
                squares += gradient * gradient
            }
            along[r] = dots
            gradientNorms[r] = squares.squareRoot()
            let lengthSquared = lengths[r] * lengths[r]
            for i in 0..<d {
                directionGradient.elements[i * runs + r] = scale[r] * (stacked.elements[i * k + r]
                    - metric.elements[i * metricColumns + metricOffset + r] * dots / lengthSquared)
            }
            lengthGradient[r] = dots / lengths[r]
        }
        marginsCurrent = sNorm
    }
}
