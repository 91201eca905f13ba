import Experiments
import XCTest

/// `runAdaptiveEpochs`: App. L.5's epochs of mini-batches, k changed only between epochs.
final class MiniBatchEpochsTests: XCTestCase {
    /// A 3-class, 2-layer ReLU net on 12 random points: small enough to replay by hand.
    private struct Problem {
        var network: FeedForwardNetwork
        let inputs: Matrix
        let labels: [Int]

        init(parameterization: WeightParameterization) {
            var rng = SeededGenerator(seed: 3, stream: "problem")
            inputs = rng.normalMatrix(rows: 12, columns: 4)
            labels = (0..<12).map { $0 % 3 }
            network = FeedForwardNetwork.twoLayer(
                firstLayer: rng.normalMatrix(rows: 5, columns: 4, standardDeviation: 0.7), parameterization: parameterization,
                activation: .relu, secondLayer: rng.normalMatrix(rows: 3, columns: 5, standardDeviation: 0.5),
                trainSecondLayer: true)
        }

        func loss(_ members: [Int]) -> CrossEntropyLoss {
            CrossEntropyLoss(classes: members.map { labels[$0] }, classCount: 3)
        }

        func rows(_ members: [Int]) -> Matrix {
            Matrix(rows: members.count, columns: inputs.columns, elements: members.flatMap { inputs.row($0) })
        }

        func fullLogLoss(_ net: FeedForwardNetwork) -> Double {
            loss(Array(0..<labels.count)).logLoss(net.outputs(inputs))
        }
    }

    private func runEpochs(
        _ problem: inout Problem, batchSize: Int, maxSteps: Int, seed: UInt64 = 9,
        observe: (EpochObservation, FeedForwardNetwork, Matrix) -> Void = { _, _, _ in }
    ) -> (DescentSummary, AdaptiveStepRule) {
        var rule = AdaptiveStepRule(exponent: 0.98, maxK: 0.05, initialK: 0.05)
        var order = SeededGenerator(seed: seed, stream: "batches")
        let p = problem
        let summary = runAdaptiveEpochs(
            &problem.network, inputs: p.inputs, batchSize: batchSize, order: &order, loss: p.loss, rule: &rule,
            stopping: StoppingRule(maxSteps: maxSteps), observe: observe)
        return (summary, rule)
    }

    func testEachStepIsKTimesTheBatchLossToTheOneMinusCAlongItsOwnGradientAndKChangesOnlyAfterAnEpoch() {
        var problem = Problem(parameterization: .exponential)
        var replay = problem.network
        let (summary, _) = runEpochs(&problem, batchSize: 5, maxSteps: 6)
        XCTAssertEqual(summary.steps, 6)  // two epochs of ⌈12/5⌉ = 3 batches (5, 5, 2)

        var rule = AdaptiveStepRule(exponent: 0.98, maxK: 0.05, initialK: 0.05)
        var order = SeededGenerator(seed: 9, stream: "batches")
        var indices = Array(0..<12)
        var previous = problem.fullLogLoss(replay)
        for _ in 0..<2 {
            order.shuffle(&indices)
            for start in stride(from: 0, to: 12, by: 5) {
                let members = Array(indices[start..<min(start + 5, 12)])
                var ws = NetworkWorkspace(network: replay, sampleCount: members.count)
                let level = replay.evaluate(problem.rows(members), loss: problem.loss(members), workspace: &ws)
                XCTAssertEqual(level.logGradientScale, level.logLoss)  // ∇ log L_B is stored
                replay.step(workspace: ws, stepSize: rule.k * exp((1 - 0.98) * level.logLoss))
            }
            let now = problem.fullLogLoss(replay)
            rule.update(previousLogLoss: previous, newLogLoss: now)
            previous = now
        }
        XCTAssertEqual(problem.network, replay)
        XCTAssertEqual(summary.finalLogLoss, previous)
    }

    func testObservationsComeAtTheStartAndAfterEveryEpochWithTheFullTrainingLoss() {
        var problem = Problem(parameterization: .standard)
        let fixed = problem
        var seen: [EpochObservation] = []
        let (summary, rule) = runEpochs(&problem, batchSize: 4, maxSteps: 10) { observation, network, outputs in
            seen.append(observation)
            XCTAssertEqual(outputs, network.outputs(fixed.inputs))
            XCTAssertEqual(observation.logLoss, fixed.fullLogLoss(network))
        }
        // 10 steps at 3 batches an epoch: the run ends after the epoch that reaches them (12 steps).
        XCTAssertEqual(seen.map(\.epoch), [0, 1, 2, 3, 4])
        XCTAssertEqual(seen.map(\.step), [0, 3, 6, 9, 12])
        XCTAssertEqual(seen.map(\.isFinal), [false, false, false, false, true])
        XCTAssertEqual(summary.steps, 12)
        XCTAssertEqual(seen.last?.k, rule.k)
        XCTAssertEqual(summary.upSteps, seen.filter(\.lossWentUp).count)
        XCTAssertFalse(seen[0].lossWentUp)
    }

    func testTheSameSeedGivesTheSameRunAndAnotherSeedAnotherOrder() {
        var first = Problem(parameterization: .unnormalized), second = first, third = first
        _ = runEpochs(&first, batchSize: 3, maxSteps: 8, seed: 1)
        _ = runEpochs(&second, batchSize: 3, maxSteps: 8, seed: 1)
        _ = runEpochs(&third, batchSize: 3, maxSteps: 8, seed: 2)
        XCTAssertEqual(first.network, second.network)
        XCTAssertNotEqual(first.network, third.network)
    }

    func testABatchAsLargeAsTheSetIsOneFullBatchStepPerEpoch() {
        var epochs = Problem(parameterization: .exponential)
        let start = epochs.network
        _ = runEpochs(&epochs, batchSize: 12, maxSteps: 3)

        var model = NetworkDescentModel(network: start, inputs: epochs.inputs, loss: epochs.loss(Array(0..<12)))
        var rule = AdaptiveStepRule(exponent: 0.98, maxK: 0.05, initialK: 0.05)
        runAdaptiveDescent(&model, rule: &rule, stopping: StoppingRule(maxSteps: 3))
        // The order of the rows differs (a shuffle), so the sums differ in the last bits only.
        for (a, b) in zip(epochs.network.trainableParameterVector, model.network.trainableParameterVector) {
            XCTAssertEqual(a, b, accuracy: 1e-12 * max(1, abs(b)))
        }
    }

    func testTrainingLowersTheLossAndARunThatStartsBelowItsTargetTakesNoStep() {
        var problem = Problem(parameterization: .exponential)
        let before = problem.fullLogLoss(problem.network)
        let (summary, _) = runEpochs(&problem, batchSize: 4, maxSteps: 300)
        XCTAssertLessThan(summary.finalLogLoss, before - 0.5)  // measured: 2.69 → 1.75

        var rule = AdaptiveStepRule(exponent: 0.98, maxK: 0.05)
        var order = SeededGenerator(seed: 0, stream: "batches")
        let p = problem
        let stopped = runAdaptiveEpochs(
            &problem.network, inputs: p.inputs, batchSize: 4, order: &order, loss: p.loss, rule: &rule,
            stopping: StoppingRule(maxSteps: 10, targetLogLoss: summary.finalLogLoss + 1)
        ) { _, _, _ in }
        XCTAssertEqual(stopped.steps, 0)
        XCTAssert(stopped.reachedTarget)
    }
}
