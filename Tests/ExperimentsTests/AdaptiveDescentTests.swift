import Experiments
import Foundation
import XCTest

/// Morwani's adaptive rule (FIGURES.md Part 2 §0.2) and the descent drivers, checked against the
/// step counts the spec's numpy verification recorded for the deterministic experiments.
final class AdaptiveDescentTests: XCTestCase {
    func testKGrowsOnStrictDecreaseShrinksOnTiesAndRisesAndIsCapped() {
        var rule = AdaptiveStepRule(exponent: 0.9, maxK: 0.0125)
        XCTAssertEqual(rule.k, 0.01)
        XCTAssertTrue(rule.update(previousLogLoss: 1, newLogLoss: 0.5))
        XCTAssertEqual(rule.k, 0.011, accuracy: 1e-15)
        rule.update(previousLogLoss: 0.5, newLogLoss: 0.4)
        XCTAssertEqual(rule.k, 0.0121, accuracy: 1e-15)
        rule.update(previousLogLoss: 0.4, newLogLoss: 0.3)
        XCTAssertEqual(rule.k, 0.0125)  // capped
        XCTAssertFalse(rule.update(previousLogLoss: 0.3, newLogLoss: 0.3))  // a tie counts as a rise
        XCTAssertEqual(rule.k, 0.0125 / 1.1, accuracy: 1e-15)
        XCTAssertFalse(rule.update(previousLogLoss: 0.3, newLogLoss: 0.31))
        XCTAssertEqual(rule.k, 0.0125 / 1.21, accuracy: 1e-15)
    }

    func testStepMultiplierIsKTimesLToTheOneMinusCInLogForm() {
        let rule = AdaptiveStepRule(exponent: 0.97, maxK: 0.01)
        let deep = LossLevel(logLoss: -1000, logGradientScale: -1000)
        XCTAssertEqual(rule.stepMultiplier(at: deep), 0.01 * exp(0.03 * -1000), accuracy: 1e-28)
        XCTAssert(rule.stepMultiplier(at: deep) > 0)
        // A plain (non-log) gradient: η∇L = k L^{-c} ∇L.
        let plain = LossLevel(logLoss: log(0.5), logGradientScale: 0)
        XCTAssertEqual(rule.stepMultiplier(at: plain), 0.01 * pow(0.5, -0.97), accuracy: 1e-15)
    }

    /// Simple-Traj (morwani2021-fig4): two neurons with one weight each, Φ = 2w₁ + w₂, L = e^{−Φ}.
    private struct SimpleTraj: DescentModel {
        var weights: LayerWeights
        func logLoss() -> Double {
            let w = weights.effectiveWeights
            return -(2 * w[0, 0] + w[1, 0])
        }
        mutating func evaluate() -> LossLevel {
            let ll = logLoss()
            return LossLevel(logLoss: ll, logGradientScale: ll)
        }
        mutating func step(stepSize s: Double) {
            weights.step(weightGradient: Matrix(column: [-2, -1]), stepSize: s)  // G = ∇ log L = −(2, 1)
        }
    }

    private func simpleTrajSteps(_ start: [Double], _ parameterization: WeightParameterization) -> (DescentSummary, Matrix) {
        var model = SimpleTraj(weights: LayerWeights(effectiveWeights: Matrix(column: start), parameterization: parameterization))
        var rule = AdaptiveStepRule(exponent: 0.9, maxK: 0.1)
        var observed = 0
        var lastStep = -1
        let summary = runAdaptiveDescent(&model, rule: &rule, stopping: StoppingRule(maxSteps: 100_000, targetLogLoss: -50)) { o, _ in
            XCTAssertEqual(o.step, lastStep + 1)  // every step is observed, none undone
            lastStep = o.step
            observed += 1
        }
        XCTAssertEqual(observed, summary.steps + 1)
        return (summary, model.weights.effectiveWeights)
    }

    func testSimpleTrajStepCountsMatchTheSpecsVerification() {
        let starts: [[Double]] = [[1.0, 0.2], [0.8, 0.8], [0.2, 0.2], [0.5, 1.2], [0.3, 1.0]]
        let ewnSteps = starts.map { simpleTrajSteps($0, .exponential).0 }
        XCTAssertEqual(ewnSteps.map(\.steps), [32, 35, 56, 41, 40])
        XCTAssert(ewnSteps.allSatisfy { $0.reachedTarget && $0.upSteps == 0 && $0.finalLogLoss <= -50 })
        let (unnorm, end) = simpleTrajSteps(starts[0], .unnormalized)
        XCTAssert((2956...2960).contains(unnorm.steps), "Unnorm took \(unnorm.steps) steps")
        // Unnorm moves along (2, 1) only.
        XCTAssertEqual((end[0, 0] - 1.0) * 1 - (end[1, 0] - 0.2) * 2, 0, accuracy: 1e-9)
        // EWN: the losing coordinate approaches its gradient-flow limit 2w₁w₂/(2w₁ − w₂) = 0.222.
        XCTAssertEqual(simpleTrajSteps(starts[0], .exponential).1[1, 0], 0.222, accuracy: 0.02)
    }

    /// Lin-Sep (morwani2021-fig2/fig8): fixed data and initial weights, relu², a = (+1, −1, …),
    /// c = 0.97, k_max = 0.01. Spec (numpy): EWN first reaches e^-200/-250/-300 at steps 59/124/321;
    /// SWN at 1196/4002/14 348; neither ever raises the loss.
    func testLinSepCrossingStepsMatchTheSpecsVerification() {
        let points: [[Double]] = [
            [2.46, -0.43], [3.75, 0.00], [2.97, 0.42], [2.17, 0.58], [-0.22, 2.49], [-0.61, 3.45], [-0.85, 2.62],
            [0.11, 3.25], [-2.35, -0.86], [-2.66, -1.86], [-2.65, -2.65], [-1.72, -2.46], [-0.95, -2.04],
            [-0.91, -3.38], [-2.11, -1.77], [-2.72, -1.27],
        ]
        let labels = (0..<16).map { $0 < 8 ? 1.0 : -1.0 }
        let w0 = Matrix([
            [0.35, 0.82], [0.33, -1.30], [0.91, 0.45], [-0.54, 0.58], [0.36, 0.29], [0.03, 0.55], [-0.74, -0.16], [-0.48, 0.60],
        ])
        let a = Matrix(row: (0..<8).map { $0 % 2 == 0 ? 1.0 : -1.0 })
        for (parameterization, expected) in [(WeightParameterization.exponential, [59, 124, 321]), (.standard, [1196, 4002, 14_348])] {
            let network = FeedForwardNetwork.twoLayer(
                firstLayer: w0, parameterization: parameterization, activation: .reluSquared, secondLayer: a)
            var model = NetworkDescentModel(network: network, inputs: Matrix(points), loss: ExponentialLoss(labels: labels))
            var rule = AdaptiveStepRule(exponent: 0.97, maxK: 0.01)
            var recorder = Recorder<[Double]>(every: 1000, logLossLevels: [-200, -250, -300])
            let summary = runAdaptiveDescent(&model, rule: &rule, stopping: StoppingRule(maxSteps: 100_000, targetLogLoss: -300)) { o, m in
                recorder.observe(o) { m.network.layers[0].weights.neuronNorms }
            }
            XCTAssert(summary.reachedTarget)
            XCTAssertEqual(summary.upSteps, 0)
            XCTAssertEqual(recorder.crossings.map(\.step), expected, parameterization.paperName)
            XCTAssertEqual(recorder.crossings.last?.step, summary.steps)
            XCTAssertEqual(recorder.entries.last?.step, summary.steps)
            XCTAssertEqual(recorder.entries.first?.step, 0)
        }
    }

    func testRecorderWithMaxEntriesKeepsAPowerOfTwoStridePlusTheFinalStepAndEveryCrossing() {
        var recorder = Recorder<Int>(logLossLevels: [-10, -20], maxEntries: 8)
        let last = 1000
        for t in 0...last {
            recorder.observe(step: t, logLoss: -Double(t) / 10, isFinal: t == last) { t }
        }
        let steps = recorder.entries.map(\.step)
        XCTAssertLessThanOrEqual(steps.count, 9)
        XCTAssertGreaterThanOrEqual(steps.count, 5)
        XCTAssertEqual(steps.first, 0)
        XCTAssertEqual(steps.last, last)
        XCTAssertEqual(recorder.every & (recorder.every - 1), 0, "stride \(recorder.every) is a power of 2")
        XCTAssertEqual(Array(steps.dropLast()), Array(stride(from: 0, to: last, by: recorder.every)))
        XCTAssertEqual(recorder.entries.map(\.snapshot), steps)
        // Crossings are kept whatever the thinning: the first steps with log L ≤ −10 and ≤ −20.
        XCTAssertEqual(recorder.crossings.map(\.step), [100, 200])
        // Without maxEntries nothing is thinned.
        var plain = Recorder<Int>(every: 3)
        for t in 0...10 { plain.observe(step: t, logLoss: 0, isFinal: t == 10) { t } }
        XCTAssertEqual(plain.entries.map(\.step), [0, 3, 6, 9, 10])
    }

    func testConstantStepDescentUsesThePlainGradient() {
        // L = ½(w − 3)² through a squared loss on a one-weight linear "network".
        let network = FeedForwardNetwork.deepLinear(weights: [Matrix([[1.0]])], parameterization: .unnormalized)
        var model = NetworkDescentModel(network: network, inputs: Matrix([[1.0]]), loss: SquaredLoss(targets: [3]))
        let summary = runGradientDescent(&model, stepSize: 0.5, stopping: StoppingRule(maxSteps: 3))
        // w ← w − 0.5 (w − 3): 1 → 2 → 2.5 → 2.75.
        XCTAssertEqual(model.network.effectiveWeights[0][0, 0], 2.75, accuracy: 1e-15)
        XCTAssertEqual(summary.steps, 3)
        XCTAssertFalse(summary.reachedTarget)
    }

    func testARunStartingBelowTheTargetTakesNoStep() {
        var model = SimpleTraj(weights: LayerWeights(effectiveWeights: Matrix(column: [30, 1]), parameterization: .exponential))
        var rule = AdaptiveStepRule(exponent: 0.9, maxK: 0.1)
        let summary = runAdaptiveDescent(&model, rule: &rule, stopping: StoppingRule(maxSteps: 10, targetLogLoss: -50))
        XCTAssertEqual(summary.steps, 0)
        XCTAssert(summary.reachedTarget)
    }
}
