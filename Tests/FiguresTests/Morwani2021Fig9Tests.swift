import Experiments
import FigureKit
import Foundation
import Morwani2021Fig8
import Morwani2021Fig9
import Morwani2021Shared
import Plot
import XCTest

/// Morwani Fig. 9: Proposition 2 and Theorem 2 (ii) on Fig. 8's SWN run, read through the cache.
final class Morwani2021Fig9Tests: XCTestCase {
    private let params = LinSep.params
    private let figure = Morwani2021Fig9.definition

    func testFig9DrawsFig8sRunThroughTheCacheNeverTrainingAgain() throws {
        let (context, counter, folder) = LinSep.countingContext()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fig8 = try Morwani2021Fig8.definition.run(params, context: context)
        let fig9 = try figure.run(params, context: context)
        XCTAssertEqual(counter.count("SWN"), 1, "Fig. 9 trained again instead of reading Fig. 8's run")
        XCTAssertEqual(fig9.run, fig8.run)
    }

    func testTheorem2RatioIsCommonToTheGrowingNeuronsAndTheProductIsNot() {
        let relation = Theorem2Relation(.standard)
        XCTAssertEqual(relation.slope, 1)
        let growing = LinSep.swn.growingNeurons(fraction: params.growingFraction)
        for snapshot in LinSep.swn.snapshots {
            let state = snapshot.state!
            let ratios = growing.map { state.logLoss + log(norm(state.gradient[$0])) - log(state.norms[$0]) }
            assertClose(relation.invariants(state, neurons: growing), ratios, accuracy: 1e-12)
            XCTAssertLessThan(relation.spread(state, neurons: growing), 0.03)
            XCTAssertGreaterThan(relation.other.spread(state, neurons: growing), 2)
        }
    }

    func testDefaultClaimsHoldAndMixingUpSWNAndEWNFailsThem() {
        let claims = figure.claims(LinSepData(run: LinSep.swn), params: params, scale: .default)
        XCTAssertEqual(claims.map(\.id), ["swn-grad-direction", "swn-weight-antigrad", "swn-thm2-ratio", "swn-fit-slope"])
        for c in claims { XCTAssertTrue(c.passed, "\(c.id): \(c.measured)") }
        XCTAssertEqual(figure.claims(LinSepData(run: LinSep.swn), params: params, scale: .smoke).map(\.id), ["swn-weight-antigrad", "swn-thm2-ratio"])
        let mislabelled = LinSep.data(LinSep.swn) { $0.parameterization = .exponential }
        XCTAssertFalse(claim("ewn-thm2-product", in: figure.claims(mislabelled, params: params, scale: .smoke)).passed)
    }

    func testScatterPanelsCarryALineOfSlopePlusOne() throws {
        let chart = try figure.render(LinSepData(run: LinSep.swn), params: params)
        XCTAssertEqual(chart.panels.count, 5)
        for panel in chart.panels.suffix(3) {
            XCTAssertEqual(panel.plotters.compactMap { $0 as? ScatterPlot }.count, 4)
            guard case .line(let slope, _) = panel.plotters.compactMap({ $0 as? ReferenceLine }).first?.kind else { return XCTFail("no sloped line") }
            XCTAssertEqual(slope, 1)
        }
        XCTAssertTrue(figure.caption(LinSepData(run: LinSep.swn), params: params).contains("slope +1"))
    }
}
