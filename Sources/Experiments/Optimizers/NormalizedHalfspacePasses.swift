/// The element-wise passes of a normalized halfspace run over n×R margins, each one loop that
/// also takes its reduction: the sums over samples run per run r in sample order from 0, exactly
/// the sums of `pointwise`, `columnNorms` and `lengthSlopes` (whose element-wise parts do not
/// depend on how they are split), so the results are bit-identical to theirs. Serial on purpose:
/// every pass ends in a sum whose order is fixed, and a chain of n dependent additions is what
/// bounds a pass here, not the arithmetic next to it.
enum NormalizedHalfspacePasses {
    /// sqrt(Σ_i b_ir²) per run r (`columnNorms`).
    static func columnNorms(_ b: UnsafeBufferPointer<Double>, rows: Int, runs: Int, into norms: UnsafeMutableBufferPointer<Double>) {
        for r in 0..<runs {
            var s = 0.0
            var k = r
            for _ in 0..<rows {
                s += b[k] * b[k]
                k += runs
            }
            norms[r] = s.squareRoot()
        }
    }

    /// Exponentials per block: `derivatives`' exp calls for `block` samples first, then the rest.
    static let block = 128

    /// `pointwise` at a = b ⊙ scale, fused with the columns pullBack needs: slopes (n×K) gets
    /// φ′(a)/n in its first R columns and, when K = 2R, b/n in the next R. The means
    /// (1/n)Σφ, (1/n)Σφ′, (1/n)Σφ″ go to `value`, `meanFirst`, `meanSecond`.
    static func pointwise(
        _ phi: MarginFunction, _ b: UnsafeBufferPointer<Double>, rows: Int, runs: Int, scale: UnsafeBufferPointer<Double>,
        slopes: UnsafeMutableBufferPointer<Double>, slopeColumns: Int,
        value: UnsafeMutableBufferPointer<Double>, meanFirst: UnsafeMutableBufferPointer<Double>, meanSecond: UnsafeMutableBufferPointer<Double>
    ) {
        let inverse = 1 / Double(rows)
        let withMetric = slopeColumns == 2 * runs
        withUnsafeTemporaryAllocation(of: Double.self, capacity: block) { exponentials in
            for r in 0..<runs {
                let factor = scale[r]
                var sumValue = 0.0, sumFirst = 0.0, sumSecond = 0.0
                var start = 0
                while start < rows {
                    let count = min(block, rows - start)
                    var k = start &* runs &+ r
                    for t in 0..<count {
                        exponentials[t] = phi.exponential(b[k] * factor)
                        k &+= runs
                    }
                    k = start &* runs &+ r
                    var q = start &* slopeColumns &+ r
                    for t in 0..<count {
                        let (v, d1, d2) = phi.derivatives(at: b[k] * factor, exponential: exponentials[t])
                        sumValue += v
                        sumFirst += d1
                        sumSecond += d2
                        slopes[q] = d1 * inverse
                        if withMetric { slopes[q &+ runs] = b[k] * inverse }
                        k &+= runs
                        q &+= slopeColumns
                    }
                    start += count
                }
                value[r] = sumValue * inverse
                meanFirst[r] = sumFirst * inverse
                meanSecond[r] = sumSecond * inverse
            }
        }
    }

    /// One of GDNP's g-steps: g_r ← g_r − η_g (1/n) Σ_i φ′(g_r b_ir) b_ir (`lengthSlopes`).
    static func lengthStep(
        _ phi: MarginFunction, _ b: UnsafeBufferPointer<Double>, rows: Int, runs: Int, stepSize: Double,
        g: UnsafeMutableBufferPointer<Double>
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: block) { exponentials in
            for r in 0..<runs {
                let length = g[r]
                var s = 0.0
                var start = 0
                while start < rows {
                    let count = min(block, rows - start)
                    var k = start &* runs &+ r
                    for t in 0..<count {
                        exponentials[t] = phi.exponential(length * b[k])
                        k &+= runs
                    }
                    k = start &* runs &+ r
                    for t in 0..<count {
                        s += phi.derivatives(at: length * b[k], exponential: exponentials[t], withValue: false).first * b[k]
                        k &+= runs
                    }
                    start += count
                }
                g[r] -= stepSize * (s / Double(rows))
            }
        }
    }
}
