import Experiments
import Foundation
import XCTest

/// The empirical halfspace objective of Kohler et al.'s Fig. 2: sparse and dense storage agree, and
/// every hand-written gradient matches central differences.
final class HalfspaceTests: XCTestCase {
    /// A small 0/1 sparse design with ±1 labels, not separable.
    static func toyProblem() -> (sparse: SparseRowMatrix, labels: [Double]) {
        var generator = SeededGenerator(seed: 7, stream: "toy")
        var starts = [0], columns: [Int] = [], values: [Double] = [], labels: [Double] = []
        for _ in 0..<60 {
            for j in 0..<6 where generator.bernoulli(0.4) { columns.append(j); values.append(generator.bernoulli(0.5) ? 1 : 2.5) }
            starts.append(columns.count)
            labels.append(generator.sign())
        }
        return (SparseRowMatrix(rows: 60, columns: 6, rowStarts: starts, columnIndices: columns, values: values), labels)
    }

    func testSparseImplicitCenteringEqualsTheDenseCenteredSample() {
        let (x, y) = Self.toyProblem()
        let sparse = HalfspaceSample(sparseInputs: x, labels: y), dense = HalfspaceSample(inputs: x.dense(), labels: y)
        var generator = SeededGenerator(seed: 1, stream: "w")
        let w = generator.normalMatrix(rows: 6, columns: 3)
        let q = generator.normalMatrix(rows: 60, columns: 2)
        for (a, b) in [(sparse.margins(w), dense.margins(w)), (sparse.pullBack(q), dense.pullBack(q)),
                       (sparse.secondMoment(), dense.secondMoment())] {
            for k in a.elements.indices { XCTAssertEqual(a.elements[k], b.elements[k], accuracy: 1e-12) }
        }
        for j in 0..<6 { XCTAssertEqual(sparse.u[j], dense.u[j], accuracy: 1e-14) }
    }

    func testSparseTransposeProductIsTheDenseOne() {
        let (x, _) = Self.toyProblem()
        var generator = SeededGenerator(seed: 2, stream: "b")
        let b = generator.normalMatrix(rows: 60, columns: 4)
        let sparse = x.transposeTimes(b), dense = matmul(x.dense(), b, transposeA: true)
        for k in dense.elements.indices { XCTAssertEqual(sparse.elements[k], dense.elements[k], accuracy: 1e-12) }
    }

    private func value(_ phi: MarginFunction, _ sample: HalfspaceSample, _ w: [Double]) -> Double {
        sample.pointwise(phi, sample.margins(Matrix(column: w))).value[0]
    }

    func testOriginalGradientMatchesFiniteDifferences() {
        let (x, y) = Self.toyProblem()
        let sample = HalfspaceSample(sparseInputs: x, labels: y)
        let w = [0.3, -0.2, 0.5, 0.1, -0.4, 0.2]
        for phi in [MarginFunction.softplus, .sigmoid] {
            let gradient = sample.pullBack(sample.pointwise(phi, sample.margins(Matrix(column: w))).slopes).elements
            for j in 0..<6 {
                var plus = w, minus = w
                plus[j] += 1e-6
                minus[j] -= 1e-6
                XCTAssertEqual(gradient[j], (value(phi, sample, plus) - value(phi, sample, minus)) / 2e-6, accuracy: 1e-8)
            }
        }
    }

    func testNormalizedGradientsMatchFiniteDifferencesForBothNorms() {
        let (x, y) = Self.toyProblem()
        let sample = HalfspaceSample(sparseInputs: x, labels: y)
        let s = sample.secondMoment()
        let w = [0.3, -0.2, 0.5, 0.1, -0.4, 0.2], g = 1.7
        for sNorm in [true, false] {
            // f(g w/‖w‖), ‖w‖ = sqrt(wᵀSw) or ‖w‖₂.
            func length(_ v: [Double]) -> Double { sNorm ? dot(v, matvec(s, v)).squareRoot() : norm(v) }
            func f(_ v: [Double], _ g: Double) -> Double { value(.sigmoid, sample, v.map { g * $0 / length(v) }) }
            let at = normalizedGradients(.sigmoid, sample: sample, w: Matrix(column: w), g: [g], sNorm: sNorm)
            for j in 0..<6 {
                var plus = w, minus = w
                plus[j] += 1e-6
                minus[j] -= 1e-6
                XCTAssertEqual(at.directionGradient.elements[j], (f(plus, g) - f(minus, g)) / 2e-6, accuracy: 1e-8, "∇_w, S-norm \(sNorm)")
            }
            XCTAssertEqual(at.lengthGradient[0], (f(w, g + 1e-6) - f(w, g - 1e-6)) / 2e-6, accuracy: 1e-8, "∂f/∂g, S-norm \(sNorm)")
            // Scale invariance: f(g w/‖w‖) is 0-homogeneous in w, so wᵀ∇_w f = 0 (Euler) for either norm.
            XCTAssertEqual(dot(at.directionGradient.elements, w), 0, accuracy: 1e-14)
        }
    }

    func testNewtonReachesAStationaryPoint() {
        let (x, y) = Self.toyProblem()
        let sample = HalfspaceSample(sparseInputs: x, labels: y)
        let newton = halfspaceNewtonMinimum(.softplus, sample: sample)
        XCTAssertLessThan(newton.gradientNorm, 1e-13)
        XCTAssertLessThan(newton.iterations, 30)
        XCTAssertLessThan(newton.value, log(2), "better than w = 0")
    }

    func testGDNPBeatsGDOnAGaussianSoftplusProblem() {
        // z Gaussian: GDNP's directional step is GD on the Rayleigh quotient (Theorem 2) — it must be faster.
        var generator = SeededGenerator(seed: 3, stream: "gauss")
        let n = 400, d = 4
        var inputs = Matrix(rows: n, columns: d)
        var labels = [Double](repeating: 0, count: n)
        for i in 0..<n {
            labels[i] = generator.sign()
            for j in 0..<d { inputs[i, j] = labels[i] * [0.8, -0.3, 0.2, 0.0][j] + generator.normal() * [1, 0.7, 0.5, 0.3][j] }
        }
        let sample = HalfspaceSample(inputs: inputs, labels: labels)
        let lambda = largestEigenvalue(ofSymmetric: sample.secondMoment())
        let settings = HalfspaceDescentSettings(stepSize: 4 / lambda, lengthStepSize: 4, lengthSteps: 10, smoothness: lambda)
        let start = Matrix(column: [0.3, 0.2, -0.1, 0.4])
        let optimum = halfspaceNewtonMinimum(.softplus, sample: sample).value
        let gd = runHalfspaceDescent(.gd, phi: .softplus, sample: sample, start: start, iterations: 60, settings: settings)
        let gdnp = runHalfspaceDescent(.gdnp, phi: .softplus, sample: sample, start: start, iterations: 60, settings: settings)
        XCTAssertEqual(gd.values[0][0], gdnp.values[0][0], accuracy: 1e-14, "both start at w̃₀")
        XCTAssertLessThan(gdnp.values[0][60] - optimum, 0.3 * (gd.values[0][60] - optimum))
    }

    func testANormalizedRunAdvancedInPiecesIsTheRunOfTheWholeLength() {
        // wnbench's kohler_gdnp advances the figure's run in pieces (warm-up, then the timed steps).
        let (x, y) = Self.toyProblem()
        let sample = HalfspaceSample(sparseInputs: x, labels: y)
        let lambda = largestEigenvalue(ofSymmetric: sample.secondMoment())
        let settings = HalfspaceDescentSettings(stepSize: 4 / lambda, lengthStepSize: 4, lengthSteps: 5, smoothness: lambda)
        var generator = SeededGenerator(seed: 4, stream: "start")
        let start = generator.normalMatrix(rows: 6, columns: 2)
        for method in [HalfspaceMethod.bn, .wn, .gdnp] {
            let whole = runHalfspaceDescent(method, phi: .softplus, sample: sample, start: start, iterations: 12, settings: settings)
            var run = NormalizedHalfspaceRun(method, phi: .softplus, sample: sample, start: start, settings: settings)
            run.advance(5)
            run.advance(0)
            run.advance(7)
            XCTAssertEqual(run.trace.values, whole.values, "\(method)")
            XCTAssertEqual(run.trace.gradientNorms, whole.gradientNorms, "\(method)")
            XCTAssertEqual(run.trace.values[1].count, 13, "t = 0…12")
        }
    }
}
