import Datasets
import Dukler2019ICLRFig2
import Experiments
import FigureKit
import XCTest

/// Dukler ICLR Fig. 2: the WN network's gradients, eq. (2.3), the angle measure, the NTK Gram, the
/// data selection and the claims, on problems small enough for finite differences.
final class Dukler2019ICLRFig2Tests: XCTestCase {
    /// n = 5 unit-norm inputs in R^6, labels ±1, m = 4 neurons with g_k ≠ ‖v_k‖ and mixed signs of c.
    private func tinyProblem(seed: UInt64 = 3) -> (model: WeightNormNetwork, x: Matrix, y: [Double]) {
        var rng = SeededGenerator(seed: seed, stream: "test")
        var x = rng.normalMatrix(rows: 5, columns: 6)
        for i in 0..<5 {
            let length = norm(x.row(i))
            for j in 0..<6 { x[i, j] /= length }
        }
        let v = rng.normalMatrix(rows: 4, columns: 6, standardDeviation: 0.7)
        let g = (0..<4).map { _ in rng.uniform(in: 0.5..<2.0) }
        let model = WeightNormNetwork(v: v, g: g, c: [1, -1, 1, -1])
        return (model, x, [1, -1, 1, 1, -1])
    }

    private func lossAt(_ v: Matrix, _ g: [Double], c: [Double], x: Matrix, loss: SquaredLoss) -> Double {
        loss.value(WeightNormNetwork(v: v, g: g, c: c).network.outputs(x))
    }

    func testStepIsGradientDescentOnVAndGAgainstFiniteDifferences() {
        let (model, x, y) = tinyProblem()
        let loss = SquaredLoss(targets: y, reduction: .mean)
        let eta = 0.05, h = 1e-6
        var descent = WeightNormDescent(model: model, inputs: x, loss: loss)
        let (value, record) = descent.step(stepSize: eta, measureAngles: true)
        XCTAssertEqual(value, lossAt(model.v, model.g, c: model.c, x: x, loss: loss), accuracy: 1e-15)

        for k in 0..<4 {
            var gradientSquared = 0.0
            for j in 0..<6 {
                var plus = model.v, minus = model.v
                plus[k, j] += h
                minus[k, j] -= h
                let derivative = (lossAt(plus, model.g, c: model.c, x: x, loss: loss) - lossAt(minus, model.g, c: model.c, x: x, loss: loss)) / (2 * h)
                gradientSquared += derivative * derivative
                XCTAssertEqual(descent.model.v[k, j], model.v[k, j] - eta * derivative, accuracy: 1e-9, "v[\(k), \(j)]")
            }
            XCTAssertEqual(record.gradientNormSquared[k], gradientSquared, accuracy: 1e-8 * max(gradientSquared, 1e-8), "‖∂L/∂v_\(k)‖²")
            var gPlus = model.g, gMinus = model.g
            gPlus[k] += h
            gMinus[k] -= h
            let dg = (lossAt(model.v, gPlus, c: model.c, x: x, loss: loss) - lossAt(model.v, gMinus, c: model.c, x: x, loss: loss)) / (2 * h)
            XCTAssertEqual(descent.model.g[k], model.g[k] - eta * dg, accuracy: 1e-9, "g[\(k)]")
        }
    }

    func testNormGrowthFollowsEquation2Point3AndAnglesMatchTheVectors() {
        let (model, x, y) = tinyProblem()
        var descent = WeightNormDescent(model: model, inputs: x, loss: SquaredLoss(targets: y, reduction: .mean))
        for _ in 0..<5 {
            let before = descent.model.v
            let (_, record) = descent.step(stepSize: 0.3, measureAngles: true)
            let after = descent.model.v
            XCTAssertLessThanOrEqual(record.identityResidual, 1e-14)
            XCTAssertGreaterThanOrEqual(record.smallestRelativeGrowth, 0)
            XCTAssertLessThanOrEqual(record.angleMismatch, 1e-14)
            for k in 0..<4 {
                XCTAssertEqual(record.normSquaredBefore[k], normSquared(before.row(k)), accuracy: 1e-14)
                XCTAssertEqual(record.normSquaredAfter[k], normSquared(after.row(k)), accuracy: 1e-14)
                XCTAssertEqual(record.angles[k], angle(before.row(k), after.row(k)), accuracy: 1e-15)
                XCTAssertGreaterThan(record.angles[k], 0)
            }
        }
    }

    func testResidualDetectsAStepThatIsNotOrthogonal() {
        let record = WeightNormStepRecord(
            normSquaredBefore: [1, 4], normSquaredAfter: [1.02, 3.9], gradientNormSquared: [2, 0], angles: [], stepSize: 0.1)
        XCTAssertEqual(record.identityResidual, 0.025, accuracy: 1e-12)
        XCTAssertEqual(record.smallestRelativeGrowth, -0.025, accuracy: 1e-12)
    }

    func testNeuralTangentGramEqualsJacobianProductFromFiniteDifferences() {
        let (model, x, _) = tinyProblem(seed: 5)
        let h = 1e-6
        func outputs(_ v: Matrix, _ g: [Double]) -> [Double] {
            WeightNormNetwork(v: v, g: g, c: model.c).network.outputs(x).elements
        }
        var columns: [(isScale: Bool, values: [Double])] = []
        for k in 0..<4 {
            var plus = model.g, minus = model.g
            plus[k] += h
            minus[k] -= h
            columns.append((true, zip(outputs(model.v, plus), outputs(model.v, minus)).map { ($0 - $1) / (2 * h) }))
            for j in 0..<6 {
                var vPlus = model.v, vMinus = model.v
                vPlus[k, j] += h
                vMinus[k, j] -= h
                columns.append((false, zip(outputs(vPlus, model.g), outputs(vMinus, model.g)).map { ($0 - $1) / (2 * h) }))
            }
        }
        for includeScales in [true, false] {
            let gram = neuralTangentGram(model, inputs: x, includeScales: includeScales)
            for i in 0..<5 {
                for j in 0..<5 {
                    let expected = columns.filter { includeScales || !$0.isScale }.reduce(0) { $0 + $1.values[i] * $1.values[j] }
                    XCTAssertEqual(gram[i, j], expected, accuracy: 1e-7 * max(1, abs(expected)), "H[\(i), \(j)] scales \(includeScales)")
                }
            }
        }
    }

    func testInitialisationGivesAlphaExactlyAndIsReproducible() {
        var a = SeededGenerator(seed: 1, stream: "init"), b = SeededGenerator(seed: 1, stream: "init")
        let first = WeightNormNetwork(hiddenUnits: 30, inputs: 10, alpha: 1e-3, generator: &a)
        let second = WeightNormNetwork(hiddenUnits: 30, inputs: 10, alpha: 1e-3, generator: &b)
        XCTAssertEqual(first.v, second.v)
        XCTAssertTrue(first.c.allSatisfy { $0 == 1 || $0 == -1 })
        XCTAssertTrue(first.c.contains(1) && first.c.contains(-1))
        let norms = first.v.rowNorms
        let alpha = zip(norms, first.g).map { $0 / abs($1) }.reduce(0, +) / 30
        XCTAssertEqual(alpha, 1e-3, accuracy: 1e-18)
        // v_k ~ N(0, α² I): ‖v_k‖² ≈ α² d on average.
        XCTAssertEqual(norms.map { $0 * $0 }.reduce(0, +) / 30, 1e-6 * 10, accuracy: 3e-6)
    }

    private func data(loss: [Double], alpha: [Double], variation: [Double]) -> FourNineData {
        FourNineData(
            sampleCount: 10, positiveCount: 5, hiddenUnits: 10, alpha0: 1e-3, lambdaMax: 1, stepSize: 1, kappa: 1,
            loss: loss, alpha: alpha, meanAngle: [], angleVariation: variation, identityResidual: 1e-15,
            smallestRelativeGrowth: 0, angleMismatch: 1e-16, gemmFlops: 1)
    }

    func testClaimsPassOnTheExpectedShapeAndFailOtherwise() {
        let steps = 200
        let falling = (0..<steps).map { 1.0 * pow(0.98, Double($0)) }
        let growing = [1e-3] + Array(repeating: 5e-3, count: steps - 1)
        let freezing = (0...100).map { 1.0 * pow(0.9, Double($0)) }
        let params = FourNineParameters(sampleCount: 10, positiveDigit: 4, negativeDigit: 9, hiddenUnits: 10, steps: steps,
                                        alpha0: 1e-3, kappa: 50, stepSize: 0, window: 100)
        let good = fourNineClaims(data(loss: falling, alpha: growing, variation: freezing), params: params, scale: .default)
        XCTAssertEqual(good.map(\.id), ["alpha-init", "vnorm-monotone", "angle-identity", "alpha-grows", "loss-decreases", "angle-freezes"])
        XCTAssertTrue(good.allSatisfy(\.passed), good.filter { !$0.passed }.map(\.measured).joined(separator: "; "))

        var rising = falling
        rising[150] = rising[149] * 1.05
        let flat = Array(repeating: 1e-3, count: steps)
        let bad = fourNineClaims(data(loss: rising, alpha: flat, variation: Array(repeating: 1, count: 101)), params: params, scale: .default)
        XCTAssertEqual(bad.filter { !$0.passed }.map(\.id), ["alpha-grows", "loss-decreases", "angle-freezes"])
        XCTAssertFalse(fourNineClaims(data(loss: falling, alpha: growing, variation: freezing), params: params, scale: .smoke)
            .contains { $0.id == "angle-freezes" })
    }
}
