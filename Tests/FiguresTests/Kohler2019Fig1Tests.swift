import Experiments
import FigureKit
import Foundation
import Kohler2019Fig1
import XCTest

/// Kohler Fig. 1: the GDNPseq direction phase is one S-ellipse arc for every loss (Lemma 1), the
/// paths end at the closed-form minimizers of FIGURES.md's numpy check, and the claims can fail.
final class Kohler2019Fig1Tests: XCTestCase {
    private static let smoke = Kohler2019Fig1Parameters.preset(.smoke)
    private static let smokeData = Result { try runKohler2019Fig1(smoke, context: RunContext(seed: 0, scale: .smoke)) }
    private func data() throws -> Kohler2019Fig1Data { try Self.smokeData.get() }

    func testPopulationStatisticsAndOptimalDirectionMatchTheSpec() throws {
        let d = try data()
        XCTAssertEqual(d.u, [-0.5, 0])
        XCTAssertEqual(d.s, [1.25, 0.8, 0.8, 1])
        XCTAssertEqual(d.optimalDirection[0], 0.780869, accuracy: 1e-6)
        XCTAssertEqual(d.optimalDirection[1], -0.624695, accuracy: 1e-6)
        XCTAssertEqual(d.startLength, 1.75, accuracy: 1e-12)
    }

    func testDirectionPhaseStaysOnTheStartEllipseForEveryLoss() throws {
        let d = try data()
        for loss in d.losses {
            for (x, y) in zip(loss.directionPhase.x, loss.directionPhase.y) {
                let sNorm = (x * (1.25 * x + 0.8 * y) + y * (0.8 * x + y)).squareRoot()
                XCTAssertEqual(sNorm, 1.75, accuracy: 1e-12, "\(loss.phi): w̃ = g₀w/‖w‖_S keeps ‖w̃‖_S = g₀")
            }
            // The arc from θ₀ = atan2(2.5, −1.5) = 2.111216 (FIGURES.md prints 2.111159) to θ* = −0.674741.
            XCTAssertEqual(atan2(loss.directionPhase.y[0], loss.directionPhase.x[0]), 2.1112158, accuracy: 1e-6)
            XCTAssertEqual(atan2(loss.directionPhase.end[1], loss.directionPhase.end[0]), -0.674741, accuracy: 1e-3)
        }
    }

    func testLengthPhaseEndsAtTheClosedFormMinimizers() throws {
        let d = try data()
        let byName = Dictionary(uniqueKeysWithValues: d.losses.map { ($0.phi, $0) })
        // Least squares S⁻¹μ = (0.819672, −0.655738); logistic 2Σ⁻¹μ = (2.777778, −2.222222).
        let ls = try XCTUnwrap(byName[.leastSquares]).lengthPhase.end
        XCTAssertEqual(ls[0], 0.819672, accuracy: 1e-5)
        XCTAssertEqual(ls[1], -0.655738, accuracy: 1e-5)
        let logistic = try XCTUnwrap(byName[.softplus]).lengthPhase.end
        XCTAssertEqual(logistic[0], 2.777778, accuracy: 2e-3)
        XCTAssertEqual(logistic[1], -2.222222, accuracy: 2e-3)
        XCTAssertTrue(try XCTUnwrap(byName[.sigmoid]).lengthPhase.leftWindow, "the sigmoid risk has no finite minimizer")
    }

    func testFewQuadratureNodesSendGDOnTheSigmoidThroughTheTopEdge() throws {
        // FIGURES.md pitfall: with 20 nodes the GD-sigmoid path crosses the separatrix.
        var p = Self.smoke
        p.quadraturePoints = 20
        let d = try runKohler2019Fig1(p, context: RunContext(seed: 0, scale: .smoke))
        let failed = kohler2019Fig1Claims(d, params: p, scale: .smoke).filter { !$0.passed }.map(\.id)
        XCTAssertEqual(failed, ["fig1-gd-ends"])
    }

    func testPhaseClaimsFailWhenOneDirectionPhaseEndsElsewhere() throws {
        var d = try data()
        let count = d.losses[2].directionPhase.x.count
        d.losses[2].directionPhase.x[count - 1] += 0.01
        let failed = Set(kohler2019Fig1Claims(d, params: Self.smoke, scale: .smoke).filter { !$0.passed }.map(\.id))
        XCTAssertEqual(failed, ["fig1-seq-phase1-ends-on-red-line", "fig1-seq-phase1-identical"])
    }
}
