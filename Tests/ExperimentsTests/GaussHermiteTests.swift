import Experiments
import Foundation
import XCTest

final class GaussHermiteTests: XCTestCase {
    func testRuleIntegratesNormalMomentsExactly() {
        for n in [5, 20, 80] {
            let rule = GaussHermite(points: n)
            XCTAssertEqual(rule.nodes.count, n)
            XCTAssertEqual(rule.weights.reduce(0, +), 1, accuracy: 1e-13)
            // E ξ^{2k} = (2k − 1)!!, exact for 2k ≤ 2n − 1.
            var doubleFactorial = 1.0
            for k in 1..<min(n, 12) {
                doubleFactorial *= Double(2 * k - 1)
                let moment = rule.expectation(mean: 0, standardDeviation: 1) { pow($0, Double(2 * k)) }
                XCTAssertEqual(moment, doubleFactorial, accuracy: 1e-11 * doubleFactorial, "n = \(n), k = \(k)")
            }
            XCTAssertEqual(rule.expectation(mean: 0, standardDeviation: 1) { $0 * $0 * $0 }, 0, accuracy: 1e-13)
        }
    }

    func testNodesAreAscendingAndSymmetric() {
        let rule = GaussHermite(points: 80)
        XCTAssertEqual(rule.nodes, rule.nodes.sorted())
        for k in 0..<40 { XCTAssertEqual(rule.nodes[k], -rule.nodes[79 - k], accuracy: 1e-12) }
    }

    func testSigmoidExpectationMatchesAFineRiemannSum() {
        let rule = GaussHermite(points: 80)
        var exact = 0.0
        let density = 1 / (2 * Double.pi).squareRoot()
        for x in stride(from: -12.0, through: 12.0, by: 1e-4) {
            let weight: Double = density * exp(-x * x / 2) * 1e-4
            exact += sigmoid(0.3 + 1.7 * x) * weight
        }
        XCTAssertEqual(rule.expectation(mean: 0.3, standardDeviation: 1.7) { sigmoid($0) }, exact, accuracy: 1e-9)
    }
}

final class GaussianMarginObjectiveTests: XCTestCase {
    let u = [-0.5, 0.0]
    let sigma = Matrix([[1, 0.8], [0.8, 1]])

    func testLeastSquaresEqualsItsClosedForm() {
        let f = GaussianMarginObjective(phi: .leastSquares, mean: u, covariance: sigma, rule: GaussHermite(points: 80))
        let w = [0.7, -1.3]
        // 1 + 2uᵀw + wᵀSw with S = Σ + uuᵀ.
        let s = [[1.25, 0.8], [0.8, 1.0]]
        var quadratic = 0.0
        for i in 0..<2 { for j in 0..<2 { quadratic += w[i] * s[i][j] * w[j] } }
        let closed: Double = 1 + 2 * (u[0] * w[0]) + quadratic
        XCTAssertEqual(f.value(w), closed, accuracy: 1e-12)
    }

    func testSteinGradientMatchesFiniteDifferences() {
        for phi in [MarginFunction.softplus, .sigmoid, .leastSquares] {
            let f = GaussianMarginObjective(phi: phi, mean: u, covariance: sigma, rule: GaussHermite(points: 80))
            for w in [[-1.5, 2.5], [0.3, 0.1], [2.0, -1.0]] {
                let gradient = f.gradient(w)
                for i in 0..<2 {
                    var plus = w, minus = w
                    plus[i] += 1e-5
                    minus[i] -= 1e-5
                    XCTAssertEqual(gradient[i], (f.value(plus) - f.value(minus)) / 2e-5, accuracy: 1e-8, "\(phi) at \(w)")
                }
            }
        }
    }
}

final class StudentTTests: XCTestCase {
    func testQuantilesMatchTheTables() {
        // t_{0.95, ν} from standard tables.
        XCTAssertEqual(StudentT.quantile(0.95, degreesOfFreedom: 1), 6.3138, accuracy: 1e-4)
        XCTAssertEqual(StudentT.quantile(0.95, degreesOfFreedom: 2), 2.9200, accuracy: 1e-4)
        XCTAssertEqual(StudentT.quantile(0.95, degreesOfFreedom: 9), 1.8331, accuracy: 1e-4)
        XCTAssertEqual(StudentT.quantile(0.975, degreesOfFreedom: 30), 2.0423, accuracy: 1e-4)
    }

    func testBandIsSymmetricAndScalesWithTheSpread() {
        let band = MeanBand(runs: [[0, 1], [2, 1], [4, 1]], level: 0.9)
        XCTAssertEqual(band.mean, [2, 1])
        // sd = 2, t_{0.95,2} = 2.92: half-width 2.92·2/√3.
        XCTAssertEqual(band.upper[0] - band.mean[0], 2.9200 * 2 / 3.0.squareRoot(), accuracy: 1e-3)
        XCTAssertEqual(band.mean[0] - band.lower[0], band.upper[0] - band.mean[0], accuracy: 1e-12)
        XCTAssertEqual(band.upper[1], 1, "no spread, no band")
    }
}
