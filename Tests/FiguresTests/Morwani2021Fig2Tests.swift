import Experiments
import FigureKit
import Foundation
import Morwani2021Fig2
import Morwani2021Shared
import Plot
import XCTest

/// Morwani Fig. 2: the Lin-Sep problem, the EWN run to e^-300 in log space, its claims and caption.
final class Morwani2021Fig2Tests: XCTestCase {
    private let params = LinSep.params
    private let figure = Morwani2021Fig2.definition

    func testDataAreSixteenPointsSeparableThroughTheOriginWithALineAt150Degrees() {
        XCTAssertEqual(LinSepProblem.inputs.count, 16)
        XCTAssertEqual(LinSepProblem.labels.filter { $0 > 0 }.count, 8)
        // Normal of the line of direction 150°: (cos 60°, sin 60°).
        let normal = [0.5, 3.0.squareRoot() / 2]
        for (x, y) in zip(LinSepProblem.inputs, LinSepProblem.labels) { XCTAssertGreaterThan(y * dot(normal, x), 0, "\(x)") }
        XCTAssertEqual(LinSepProblem.secondLayer, [1, -1, 1, -1, 1, -1, 1, -1])
        XCTAssertEqual(LinSepProblem.homogeneity, 2)
    }

    func testSeedZeroStartsFromTheFixedTableAndOtherSeedsDrawStandardNormals() {
        let table = LinSepStart.forSeed(0)
        XCTAssertTrue(table.isTable)
        XCTAssertEqual(table.weights, LinSepProblem.initialWeightTable)
        let drawn = LinSepStart.forSeed(3)
        XCTAssertFalse(drawn.isTable)
        XCTAssertEqual(drawn, LinSepStart.forSeed(3))
        XCTAssertNotEqual(drawn.weights, LinSepStart.forSeed(4).weights)
        XCTAssertEqual(drawn.weights.count, 8)
        XCTAssertTrue(drawn.weights.allSatisfy { $0.count == 2 })
    }

    func testGradientOfLogLossMatchesFiniteDifferencesOfThePapersLoss() {
        var rng = SeededGenerator(seed: 5, stream: "linsep-fd")
        for w in [LinSepProblem.initialWeightTable, rng.normalMatrix(rows: 8, columns: 2).rowList] {
            let net = LinSepProblem.network(weights: Matrix(w), parameterization: .unnormalized)
            var workspace = NetworkWorkspace(network: net, sampleCount: 16)
            let level = net.evaluate(LinSepProblem.inputMatrix, loss: LinSepProblem.loss, workspace: &workspace)
            XCTAssertEqual(level.logLoss, LinSep.logLoss(w), accuracy: 1e-11)
            let h = 1e-6
            for u in 0..<8 {
                for j in 0..<2 {
                    var plus = w, minus = w
                    plus[u][j] += h
                    minus[u][j] -= h
                    let numeric = (LinSep.logLoss(plus) - LinSep.logLoss(minus)) / (2 * h)
                    XCTAssertEqual(workspace.weightGradients[0][u, j], numeric, accuracy: 1e-6 * max(1, abs(numeric)), "∂ log L/∂w_\(u + 1)[\(j + 1)]")
                    XCTAssertEqual(workspace.weightGradients[0][u, j], LinSep.logLossGradient(w)[u][j], accuracy: 1e-12)
                }
            }
        }
    }

    func testOneStepIsEquationsThreeAndFourWithStepKTimesLToTheOneMinusC() {
        let (run, w0, g, s) = LinSep.firstStep(.exponential)
        for u in 0..<8 {
            let alpha = log(norm(w0[u])), v = scaled(w0[u], by: 1 / norm(w0[u]))  // ‖v(0)‖ = 1
            let along = dot(v, g[u])
            let alpha1 = alpha - s * exp(alpha) * along  // Morwani eq. (3)
            let v1 = (0..<2).map { v[$0] - s * exp(alpha) * (g[u][$0] - along * v[$0]) }  // eq. (4), ‖v‖ = 1
            let w1 = scaled(v1, by: exp(alpha1) / norm(v1))
            assertClose(run.final.weights[u], w1, accuracy: 1e-13)
            XCTAssertEqual(run.final.norms[u], exp(alpha1), accuracy: 1e-13)
        }
        XCTAssertEqual(run.stopStep, 1)
        XCTAssertEqual(run.states.map(\.step), [0, 1])
    }

    func testEWNReachesEToTheMinus300With321StepsAndNoNaNOrZeroGradient() {
        let run = LinSep.ewn
        XCTAssertTrue(run.reachedTarget)
        XCTAssertLessThanOrEqual(run.final.logLoss, -300)
        XCTAssertEqual(run.stopStep, 321)  // FIGURES.md's numpy count at c = 0.97
        XCTAssertEqual(run.snapshots.map { $0.state?.step }, [59, 124, 321])
        XCTAssertEqual(run.upSteps, 0)
        XCTAssertNil(run.firstNonFiniteStep)
        // ∇L itself is ≈ e^-297: carried as log L + log‖G_u‖, finite, with G non-zero.
        let growing = run.growingNeurons(fraction: params.growingFraction)
        for u in growing {
            XCTAssertGreaterThan(norm(run.final.gradient[u]), 0)
            XCTAssertEqual(run.final.logGradientNorms[u], -297, accuracy: 2)
        }
        XCTAssertTrue(run.states.allSatisfy { $0.weights.joined().allSatisfy(\.isFinite) && $0.gradient.joined().allSatisfy(\.isFinite) })
    }

    func testLossAndGradientStayFiniteAndNonZeroFarBelowEToTheMinus1000() {
        // Φ is 2-homogeneous: scaling the final weights by 2.5 multiplies every margin by 6.25,
        // so log L ≈ −1880; exp(log L) is 0 in doubles, the log-domain values are not.
        let w = LinSep.ewn.final.weights.map { scaled($0, by: 2.5) }
        let net = LinSepProblem.network(weights: Matrix(w), parameterization: .exponential)
        var workspace = NetworkWorkspace(network: net, sampleCount: 16)
        let level = net.evaluate(LinSepProblem.inputMatrix, loss: LinSepProblem.loss, workspace: &workspace)
        XCTAssertLessThan(level.logLoss, -1000)
        XCTAssertEqual(level.logLoss, LinSep.logLoss(w), accuracy: 1e-9 * abs(level.logLoss))
        XCTAssertEqual(exp(level.logLoss), 0, "the linear-domain loss underflows here")
        let g = workspace.weightGradients[0]
        XCTAssertTrue(g.elements.allSatisfy(\.isFinite))
        XCTAssertGreaterThan(g.rowNorms.max() ?? 0, 0)
        for u in 0..<8 { assertClose(g.row(u), LinSep.logLossGradient(w)[u], accuracy: 1e-9 * max(1, norm(g.row(u)))) }
    }

    func testSnapshotsAreTheFirstRecordedStepsAtOrBelowEachLevel() {
        let run = LinSep.ewn
        XCTAssertEqual(run.states.map(\.step), Array(0...run.stopStep), "EWN keeps every step (321 < maxRecords)")
        for snapshot in run.snapshots {
            let state = snapshot.state!
            XCTAssertLessThanOrEqual(state.logLoss, snapshot.level)
            XCTAssertGreaterThan(run.states[state.step - 1].logLoss, snapshot.level)
            XCTAssertEqual(run.states[state.step], state)
        }
    }

    func testDefaultClaimsHoldAndThreeOfEightGrowAsTheSpecMeasured() {
        let data = LinSepData(run: LinSep.ewn)
        let claims = figure.claims(data, params: params, scale: .default)
        XCTAssertEqual(claims.map(\.id), ["ewn-linsep-reaches-target", "ewn-linsep-sparse", "ewn-linsep-direction-converges", "ewn-linsep-margin"])
        for c in claims { XCTAssertTrue(c.passed, "\(c.id): \(c.measured)") }
        XCTAssertEqual(LinSep.ewn.growingNeurons(fraction: 0.3), [0, 1, 2])
        XCTAssertEqual(LinSep.ewn.final.margin, 1.7740, accuracy: 1e-3)
        XCTAssertEqual(figure.claims(data, params: params, scale: .smoke).map(\.id), ["ewn-linsep-reaches-target", "ewn-linsep-sparse", "ewn-linsep-margin"])
    }

    func testClaimsFailOnRunsThatBreakTheAssumptions() {
        let claims = { (data: LinSepData) in self.figure.claims(data, params: self.params, scale: .default) }
        let nan = LinSep.data(LinSep.ewn) { $0.firstNonFiniteStep = 17 }
        XCTAssertFalse(claim("ewn-linsep-reaches-target", in: claims(nan)).passed)
        // A fourth neuron that keeps growing is not the sparse solution of the fixed start.
        let dense = LinSep.data(LinSep.ewn) { run in run.states[run.states.count - 1].norms[3] = 5 }
        XCTAssertFalse(claim("ewn-linsep-sparse", in: claims(dense)).passed)
        let falling = LinSep.data(LinSep.ewn) { $0.largestMarginDrop = 0.01 }
        XCTAssertFalse(claim("ewn-linsep-margin", in: claims(falling)).passed)
        let negative = LinSep.data(LinSep.ewn) { run in run.states[run.states.count - 1].margin = -0.1 }
        XCTAssertFalse(claim("ewn-linsep-margin", in: figure.claims(negative, params: params, scale: .smoke)).passed)
        let turning = LinSep.data(LinSep.ewn) { run in
            let late = run.states.firstIndex { $0.logLoss <= -250 }!
            run.states[late].lossShares.swapAt(0, 8)
        }
        XCTAssertFalse(claim("ewn-linsep-direction-converges", in: claims(turning)).passed)
    }

    func testCaptionStatesTheGrowingNeuronsFromTheData() {
        let data = LinSepData(run: LinSep.ewn)
        XCTAssertTrue(figure.caption(data, params: params).contains("3 of 8 keep growing (neurons 1, 2 and 3"))
        let dense = LinSep.data(LinSep.ewn) { run in run.states[run.states.count - 1].norms[3] = 5 }
        XCTAssertTrue(figure.caption(dense, params: params).contains("4 of 8 keep growing (neurons 1, 2, 3 and 4"))
    }

    func testChartHasFivePanelsWithEightNormLinesAndTwoComponentsPerGrowingNeuron() throws {
        let chart = try figure.render(LinSepData(run: LinSep.ewn), params: params)
        XCTAssertEqual(chart.panels.count, 5)
        XCTAssertEqual(chart.panels[1].plotters.filter { $0 is LinePlot }.count, 8)
        XCTAssertEqual(chart.panels[2].plotters.filter { $0 is LinePlot }.count, 6)
        XCTAssertEqual(chart.panels[3].plotters.filter { $0 is LinePlot }.count, 16)
        XCTAssertEqual(chart.panels[1].xAxis.range, 0...321)
        var negative = params
        negative.xAxis = "loglossneg"
        XCTAssertEqual(try figure.render(LinSepData(run: LinSep.ewn), params: negative).panels[1].xAxis.range?.upperBound ?? 0, -LinSep.ewn.final.logLoss, accuracy: 1e-9)
    }

    func testADivergingRunIsReportedInItsClaimsAndPanelsNotHidden() throws {
        var wild = params
        (wild.initialK, wild.maxK, wild.maxSteps) = (100, 100, 200)  // k far above App. L.1's cap
        let run = trainLinSep(.exponential, from: LinSepStart.forSeed(0), params: wild)
        XCTAssertNotNil(run.firstNonFiniteStep)
        XCTAssertFalse(run.reachedTarget)
        let data = LinSepData(run: run)
        XCTAssertFalse(claim("ewn-linsep-reaches-target", in: figure.claims(data, params: wild, scale: .smoke)).passed)
        let notes = try figure.render(data, params: wild).panels[1].plotters.compactMap { $0 as? TextAnnotation }.map(\.text)
        XCTAssertEqual(notes.count, 2, "\(notes)")
        XCTAssertTrue(figure.caption(data, params: wild).contains("did NOT reach"))
    }

    func testBadParametersAreRefusedWithOneLineNamingTheFix() {
        var bad = params
        bad.xAxis = "time"
        XCTAssertThrowsError(try figure.run(bad, context: RunContext(seed: 0, scale: .default))) { XCTAssertTrue("\($0)".contains("xAxis"), "\($0)") }
        bad = params
        bad.snapshotLogLosses = [-400]
        XCTAssertThrowsError(try figure.run(bad, context: RunContext(seed: 0, scale: .default))) { XCTAssertTrue("\($0)".contains("snapshotLogLosses"), "\($0)") }
    }
}
