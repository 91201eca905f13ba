import Morwani2021Fig5
import Experiments
import FigureKit
import Morwani2021Shared
import XCTest

/// The XOR experiment of Morwani Fig. 5: data, start, gradient, step rule, training record, claims.
final class Morwani2021Fig5Tests: XCTestCase {
    private let smoke = XORParameters.preset(.smoke)

    func testDataIsTheFourXORPointsLabelledByTheProductOfTheirCoordinates() {
        XCTAssertEqual(XORProblem.inputs.count, 4)
        XCTAssertEqual(Set(XORProblem.inputs.map { "\($0)" }).count, 4)
        for (x, y) in zip(XORProblem.inputs, XORProblem.labels) {
            XCTAssertEqual(abs(x[0]), 1)
            XCTAssertEqual(abs(x[1]), 1)
            XCTAssertEqual(y, x[0] * x[1])
        }
        XCTAssertEqual(XORProblem.labels.filter { $0 > 0 }.count, 2)
    }

    func testStartIsReproducibleAndPassesTheAcceptanceRule() {
        let a = XORInitialization.draw(seed: 7, hiddenUnits: 20, scale: 0.1)!
        let b = XORInitialization.draw(seed: 7, hiddenUnits: 20, scale: 0.1)!
        XCTAssertEqual(a, b)
        XCTAssertNotEqual(a, XORInitialization.draw(seed: 8, hiddenUnits: 20, scale: 0.1))
        XCTAssertTrue(a.isTrainable)
        XCTAssertEqual(a.weights.count, 20)
        XCTAssertTrue(a.secondLayer.allSatisfy { $0 == 1 || $0 == -1 })
        // σ = 0.1: no entry should be anywhere near 1.
        XCTAssertLessThan(a.weights.joined().map(abs).max()!, 0.6)
    }

    func testAcceptanceRuleRejectsAPointWithoutAnActiveUnitOfItsSign() {
        // Both units have a = +1, so the class −1 points have no right-sign unit.
        let bad = XORInitialization(secondLayer: [1, 1], weights: [[1, 1], [-1, -1]], redraws: 0, stream: "test")
        XCTAssertFalse(bad.isTrainable)
        let good = XORInitialization(
            secondLayer: [1, 1, -1, -1], weights: [[1, 1], [-1, -1], [1, -1], [-1, 1]], redraws: 0, stream: "test")
        XCTAssertTrue(good.isTrainable)
        // With 4 units (the fewest that can fit XOR) most draws are rejected: the rule is exercised and counted.
        let redrawn = (0..<20).compactMap { XORInitialization.draw(seed: $0, hiddenUnits: 4, scale: 0.1) }
        XCTAssertEqual(redrawn.count, 20)
        XCTAssertTrue(redrawn.allSatisfy(\.isTrainable))
        XCTAssertGreaterThan(redrawn.map(\.redraws).reduce(0, +), 0)
        // 3 units can never fit XOR: the draw gives up instead of looping forever.
        XCTAssertNil(XORInitialization.draw(seed: 0, hiddenUnits: 3, scale: 0.1, maxRedraws: 100))
    }

    func testGradientOfLogLossMatchesFiniteDifferences() {
        let start = XORInitialization.draw(seed: 3, hiddenUnits: 20, scale: 0.5)!
        let x = XORProblem.inputMatrix
        let net = XORProblem.network(weights: Matrix(start.weights), secondLayer: start.secondLayer, parameterization: .unnormalized)
        var workspace = NetworkWorkspace(network: net, sampleCount: 4)
        let level = net.evaluate(x, loss: XORProblem.loss, workspace: &workspace)
        let gradient = workspace.weightGradients[0]

        func logLoss(_ w: [[Double]]) -> Double {
            // Morwani line 137 written out directly: log Σ_i exp(−y_i Σ_j a_j relu(w_j·x_i)).
            let z = zip(XORProblem.inputs, XORProblem.labels).map { xi, yi in
                -yi * zip(w, start.secondLayer).reduce(0) { $0 + $1.1 * max(0, dot($1.0, xi)) }
            }
            return logSumExp(z)
        }
        XCTAssertEqual(level.logLoss, logLoss(start.weights), accuracy: 1e-12)
        let h = 1e-6
        for j in 0..<20 {
            for d in 0..<2 {
                var plus = start.weights, minus = start.weights
                plus[j][d] += h
                minus[j][d] -= h
                let numeric = (logLoss(plus) - logLoss(minus)) / (2 * h)
                XCTAssertEqual(gradient[j, d], numeric, accuracy: 1e-7, "∂ log L/∂w_\(j)[\(d)]")
            }
        }
    }

    func testStepRuleIsAppendixL3sKOverLToThePointNine() {
        let params = XORParameters.preset(.default)
        XCTAssertEqual(params.targetLogLoss, -50)
        XCTAssertEqual(params.kMaxEWN, 0.01)
        XCTAssertEqual(params.kMaxUnnorm, 0.1)
        let rule = params.stepRule(kMax: params.kMaxEWN)
        XCTAssertEqual(rule.k, 0.01)
        // η·∇L = (k/L^0.9)·L·∇log L: the multiplier of ∇log L at L = e^-50 is k·e^{-5}.
        let level = LossLevel(logLoss: -50, logGradientScale: -50)
        XCTAssertEqual(rule.stepMultiplier(at: level), 0.01 * exp(-5), accuracy: 1e-15)
    }

    func testEveryParameterizationStartsFromTheSameNeuronNorms() {
        var params = smoke
        params.maxSteps = 0
        let start = XORInitialization.draw(seed: 0, hiddenUnits: 20, scale: 0.1)!
        let initial = start.weights.map(norm)
        for kind in WeightParameterization.allCases {
            let run = trainXOR(kind, from: start, rule: params.stepRule(kMax: 0.1), params: params)
            XCTAssertEqual(run.stopStep, 0)
            XCTAssertEqual(run.steps, [0])
            for j in 0..<20 { XCTAssertEqual(run.finalNorms[j], initial[j], accuracy: 1e-12, kind.paperName) }
        }
    }

    func testARunThatHitsTheStepBudgetSaysSo() {
        var params = smoke
        params.maxSteps = 50
        let start = XORInitialization.draw(seed: 0, hiddenUnits: 20, scale: 0.1)!
        let run = trainXOR(.exponential, from: start, rule: params.stepRule(kMax: 0.01), params: params)
        XCTAssertEqual(run.stopStep, 50)
        XCTAssertFalse(run.reachedTarget)
        XCTAssertGreaterThan(run.finalLogLoss, params.targetLogLoss)
        XCTAssertEqual(run.steps.first, 0)
        XCTAssertEqual(run.steps.last, 50)
    }

    func testSmokeRunsReachTheTargetRecordAtMostPlotPointsAndTurnEWNDirections() throws {
        let data = try runXOR(smoke, context: RunContext(seed: 0, scale: .smoke))
        for run in [data.ewn, data.unnorm] {
            XCTAssertTrue(run.reachedTarget, run.name)
            XCTAssertLessThanOrEqual(run.finalLogLoss, -20, run.name)
            XCTAssertLessThanOrEqual(run.steps.count, smoke.plotPoints + 1, run.name)
            XCTAssertEqual(run.steps.last, run.stopStep, run.name)
            XCTAssertEqual(run.norms.count, 20)
            XCTAssertTrue(run.norms.allSatisfy { $0.count == run.steps.count })
            XCTAssertEqual(run.logLoss.last, run.finalLogLoss)
            XCTAssertEqual(run.finalWeights.map(norm), run.finalNorms.map { $0 }, accuracy: 1e-9)
        }
        // Eq. 4 moves directions: the largest EWN neuron no longer points where it started.
        let top = largestNeurons(data.ewn.finalNorms, count: 1)[0]
        let cos = cosine(data.ewn.finalWeights[top], data.start.weights[top])
        XCTAssertLessThan(cos, 0.999)
        // EWN adapted k: at least one step raised the loss (FIGURES.md: the k rule is active).
        XCTAssertGreaterThan(data.ewn.upSteps, 0)
        XCTAssertGreaterThan(Set(data.ewn.k).count, 1)
    }

    func testLongRunsKeepAtMostPlotPointsAtAPowerOfTwoStridePlusTheLastStep() {
        var params = smoke
        params.plotPoints = 10
        params.maxSteps = 1234
        params.targetLogLoss = -1000
        let start = XORInitialization.draw(seed: 0, hiddenUnits: 20, scale: 0.1)!
        let run = trainXOR(.unnormalized, from: start, rule: params.stepRule(kMax: 0.1), params: params)
        XCTAssertEqual(run.stopStep, 1234)
        XCTAssertLessThanOrEqual(run.steps.count, 11)
        XCTAssertGreaterThanOrEqual(run.steps.count, 5)
        XCTAssertEqual(run.steps.first, 0)
        XCTAssertEqual(run.steps.last, 1234)
        let stride = run.steps[1]
        XCTAssertEqual(stride & (stride - 1), 0, "stride \(stride) is a power of 2")
        XCTAssertEqual(Array(run.steps.dropLast()), Array(Swift.stride(from: 0, through: 1233, by: stride)))
        XCTAssertEqual(Double(run.norms[0].last!), run.finalNorms[0], accuracy: 1e-5 * run.finalNorms[0])
    }

    func testBadParametersAreRefusedWithOneLineNamingTheFix() {
        var params = smoke
        params.hiddenUnits = 3
        XCTAssertThrowsError(try runXOR(params, context: RunContext(seed: 0, scale: .smoke))) { error in
            XCTAssertTrue("\(error)".contains("hiddenUnits"), "\(error)")
        }
        params = smoke
        params.lrExponent = 1.5
        XCTAssertThrowsError(try runXOR(params, context: RunContext(seed: 0, scale: .smoke)))
    }

    func testSparsityMeasures() {
        let four = [3.0, 3, 3, 3] + Array(repeating: 0, count: 16)
        XCTAssertEqual(participationRatio(four), 4, accuracy: 1e-12)
        XCTAssertEqual(participationRatio(Array(repeating: 2, count: 20)), 20, accuracy: 1e-12)
        XCTAssertEqual(topShare(four, count: 4), 1, accuracy: 1e-12)
        XCTAssertEqual(topShare([2, 1, 1, 1, 1], count: 1), 0.5, accuracy: 1e-12)
        XCTAssertEqual(countAbove([10, 2.5, 2.4, 0], fractionOfMax: 0.25), 2)
        XCTAssertEqual(largestNeurons([1, 5, 3, 5], count: 3), [1, 3, 2])
    }

    func testFourUnitCoverRecognisesTheMinimalXORSolutionOnly() {
        let w = [[1.0, 1], [-1, -1], [1, -1], [-1, 1], [0.01, 0]]
        let norms = w.map(norm)
        XCTAssertTrue(fourUnitsCoverXOR(finalWeights: w, finalNorms: norms, secondLayer: [1, 1, -1, -1, 1]).passed)
        XCTAssertFalse(fourUnitsCoverXOR(finalWeights: w, finalNorms: norms, secondLayer: [1, 1, 1, -1, 1]).passed)
        let twoOnOnePoint = [[1.0, 1], [1.2, 0.8], [1, -1], [-1, 1], [0.01, 0]]
        XCTAssertFalse(
            fourUnitsCoverXOR(finalWeights: twoOnOnePoint, finalNorms: twoOnOnePoint.map(norm), secondLayer: [1, 1, -1, -1, 1]).passed)
    }

    func testClaimsFailWhenEWNIsNotSparseOrUnnormLosesANeuron() throws {
        let data = try runXOR(smoke, context: RunContext(seed: 0, scale: .smoke))
        let honest = xorClaims(data, params: smoke, scale: .smoke)
        XCTAssertEqual(honest.map(\.id), ["xor-ewn-four", "xor-unnorm-all"])
        XCTAssertTrue(honest.allSatisfy(\.passed), "\(honest)")

        var spread = data
        spread.ewn.finalNorms = Array(repeating: 5, count: 20)
        spread.unnorm.finalNorms[3] = 0.2
        let broken = xorClaims(spread, params: smoke, scale: .smoke)
        XCTAssertTrue(broken.allSatisfy { !$0.passed }, "\(broken)")

        var stalled = data
        stalled.unnorm.reachedTarget = false
        let claim = xorClaims(stalled, params: smoke, scale: .default).first { $0.id == "xor-converged" }
        XCTAssertEqual(claim?.passed, false)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy * max(1, abs(y)), file: file, line: line) }
}
