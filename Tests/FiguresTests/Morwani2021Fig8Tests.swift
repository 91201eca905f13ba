import Experiments
import FigureKit
import Foundation
import Morwani2021Fig2
import Morwani2021Fig8
import Morwani2021Shared
import Plot
import XCTest

/// Morwani Fig. 8: the SWN run to e^-300, its claims and its comparison with Fig. 2's EWN run.
final class Morwani2021Fig8Tests: XCTestCase {
    private let params = LinSep.params
    private let figure = Morwani2021Fig8.definition

    func testOneStepIsEquationsOneAndTwoWithTheOldGamma() {
        let (run, w0, g, s) = LinSep.firstStep(.standard)
        for u in 0..<8 {
            let gamma = norm(w0[u]), v = scaled(w0[u], by: 1 / gamma)  // ‖v(0)‖ = 1
            let along = dot(v, g[u])
            let gamma1 = gamma - s * along  // Morwani eq. (1)
            let v1 = (0..<2).map { v[$0] - s * gamma * (g[u][$0] - along * v[$0]) }  // eq. (2), old γ
            assertClose(run.final.weights[u], scaled(v1, by: gamma1 / norm(v1)), accuracy: 1e-13)
            XCTAssertEqual(run.final.norms[u], abs(gamma1), accuracy: 1e-13)
        }
    }

    func testSWNReachesEToTheMinus300In14348StepsWithNormsEqualToAbsGamma() {
        let run = LinSep.swn
        XCTAssertTrue(run.reachedTarget)
        XCTAssertEqual(run.stopStep, 14_348)  // FIGURES.md's numpy count at c = 0.97
        XCTAssertEqual(run.snapshots.map { $0.state?.step }, [1196, 4002, 14_348])
        XCTAssertNil(run.firstNonFiniteStep)
        XCTAssertEqual(run.upSteps, 0)
        XCTAssertLessThanOrEqual(run.states.count, params.maxRecords + 1)
        XCTAssertEqual(run.states.last?.step, run.stopStep)
        for state in [run.states[0], run.final] { assertClose(state.weights.map(norm), state.norms, accuracy: 1e-12) }
        for u in run.growingNeurons(fraction: params.growingFraction) {
            XCTAssertEqual(run.final.logGradientNorms[u], -297, accuracy: 1.5, "∇L ≈ e^-297, carried as log L + log‖G_u‖")
        }
    }

    func testFig8TrainsSWNAndReadsFig2sEWNRunFromTheCache() throws {
        let (context, counter, folder) = LinSep.countingContext()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fig2 = try Morwani2021Fig2.definition.run(params, context: context)
        let fig8 = try figure.run(params, context: context)
        XCTAssertEqual(counter.count("EWN"), 1)
        XCTAssertEqual(counter.count("SWN"), 1)
        XCTAssertEqual(fig8.ewnFinalNorms, fig2.run.final.norms)
        XCTAssertEqual(fig8.run.start, fig2.run.start, "same effective start")
    }

    func testDefaultClaimsHoldAndSWNGrowsMoreNeuronsThanEWN() {
        let data = LinSepData(run: LinSep.swn, ewnFinalNorms: LinSep.ewn.final.norms)
        let claims = figure.claims(data, params: params, scale: .default)
        XCTAssertEqual(claims.map(\.id), ["swn-linsep-reaches-target", "swn-not-sparser-than-ewn", "swn-linsep-direction-converges", "swn-linsep-margin"])
        for c in claims { XCTAssertTrue(c.passed, "\(c.id): \(c.measured)") }
        XCTAssertEqual(LinSep.swn.growingNeurons(fraction: 0.3), [0, 1, 2, 4])
        XCTAssertEqual(figure.claims(data, params: params, scale: .smoke).map(\.id), ["swn-linsep-reaches-target", "swn-linsep-margin"])
    }

    func testSparsityComparisonFailsWhenEWNGrowsMoreNeurons() {
        let ewnDense = [7.0, 8, 7, 6, 5, 0.1, 0.1, 0.1]
        let data = LinSepData(run: LinSep.swn, ewnFinalNorms: ewnDense)
        XCTAssertFalse(claim("swn-not-sparser-than-ewn", in: figure.claims(data, params: params, scale: .default)).passed)
    }

    func testCaptionComparesWithEWNFromTheData() {
        let data = LinSepData(run: LinSep.swn, ewnFinalNorms: LinSep.ewn.final.norms)
        let caption = figure.caption(data, params: params)
        XCTAssertTrue(caption.contains("4 of 8 keep growing (neurons 1, 2, 3 and 5"), caption)
        XCTAssertTrue(caption.contains("Under EWN from the same start (Fig. 2) 3 neurons keep growing"), caption)
    }
}
