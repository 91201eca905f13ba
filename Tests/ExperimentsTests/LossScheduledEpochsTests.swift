import Experiments
import Foundation
import XCTest

/// `runLossScheduledEpochs`: Lyu & Li's epoch-wise schedule with Morwani's η = k/L^c.
final class LossScheduledEpochsTests: XCTestCase {
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
            CrossEntropyLoss(classes: members.map { labels[$0] }, classCount: 3, reduction: .mean)
        }

        func rows(_ members: [Int]) -> Matrix {
            Matrix(rows: members.count, columns: inputs.columns, elements: members.flatMap { inputs.row($0) })
        }

        func fullLogLoss(_ net: FeedForwardNetwork) -> Double {
            loss(Array(0..<labels.count)).logLoss(net.outputs(inputs))
        }

        func state(k: Double = 0.05, maxK: Double = 0.05, seed: UInt64 = 9) -> EpochTrainingState {
            EpochTrainingState(
                network: network, rule: AdaptiveStepRule(exponent: 0.98, maxK: maxK, initialK: k),
                order: SeededGenerator(seed: seed, stream: "batches"))
        }
    }

    private func run(
        _ problem: Problem, _ state: inout EpochTrainingState, batchSize: Int = 5, attempts: Int,
        target: Double? = nil, pause: (EpochTrainingState) -> Bool = { _ in false }
    ) -> [EpochObservation] {
        var seen: [EpochObservation] = []
        runLossScheduledEpochs(
            &state, inputs: problem.inputs, batchSize: batchSize, loss: problem.loss,
            stopping: StoppingRule(maxSteps: attempts, targetLogLoss: target), shouldPause: pause
        ) { observation, _, _ in seen.append(observation) }
        return seen
    }

    func testEveryBatchStepIsKOverTheFullLossAtTheEpochStartToTheCTimesTheBatchGradient() {
        let problem = Problem(parameterization: .exponential)
        var state = problem.state()
        let seen = run(problem, &state, attempts: 2)
        XCTAssertEqual(seen.map(\.rolledBack), [false, false, false], "this start descends for two epochs")

        // By hand: θ ← θ − (k_e / L(θ_e)^c) ∇L_B, with L the mean loss over all 12 points.
        var replay = problem.network, batchOnly = problem.network
        var k = 0.05
        var order = SeededGenerator(seed: 9, stream: "batches")
        for _ in 0..<2 {
            let full = problem.fullLogLoss(replay)
            var indices = Array(0..<12)
            order.shuffle(&indices)
            for start in stride(from: 0, to: 12, by: 5) {
                let members = Array(indices[start..<min(start + 5, 12)])
                var ws = NetworkWorkspace(network: replay, sampleCount: members.count)
                let level = replay.evaluate(problem.rows(members), loss: problem.loss(members), workspace: &ws)
                // ∇L_B = L_B · ∇log L_B: the stored gradient is ∇log L_B.
                XCTAssertEqual(level.logGradientScale, level.logLoss)
                replay.step(workspace: ws, stepSize: k * exp(level.logLoss - 0.98 * full))
                // The per-batch rule this replaces: η from the batch's own loss.
                var other = NetworkWorkspace(network: batchOnly, sampleCount: members.count)
                let own = batchOnly.evaluate(problem.rows(members), loss: problem.loss(members), workspace: &other)
                batchOnly.step(workspace: other, stepSize: k * exp((1 - 0.98) * own.logLoss))
            }
            k = min(1.1 * k, 0.05)
        }
        XCTAssertEqual(state.network, replay)
        XCTAssertNotEqual(state.network, batchOnly, "a batch's own loss gives another step")
        XCTAssertEqual(state.steps, 6)  // two kept epochs of ⌈12/5⌉ = 3 batches (5, 5, 2)
        XCTAssertEqual(seen.last?.logLoss, problem.fullLogLoss(replay))
    }

    func testAnEpochThatRaisesTheLossIsRolledBackToBitIdenticalParametersAndRedoneWithKOverTheFactor() {
        let problem = Problem(parameterization: .standard)
        // k = 200: the first epoch overshoots (measured: log L 0.97 → 7.7 or NaN).
        var state = problem.state(k: 200, maxK: 200)
        let before = state.network
        let beforeLoss = problem.fullLogLoss(before)
        var networks: [FeedForwardNetwork] = []
        var outputsAfterRollback: [Matrix?] = []
        runLossScheduledEpochs(
            &state, inputs: problem.inputs, batchSize: 4, loss: problem.loss, stopping: StoppingRule(maxSteps: 1)
        ) { observation, network, outputs in
            networks.append(network)
            if observation.rolledBack { outputsAfterRollback.append(outputs) }
            if observation.attempt == 1 {
                XCTAssertTrue(observation.rolledBack)
                XCTAssertFalse(observation.attemptLogLoss < beforeLoss, "attempt reached \(observation.attemptLogLoss)")
                XCTAssertEqual(observation.logLoss, beforeLoss)
                XCTAssertEqual(observation.k, 200 / 1.1)
                XCTAssertEqual(observation.epoch, 0)
                XCTAssertEqual(observation.step, 0, "rolled-back steps are not counted")
            }
        }
        XCTAssertEqual(state.network, before, "every parameter restored bit for bit")
        XCTAssertEqual(state.network.trainableParameterVector.map(\.bitPattern), before.trainableParameterVector.map(\.bitPattern))
        XCTAssertEqual(networks.count, 2)
        XCTAssertEqual(outputsAfterRollback.count, 1)
        XCTAssertNil(outputsAfterRollback[0] ?? nil)
        XCTAssertEqual(state.rolledBack, 1)
        XCTAssertEqual(state.attempts, 1)
        XCTAssertEqual(state.epoch, 0)

        // Redone with k/1.1 again and again until an epoch goes down, which is then kept.
        var redo = problem.state(k: 200, maxK: 200)
        let seen = run(problem, &redo, batchSize: 4, attempts: 200, target: beforeLoss - 0.01)
        let firstKept = try! XCTUnwrap(seen.dropFirst().firstIndex { !$0.rolledBack })
        XCTAssertGreaterThan(firstKept, 1)
        XCTAssertEqual(seen[firstKept].k, min(200 * pow(1.1, -Double(firstKept - 1)) * 1.1, 200), accuracy: 1e-9)
        XCTAssertLessThan(seen[firstKept].logLoss, beforeLoss)
        XCTAssertEqual(redo.rolledBack, seen.filter(\.rolledBack).count)
        XCTAssertEqual(redo.attempts, redo.epoch + redo.rolledBack)
    }

    func testUnderKeepAnEpochThatRaisesTheLossIsKeptWithKOverTheFactorAndANonFiniteOneIsStillUndone() {
        let problem = Problem(parameterization: .standard)
        let beforeLoss = problem.fullLogLoss(problem.network)
        var rolled = problem.state(k: 200, maxK: 200), kept = problem.state(k: 200, maxK: 200)
        var keptNetworks: [FeedForwardNetwork] = []
        runLossScheduledEpochs(&rolled, inputs: problem.inputs, batchSize: 4, loss: problem.loss, stopping: StoppingRule(maxSteps: 1)) { _, _, _ in }
        var seen: [EpochObservation] = []
        runLossScheduledEpochs(
            &kept, inputs: problem.inputs, batchSize: 4, loss: problem.loss, stopping: StoppingRule(maxSteps: 1), onRise: .keep
        ) { observation, network, outputs in
            seen.append(observation)
            keptNetworks.append(network)
            if observation.keptRise { XCTAssertEqual(outputs, network.outputs(problem.inputs)) }
        }
        let attempt = try! XCTUnwrap(seen.last)
        XCTAssertEqual(attempt.k, 200 / 1.1, "a rise divides k either way")
        // The same shuffle and steps as the rolled-back attempt (a finite rise), but the parameters stay.
        XCTAssertTrue(attempt.attemptLogLoss.isFinite)
        XCTAssertTrue(attempt.keptRise)
        XCTAssertFalse(attempt.rolledBack)
        XCTAssertGreaterThanOrEqual(attempt.logLoss, beforeLoss)
        XCTAssertEqual(kept.logLoss, attempt.attemptLogLoss)
        XCTAssertEqual(kept.epoch, 1)
        XCTAssertEqual(kept.rolledBack, 0)
        XCTAssertEqual(kept.steps, 3)
        XCTAssertNotEqual(kept.network, rolled.network)
        XCTAssertEqual(problem.fullLogLoss(kept.network), attempt.attemptLogLoss)

        // k = 1e300 overflows an unnormalized net's first epoch (SWN's unit directions keep it finite):
        // undone bit for bit under keep.
        let unnormalized = Problem(parameterization: .unnormalized)
        var state = unnormalized.state(k: 1e300, maxK: 1e300)
        let start = state.network
        var observed: [EpochObservation] = []
        runLossScheduledEpochs(
            &state, inputs: unnormalized.inputs, batchSize: 4, loss: unnormalized.loss, stopping: StoppingRule(maxSteps: 1),
            onRise: .keep
        ) { observation, _, _ in observed.append(observation) }
        let overflowed = try! XCTUnwrap(observed.last)
        XCTAssertFalse(overflowed.attemptLogLoss.isFinite, "got \(overflowed.attemptLogLoss)")
        XCTAssertTrue(overflowed.rolledBack)
        XCTAssertFalse(overflowed.keptRise)
        XCTAssertEqual(state.epoch, 0)
        XCTAssertEqual(state.network.trainableParameterVector.map(\.bitPattern), start.trainableParameterVector.map(\.bitPattern))
    }

    func testKeptEpochsRaiseKByTheFactorUpToTheCap() {
        let problem = Problem(parameterization: .unnormalized)
        var state = problem.state(k: 0.01, maxK: 0.0125)
        let seen = run(problem, &state, attempts: 4)
        XCTAssertEqual(seen.map(\.rolledBack), [false, false, false, false, false])
        for (k, expected) in zip(seen.map(\.k), [0.01, 0.011, 0.0121, 0.0125, 0.0125]) {
            XCTAssertEqual(k, expected, accuracy: 1e-15, "k ← min(1.1k, cap)")
        }
        XCTAssertTrue(zip(seen, seen.dropFirst()).allSatisfy { $1.logLoss < $0.logLoss })
    }

    func testARunPausedAndContinuedFromItsEncodedStateIsTheUninterruptedRun() throws {
        let problem = Problem(parameterization: .exponential)
        var whole = problem.state(k: 0.5, maxK: 0.5)
        let uninterrupted = run(problem, &whole, batchSize: 5, attempts: 30)
        XCTAssertGreaterThan(whole.rolledBack, 0, "the check should cover roll-backs too")

        var part = problem.state(k: 0.5, maxK: 0.5)
        var first = run(problem, &part, batchSize: 5, attempts: 30) { $0.attempts >= 11 }
        XCTAssertEqual(part.attempts, 11)
        let saved = try JSONEncoder().encode(part)
        var restored = try JSONDecoder().decode(EpochTrainingState.self, from: saved)
        XCTAssertEqual(restored, part)
        first += run(problem, &restored, batchSize: 5, attempts: 30)
        XCTAssertEqual(first, uninterrupted)
        XCTAssertEqual(restored, whole)
    }

    func testTheSameSeedGivesTheSameRunAndAnotherSeedAnotherOrder() {
        let problem = Problem(parameterization: .unnormalized)
        var a = problem.state(seed: 1), b = problem.state(seed: 1), c = problem.state(seed: 2)
        _ = run(problem, &a, batchSize: 3, attempts: 4)
        _ = run(problem, &b, batchSize: 3, attempts: 4)
        _ = run(problem, &c, batchSize: 3, attempts: 4)
        XCTAssertEqual(a.network, b.network)
        XCTAssertNotEqual(a.network, c.network)
    }

    func testTrainingStopsAtTheFirstKeptEpochBelowTheTargetAndAStartBelowItTakesNone() {
        let problem = Problem(parameterization: .exponential)
        var state = problem.state()
        let start = problem.fullLogLoss(problem.network)
        let seen = run(problem, &state, batchSize: 4, attempts: 2000, target: start - 0.5)
        XCTAssertLessThanOrEqual(seen.last!.logLoss, start - 0.5)
        XCTAssertTrue(seen.dropLast().allSatisfy { $0.logLoss > start - 0.5 && !$0.isFinal })
        XCTAssertTrue(seen.last!.isFinal)

        var below = problem.state()
        let none = run(problem, &below, attempts: 10, target: start + 1)
        XCTAssertEqual(none.count, 1)
        XCTAssertTrue(none[0].isFinal)
        XCTAssertEqual(below.attempts, 0)
    }
}
