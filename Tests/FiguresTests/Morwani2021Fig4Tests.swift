import Experiments
import FigureKit
import Foundation
import Morwani2021Fig4
import XCTest

/// Morwani Fig. 4: the Simple-Traj network, its log-domain gradient and the EWN/Unnorm runs.
final class Morwani2021Fig4Tests: XCTestCase {
    private func logLoss(_ w: [Double], _ x: [Double]) -> Double { -(w[0] * x[0] + w[1] * x[1]) }

    func testLogLossGradientMatchesFiniteDifferences() {
        let x = [2.0, 1.0]
        for kind in [WeightParameterization.exponential, .unnormalized] {
            var net = SimpleTrajNetwork(initialWeights: [0.7, 1.3], parameterization: kind, input: x)
            let level = net.evaluate()
            XCTAssertEqual(level.logLoss, logLoss([0.7, 1.3], x), accuracy: 1e-15)
            XCTAssertEqual(level.logGradientScale, level.logLoss)
            let h = 1e-6
            for u in 0..<2 {
                var plus = [0.7, 1.3], minus = [0.7, 1.3]
                plus[u] += h
                minus[u] -= h
                let numeric = (logLoss(plus, x) - logLoss(minus, x)) / (2 * h)
                XCTAssertEqual(net.weightGradient[u, 0], numeric, accuracy: 1e-8)
            }
        }
    }

    func testEWNStepIsEquationThreeInTheLogDomain() {
        // α ← α − s e^α (û·G) with G = −x_u: w_u ← w_u · exp(s w_u x_u), and the sign never changes.
        let x = [2.0, 1.0], s = 0.03
        var net = SimpleTrajNetwork(initialWeights: [0.8, 0.4], parameterization: .exponential, input: x)
        _ = net.evaluate()
        net.step(stepSize: s)
        XCTAssertEqual(net.weights[0], 0.8 * exp(s * 0.8 * 2), accuracy: 1e-14)
        XCTAssertEqual(net.weights[1], 0.4 * exp(s * 0.4 * 1), accuracy: 1e-14)
        // The EWN scale gradient is the derivative of log L along α_u (finite differences in α).
        let alpha = net.hidden.scales
        let level = net.evaluate()
        let grads = net.hidden.parameterGradient(weightGradient: net.weightGradient).scales
        for u in 0..<2 {
            let h = 1e-6
            var plus = alpha, minus = alpha
            plus[u] += h
            minus[u] -= h
            let lp = logLoss(plus.map(exp), x), lm = logLoss(minus.map(exp), x)
            XCTAssertEqual(grads[u], (lp - lm) / (2 * h), accuracy: 1e-7)
        }
        XCTAssertEqual(level.logLoss, logLoss(net.weights, x), accuracy: 1e-14)
    }

    func testCopiesDoNotShareTheEvaluationBuffers() {
        // evaluate() writes into stored buffers: a copy that steps must leave the original's alone.
        let x = [2.0, 1.0]
        var net = SimpleTrajNetwork(initialWeights: [0.8, 0.4], parameterization: .exponential, input: x)
        _ = net.evaluate()
        let gradient = net.weightGradient
        var copy = net
        copy.step(stepSize: 0.1)
        let moved = copy.evaluate()
        XCTAssertEqual(net.weightGradient, gradient)
        XCTAssertEqual(moved.logLoss, logLoss(copy.weights, x), accuracy: 1e-14)
        XCTAssertEqual(net.evaluate().logLoss, logLoss(net.weights, x), accuracy: 1e-14)
        XCTAssertNotEqual(copy.weights, net.weights)
    }

    func testUnnormStepMovesAlongTheDataPoint() {
        var net = SimpleTrajNetwork(initialWeights: [0.8, 0.4], parameterization: .unnormalized, input: [2, 1])
        _ = net.evaluate()
        net.step(stepSize: 0.25)
        XCTAssertEqual(net.weights, [1.3, 0.65])
    }

    func testFlowLimitAgreesWithAFineIntegrationOfEquationFive() {
        // EWN flow with ηL absorbed into the time S: dw_u/dS = w_u² x_u (eq. 5, G = −x). Integrate with
        // small steps in S until the winner is huge, and compare the loser with the closed form.
        let x = [2.0, 1.0]
        for initial in [[1.0, 0.2], [0.8, 0.8], [0.5, 1.2], [0.3, 1.0]] {
            let predicted = simpleTrajFlowLimit(initial: initial, dataPoint: x)
            var w = initial
            while max(w[0], w[1]) < 1e5 {
                let dS = 1e-4 / max(w[0] * x[0], w[1] * x[1])
                w = [w[0] + dS * w[0] * w[0] * x[0], w[1] + dS * w[1] * w[1] * x[1]]
            }
            XCTAssertEqual(w[predicted.axis] > w[1 - predicted.axis], true)
            XCTAssertEqual(w[1 - predicted.axis], predicted.loserLimit, accuracy: 2e-3 * predicted.loserLimit)
        }
    }

    func testRunsStopAtTheFirstCrossingAndRecordEveryIterate() throws {
        let params = SimpleTrajParameters.preset(.smoke)
        let data = try runSimpleTraj(params, context: RunContext(seed: 0, scale: .smoke))
        XCTAssertEqual(data.runs.count, 10)
        for run in data.runs {
            XCTAssertEqual(run.w1.count, run.steps + 1)
            XCTAssertEqual(run.w1[0], run.initial[0])
            XCTAssertTrue(run.reachedTarget)
            XCTAssertLessThanOrEqual(run.finalLogLoss, -20)
            XCTAssertGreaterThan(run.previousLogLoss, -20)
            XCTAssertEqual(run.finalLogLoss, -(2 * run.final[0] + run.final[1]), accuracy: 1e-12)
            XCTAssertEqual(run.upSteps, 0, "a single point with a positive label never raises the loss here")
        }
    }

    func testAMissedTargetIsReportedAndFailsTheStopClaim() throws {
        var params = SimpleTrajParameters.preset(.default)
        params.maxSteps = 200
        let data = try runSimpleTraj(params, context: RunContext(seed: 0, scale: .default))
        XCTAssertTrue(data.runs(.unnormalized).allSatisfy { !$0.reachedTarget && $0.steps == 200 })
        let stop = simpleTrajClaims(data, params: params, scale: .default).first { $0.id == "traj-stop" }
        XCTAssertEqual(stop?.passed, false)
        XCTAssertTrue(simpleTrajCaption(data, params: params).contains("NOT REACHED"))
    }

    func testBadParametersGiveOneLineErrors() {
        var params = SimpleTrajParameters.preset(.smoke)
        params.initialW1 = [-1, 0.8, 0.2, 0.5, 0.3]
        XCTAssertThrowsError(try params.validate()) { XCTAssertTrue("\($0)".contains("positive")) }
        params = SimpleTrajParameters.preset(.smoke)
        params.lrExponent = 1.2
        XCTAssertThrowsError(try params.validate()) { XCTAssertTrue("\($0)".contains("lrExponent")) }
    }
}
