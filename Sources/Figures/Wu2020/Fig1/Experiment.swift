import Dispatch
import Experiments
import FigureKit

/// The three algorithms of Fig. 1, in drawing order.
public enum Wu2020Fig1Algorithm: String, Codable, CaseIterable, Sendable {
    case gd, rpgd, wn

    public var label: String {
        switch self {
        case .gd: return "GD"
        case .rpgd: return "rPGD"
        case .wn: return "WN"
        }
    }
}

/// Every run of one algorithm at one initial norm: ‖x̂‖ and the updates it took, per direction j.
public struct Wu2020Fig1Runs: Codable, Sendable, Equatable {
    /// ‖x̂‖ when the loss first reaches the tolerance: ‖x_t‖ for GD, |g_t| for WN and rPGD.
    public var finalNorms: [Double]
    public var iterations: [Int]
    /// Mean and population standard deviation (divide by R) of `finalNorms`: what is plotted.
    public var mean: Double
    public var standardDeviation: Double

    public init(finalNorms: [Double], iterations: [Int]) {
        self.finalNorms = finalNorms
        self.iterations = iterations
        let count = Double(finalNorms.count)
        let average = finalNorms.reduce(0, +) / count
        mean = average
        standardDeviation = (finalNorms.reduce(0) { $0 + ($1 - average) * ($1 - average) } / count).squareRoot()
    }
}

/// All runs started at one initial norm r = ‖x0‖ = g0.
public struct Wu2020Fig1Point: Codable, Sendable, Equatable {
    public var initialNorm: Double
    /// ‖Q u_j‖ per direction: the null-space share of the unit initial direction (for the claims).
    public var nullSpaceNorms: [Double]
    public var gd: Wu2020Fig1Runs
    public var wn: Wu2020Fig1Runs
    public var rpgd: Wu2020Fig1Runs

    public func runs(_ algorithm: Wu2020Fig1Algorithm) -> Wu2020Fig1Runs {
        switch algorithm {
        case .gd: return gd
        case .wn: return wn
        case .rpgd: return rpgd
        }
    }
}

/// What Fig. 1 plots and its claims read.
public struct Wu2020Fig1Data: Codable, Sendable, Equatable {
    /// ‖x*‖ = g* of the drawn problem.
    public var minNormLength: Double
    public var points: [Wu2020Fig1Point]
}

/// Runs GD, WN (Algorithm 1) and rPGD (Algorithm 2) from every (‖x0‖, direction) pair.
public func runWu2020Fig1(_ params: Wu2020Fig1Parameters, context: RunContext) throws -> Wu2020Fig1Data {
    try validate(params)
    var dataStream = SeededGenerator(seed: context.seed, streamIndex: 0)
    let problem = Wu2020Fig1Problem(
        rows: params.rows, dimension: params.dimension, minNormLength: params.minNormLength,
        generator: &dataStream)
    let radii = params.initialNorms
    // Each initial norm is independent (its own stream), so two workers give the same bytes as one.
    let results = ResultSlots<Wu2020Fig1Point>(count: radii.count)
    let done = ProgressCounter()
    ParallelPanels.forEachJob(radii.count) { index in
        let outcome = Result {
            try runPoint(problem, radius: radii[index], radiusIndex: index, params: params, seed: context.seed)
        }
        results.set(index, outcome)
        context.progress.report("initial norms", step: done.increment(), of: radii.count)
    }
    return Wu2020Fig1Data(
        minNormLength: norm(problem.minimumNormSolution), points: try results.values())
}

private func validate(_ params: Wu2020Fig1Parameters) throws {
    func fail(_ message: String) -> FigureKitError { FigureKitError(.usage, "wu2020-fig1: \(message)") }
    guard params.rows >= 1, params.dimension > params.rows else {
        throw fail("needs 1 ≤ rows < dimension (over-parametrized), got rows=\(params.rows), dimension=\(params.dimension); set e.g. rows=10 dimension=50")
    }
    guard params.minNormLength > 0 else { throw fail("minNormLength must be > 0, got \(params.minNormLength)") }
    guard !params.initialNorms.isEmpty, params.initialNorms.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
        throw fail("initialNorms must be a non-empty list of finite numbers ≥ 0, got \(params.initialNorms)")
    }
    guard params.directions >= 1 else { throw fail("directions must be ≥ 1, got \(params.directions)") }
    guard params.directionStep > 0, params.scaleStep > 0 else {
        throw fail("directionStep and scaleStep must be > 0, got \(params.directionStep), \(params.scaleStep)")
    }
    guard params.lossTolerance > 0 else { throw fail("lossTolerance must be > 0, got \(params.lossTolerance)") }
    guard params.maxIterations >= 1 else { throw fail("maxIterations must be ≥ 1, got \(params.maxIterations)") }
}

/// R directions u_j from stream 1 + index(r); the same u_j starts all three algorithms.
private func runPoint(
    _ problem: Wu2020Fig1Problem, radius r: Double, radiusIndex: Int, params: Wu2020Fig1Parameters, seed: UInt64
) throws -> Wu2020Fig1Point {
    var stream = SeededGenerator(seed: seed, streamIndex: UInt64(1 + radiusIndex))
    var gd: [(Double, Int)] = []
    var wn: [(Double, Int)] = []
    var rpgd: [(Double, Int)] = []
    var nullSpaceNorms: [Double] = []
    for j in 0..<params.directions {
        let u = stream.unitVector(dimension: params.dimension)
        nullSpaceNorms.append(norm(problem.nullSpacePart(u)))
        let runName = "‖x0‖ = \(r), direction \(j)"
        gd.append(try gradientDescentEnd(problem.leastSquares, from: scaled(u, by: r), params, runName))
        wn.append(try scaleDirectionEnd(WuWeightNorm.self, "WN", problem.leastSquares, direction: u, scale: r, params, runName))
        rpgd.append(try scaleDirectionEnd(ProjectedWeightNorm.self, "rPGD", problem.leastSquares, direction: u, scale: r, params, runName))
    }
    func runs(_ list: [(Double, Int)]) -> Wu2020Fig1Runs {
        Wu2020Fig1Runs(finalNorms: list.map(\.0), iterations: list.map(\.1))
    }
    return Wu2020Fig1Point(
        initialNorm: r, nullSpaceNorms: nullSpaceNorms, gd: runs(gd), wn: runs(wn), rpgd: runs(rpgd))
}

/// GD on eq. (1): x_{t+1} = x_t − η Aᵀ(Ax_t − y).
private func gradientDescentEnd(
    _ problem: LeastSquares, from x0: [Double], _ params: Wu2020Fig1Parameters, _ runName: String
) throws -> (Double, Int) {
    var x = x0
    let steps = try descend(problem, params, "GD", runName, point: { x }) { gradient in
        axpy(-params.directionStep, gradient, &x)
    }
    return (norm(x), steps)
}

/// Algorithm 1 (WN, eq. 2) or Algorithm 2 (rPGD, eq. 3) from w0 = u (‖w0‖ = 1, as Lemma 2.2
/// requires), g0 = r. Both end at x̂ = ĝ·ŵ/‖ŵ‖ (w is not normalized in WN, unit in rPGD), so
/// ‖x̂‖ = |ĝ|.
private func scaleDirectionEnd<State: ScaleDirectionParameterization>(
    _ kind: State.Type, _ name: String, _ problem: LeastSquares, direction u: [Double], scale g0: Double,
    _ params: Wu2020Fig1Parameters, _ runName: String
) throws -> (Double, Int) {
    var state = State(g: g0, w: u)
    let steps = try descend(problem, params, name, runName, point: { state.x }) { gradient in
        state.step(xGradient: gradient, eta: params.directionStep, gamma: params.scaleStep)
    }
    return (abs(state.g), steps)
}

/// Evaluates the loss at the current point BEFORE each update and stops at the first point with
/// ½‖Ax − y‖² ≤ tolerance (so a start below tolerance keeps its initial norm); returns the number
/// of updates made. Missing the tolerance within the cap, or diverging, is an error, not data.
private func descend(
    _ problem: LeastSquares, _ params: Wu2020Fig1Parameters, _ algorithm: String, _ runName: String,
    point: () -> [Double], update: ([Double]) -> Void
) throws -> Int {
    var t = 0
    while true {
        let (loss, gradient) = problem.lossAndGradient(point())
        if loss <= params.lossTolerance { return t }
        guard loss.isFinite else {
            throw FigureKitError(
                .check,
                "wu2020-fig1: \(algorithm) diverged at \(runName) after \(t) updates; lower directionStep/scaleStep (now \(params.directionStep), \(params.scaleStep))")
        }
        guard t < params.maxIterations else {
            throw FigureKitError(
                .check,
                "wu2020-fig1: \(algorithm) at \(runName) did not reach loss \(params.lossTolerance) in \(params.maxIterations) updates (loss \(loss)); raise maxIterations or the step sizes")
        }
        update(gradient)
        t += 1
    }
}
