import Experiments
import FigureKit
import Foundation

/// One loss of Fig. 1: its level sets and the GD and GDNPseq paths from w̃₀.
public struct Kohler2019Fig1Loss: Codable, Sendable {
    public var phi: MarginFunction
    /// f on the grid, row-major: values[j·count + i] = f(xs[i], xs[j]).
    public var gridValues: [Double]
    public var gd: Kohler2019Path
    /// GDNPseq phase 1 (direction flow, g = g₀ frozen) and phase 2 (length flow, w frozen), in w̃.
    public var directionPhase: Kohler2019Path
    public var lengthPhase: Kohler2019Path
}

/// A stored path (subsampled; the last point is always the exact end) and why it stopped.
public struct Kohler2019Path: Codable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var steps: Int
    public var leftWindow: Bool
    public var end: [Double] { [x[x.count - 1], y[y.count - 1]] }
}

public struct Kohler2019Fig1Data: Codable, Sendable {
    public var grid: [Double]
    /// u = E[−y x] = −μ and S = E[x xᵀ] = Σ + μμᵀ (eq. 1), row-major.
    public var u: [Double]
    public var s: [Double]
    /// The optimal direction −S⁻¹u/‖S⁻¹u‖ (the red line, Lemma 1) and its angle θ*.
    public var optimalDirection: [Double]
    public var optimalAngle: Double
    /// g₀ = ‖w̃₀‖_S.
    public var startLength: Double
    public var losses: [Kohler2019Fig1Loss]
}

/// ‖w‖_S = sqrt(wᵀSw) and S w for a 2×2 S.
func sNorm(_ w: [Double], _ s: [Double]) -> (norm: Double, sw: [Double]) {
    let sw = [s[0] * w[0] + s[1] * w[1], s[2] * w[0] + s[3] * w[1]]
    return ((w[0] * sw[0] + w[1] * sw[1]).squareRoot(), sw)
}

public func runKohler2019Fig1(_ p: Kohler2019Fig1Parameters, context: RunContext) throws -> Kohler2019Fig1Data {
    guard p.classMean.count == 2, p.classCovariance.count == 4, p.start.count == 2, p.stepSize > 0, p.quadraturePoints > 0,
          p.gridPoints > 1, p.storedPathPoints > 1 else {
        throw FigureKitError(.usage, "kohler2019-fig1 needs 2-D classMean/start, a 4-entry classCovariance, and positive stepSize, quadraturePoints, gridPoints > 1")
    }
    let mu = p.classMean, sigma = p.classCovariance
    let u = mu.map { -$0 }  // z = −y x ~ N(−μ, Σ) (footnote 1)
    let s = [sigma[0] + mu[0] * mu[0], sigma[1] + mu[0] * mu[1], sigma[2] + mu[1] * mu[0], sigma[3] + mu[1] * mu[1]]
    let det = s[0] * s[3] - s[1] * s[2]
    let sInverseU = [(s[3] * u[0] - s[1] * u[1]) / det, (-s[2] * u[0] + s[0] * u[1]) / det]
    let length = norm(sInverseU)
    let direction = [-sInverseU[0] / length, -sInverseU[1] / length]
    let rule = GaussHermite(points: p.quadraturePoints)
    let grid = (0..<p.gridPoints).map { -p.window + 2 * p.window * Double($0) / Double(p.gridPoints - 1) }
    let g0 = sNorm(p.start, s).norm

    var losses: [Kohler2019Fig1Loss] = []
    for phi in [MarginFunction.leastSquares, .softplus, .sigmoid] {
        let f = GaussianMarginObjective(phi: phi, mean: u, covariance: Matrix(rows: 2, columns: 2, elements: sigma), rule: rule)
        var values = [Double](repeating: 0, count: grid.count * grid.count)
        for j in grid.indices { for i in grid.indices { values[j * grid.count + i] = f.value([grid[i], grid[j]]) } }
        let inside = { (w: [Double]) in abs(w[0]) <= p.window && abs(w[1]) <= p.window }

        // GD in original coordinates: w̃ ← w̃ − η∇f(w̃).
        let gd = followPath(from: p.start, p, drawn: { $0 }, inside: inside) { w in
            let gradient = f.gradient(w)
            return (w.indices.map { w[$0] - p.stepSize * gradient[$0] }, norm(gradient))
        }

        // GDNPseq phase 1: w̃ = g₀ w/‖w‖_S (eq. 9), ∇_w f = (g/‖w‖_S)(I − S w wᵀ/‖w‖_S²)∇f(w̃).
        let toOriginal = { (w: [Double]) -> [Double] in let n = sNorm(w, s).norm; return w.map { g0 * $0 / n } }
        let phase1 = followPath(from: p.start, p, drawn: toOriginal, inside: { _ in true }) { w in
            let (n, sw) = sNorm(w, s)
            let gradient = f.gradient(w.map { g0 * $0 / n })
            let along = dot(w, gradient) / (n * n)
            let step = (0..<2).map { (g0 / n) * (gradient[$0] - sw[$0] * along) }
            return ((0..<2).map { w[$0] - p.stepSize * step[$0] }, norm(step))
        }

        // Phase 2: g ← g − η ∂f/∂g, ∂f/∂g = ∇f(w̃)ᵀ w/‖w‖_S, direction frozen at the phase-1 end.
        let unit = toOriginal(phase1.last).map { $0 / g0 }
        let phase2 = followPath(from: [g0], p, drawn: { g in unit.map { g[0] * $0 } }, inside: inside) { g in
            let slope = dot(f.gradient(unit.map { g[0] * $0 }), unit)
            return ([g[0] - p.stepSize * slope], abs(slope))
        }

        losses.append(Kohler2019Fig1Loss(phi: phi, gridValues: values, gd: gd.path, directionPhase: phase1.path, lengthPhase: phase2.path))
        context.progress.report("paths of \(phi.rawValue)", step: losses.count, of: 3)
    }
    return Kohler2019Fig1Data(
        grid: grid, u: u, s: s, optimalDirection: direction, optimalAngle: atan2(direction[1], direction[0]),
        startLength: g0, losses: losses)
}

/// Iterates `step` (new state, norm of the gradient at the old one) until the gradient norm falls
/// below the tolerance, the drawn point leaves the window, or maxSteps; returns the drawn path
/// (subsampled) and the final state.
func followPath(
    from start: [Double], _ p: Kohler2019Fig1Parameters, drawn: ([Double]) -> [Double], inside: ([Double]) -> Bool,
    step: ([Double]) -> ([Double], Double)
) -> (path: Kohler2019Path, last: [Double]) {
    var state = start
    var points = [drawn(start)]
    var steps = 0, left = false
    while steps < p.maxSteps {
        let (next, gradientNorm) = step(state)
        if gradientNorm < p.gradientTolerance { break }
        state = next
        steps += 1
        let point = drawn(state)
        points.append(point)
        if !inside(point) { left = true; break }
    }
    let stride = max(1, (points.count + p.storedPathPoints - 2) / (p.storedPathPoints - 1))
    var kept = Swift.stride(from: 0, to: points.count - 1, by: stride).map { points[$0] }
    kept.append(points[points.count - 1])
    return (Kohler2019Path(x: kept.map { $0[0] }, y: kept.map { $0[1] }, steps: steps, leftWindow: left), state)
}
