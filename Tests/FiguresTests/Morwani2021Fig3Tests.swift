import Experiments
import FigureKit
import Foundation
import Morwani2021Fig2
import Morwani2021Fig3
import Morwani2021Shared
import Plot
import XCTest

/// Morwani Fig. 3: Proposition 2 and Theorem 2 (i) on Fig. 2's EWN run, read through the cache.
final class Morwani2021Fig3Tests: XCTestCase {
    private let params = LinSep.params
    private let figure = Morwani2021Fig3.definition

    func testFig3DrawsFig2sRunThroughTheCacheNeverTrainingAgain() throws {
        let (context, counter, folder) = LinSep.countingContext()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fig2 = try Morwani2021Fig2.definition.run(params, context: context)
        XCTAssertEqual(counter.count("EWN"), 1)
        let fig3 = try figure.run(params, context: context)
        XCTAssertEqual(counter.count("EWN"), 1, "Fig. 3 trained again instead of reading Fig. 2's run")
        XCTAssertEqual(fig3.run, fig2.run)
        // Without a cache it trains the same run itself.
        XCTAssertEqual(try figure.run(params, context: RunContext(seed: 0, scale: .default)).run, fig2.run)
    }

    func testTheorem2ProductIsCommonToTheGrowingNeuronsAndTheRatioIsNot() {
        let relation = Theorem2Relation(.exponential)
        XCTAssertEqual(relation.slope, -1)
        let growing = LinSep.ewn.growingNeurons(fraction: params.growingFraction)
        for snapshot in LinSep.ewn.snapshots {
            let state = snapshot.state!
            // ln‖w_u‖ + ln‖∇_{w_u}L‖ from the stored G: ∇L = L·G.
            let products = growing.map { log(state.norms[$0]) + state.logLoss + log(norm(state.gradient[$0])) }
            XCTAssertEqual(relation.invariants(state, neurons: growing), products)
            XCTAssertLessThan(relation.spread(state, neurons: growing), 0.01)
            XCTAssertGreaterThan(relation.other.spread(state, neurons: growing), 0.25)
        }
    }

    func testDefaultClaimsHoldAndTheSmokeOnesAreTheSpecsSubset() {
        let data = LinSepData(run: LinSep.ewn)
        let claims = figure.claims(data, params: params, scale: .default)
        XCTAssertEqual(claims.map(\.id), ["ewn-grad-direction", "ewn-weight-antigrad", "ewn-thm2-product", "ewn-fit-slope"])
        for c in claims { XCTAssertTrue(c.passed, "\(c.id): \(c.measured)") }
        XCTAssertEqual(figure.claims(data, params: params, scale: .smoke).map(\.id), ["ewn-weight-antigrad", "ewn-thm2-product"])
    }

    func testMixingUpEWNAndSWNFailsTheTheorem2Claims() {
        // The EWN run read as SWN: ‖∇L‖/‖w‖ is not common, and the slope is −1, not +1.
        let mislabelled = LinSep.data(LinSep.ewn) { $0.parameterization = .standard }
        let claims = figure.claims(mislabelled, params: params, scale: .default)
        XCTAssertFalse(claim("swn-thm2-ratio", in: claims).passed)
        XCTAssertFalse(claim("swn-fit-slope", in: claims).passed)
        // The SWN run read as EWN.
        let swnAsEWN = LinSep.data(LinSep.swn) { $0.parameterization = .exponential }
        let swnClaims = figure.claims(swnAsEWN, params: params, scale: .default)
        XCTAssertFalse(claim("ewn-thm2-product", in: swnClaims).passed)
        XCTAssertFalse(claim("ewn-fit-slope", in: swnClaims).passed)
    }

    func testDirectionClaimsFailWhenAGradientTurns() {
        let turned = LinSep.data(LinSep.ewn) { run in
            let late = run.states.firstIndex { $0.logLoss <= -250 }!
            run.states[late].gradient[0] = run.states[late].gradient[0].map { -$0 }
            run.states[run.states.count - 1].weights[1] = run.states[run.states.count - 1].weights[1].map { -$0 }
        }
        let claims = figure.claims(turned, params: params, scale: .default)
        XCTAssertFalse(claim("ewn-grad-direction", in: claims).passed)
        XCTAssertFalse(claim("ewn-weight-antigrad", in: claims).passed)
    }

    func testScatterPanelsShowEachGrowingNeuronAndALineOfSlopeMinusOneThroughTheirCentroid() throws {
        let chart = try figure.render(LinSepData(run: LinSep.ewn), params: params)
        XCTAssertEqual(chart.panels.count, 5)
        XCTAssertEqual(chart.panels.suffix(3).map(\.title), ["L = e^{-200}", "L = e^{-250}", "L = e^{-300}"])
        for (panel, snapshot) in zip(chart.panels.suffix(3), LinSep.ewn.snapshots) {
            let points = panel.plotters.compactMap { $0 as? ScatterPlot }
            XCTAssertEqual(points.map(\.label), ["w1", "w2", "w3"])
            let lines = panel.plotters.compactMap { $0 as? ReferenceLine }
            XCTAssertEqual(lines.count, 1)
            guard case .line(let slope, let intercept) = lines[0].kind else { return XCTFail("not a sloped line") }
            XCTAssertEqual(slope, -1)
            let state = snapshot.state!
            let (cx, cy) = ((0..<3).map { state.logNorms[$0] }.reduce(0, +) / 3, (0..<3).map { state.logGradientNorms[$0] }.reduce(0, +) / 3)
            XCTAssertEqual(intercept + slope * cx, cy, accuracy: 1e-9)
            XCTAssertTrue(panel.xAxis.range!.contains(points.map { $0.x[0] }.min()!) && panel.xAxis.range!.contains(points.map { $0.x[0] }.max()!))
        }
    }

    func testCaptionQuotesTheMeasuredSpreads() {
        let data = LinSepData(run: LinSep.ewn)
        let state = LinSep.ewn.snapshots[2].state!
        let spread = Theorem2Relation(.exponential).spread(state, neurons: [0, 1, 2])
        XCTAssertTrue(figure.caption(data, params: params).contains(formatNumber(spread)))
        XCTAssertTrue(figure.caption(data, params: params).contains("slope −1"))
    }
}
