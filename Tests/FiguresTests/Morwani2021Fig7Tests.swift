import Morwani2021Fig7
import Datasets
import Experiments
import FigureKit
import Morwani2021Shared
import XCTest

/// The MNIST pruning experiment of Morwani Fig. 7: model, gradient, pruning, claims, data selection.
final class Morwani2021Fig7Tests: XCTestCase {
    /// A small stand-in for MNIST: 784 "pixels" in [0, 1], `perClass` images of each digit.
    private func syntheticImages(perClass: Int, seed: UInt64) -> DigitImages {
        var rng = SeededGenerator(seed: seed, stream: "test-images")
        let labels = (0..<(10 * perClass)).map { $0 % 10 }
        let pixels = (0..<(labels.count * 784)).map { _ in rng.uniform() < 0.2 ? rng.uniform() : 0 }
        return DigitImages(inputs: Matrix(rows: labels.count, columns: 784, elements: pixels), labels: labels)
    }

    private func tinyParameters(maxEpochs: Int = 20_000) -> MNISTPruningParameters {
        var params = MNISTPruningParameters.preset(.smoke)
        params.hiddenUnits = 8
        params.highLogLoss = -5
        params.lowLogLoss = -20
        params.maxEpochs = maxEpochs
        params.batchSize = 7  // 30 images: batches of 7, 7, 7, 7, 2 — five steps an epoch
        params.prunePercentStep = 25
        params.normPoints = 16
        return params
    }

    func testGradientOfLogLossMatchesFiniteDifferences() {
        let images = syntheticImages(perClass: 1, seed: 1)
        let start = PruningNetwork.initialWeights(seed: 5, hiddenUnits: 4)
        let loss = PruningNetwork.loss(labels: images.labels)
        let net = PruningNetwork.network(first: start.first, second: start.second, parameterization: .unnormalized)
        var workspace = NetworkWorkspace(network: net, sampleCount: images.count)
        let level = net.evaluate(images.inputs, loss: loss, workspace: &workspace)
        // The stored gradient is ∇ log L (the loss's gradient scale is L itself).
        XCTAssertEqual(level.logGradientScale, level.logLoss)

        func logLoss(first: Matrix, second: Matrix) -> Double {
            // App. H written out directly: log (1/n)Σ_i log(1 + Σ_{j≠y} exp(Φ_j − Φ_y)), Φ = W₂ relu(W₁x)
            // (the mean loss, `lossReduction`'s default).
            var total = 0.0
            for i in 0..<images.count {
                let x = images.inputs.row(i)
                let hidden = (0..<first.rows).map { u in max(0, dot(first.row(u), x)) }
                let phi = (0..<10).map { j in dot(second.row(j), hidden) }
                let y = images.labels[i]
                total += Foundation.log(1 + (0..<10).filter { $0 != y }.map { Foundation.exp(phi[$0] - phi[y]) }.reduce(0, +))
            }
            return Foundation.log(total / Double(images.count))
        }
        XCTAssertEqual(logLoss(first: start.first, second: start.second), level.logLoss, accuracy: 1e-12)
        // The summed loss differs by log n only.
        let summed = PruningNetwork.loss(labels: images.labels, reduction: .sum).logLoss(net.outputs(images.inputs))
        XCTAssertEqual(summed, level.logLoss + Foundation.log(Double(images.count)), accuracy: 1e-12)
        let h = 1e-6
        for (u, j) in [(0, 150), (1, 400), (3, 600), (2, 783)] {
            var plus = start.first, minus = start.first
            plus[u, j] += h
            minus[u, j] -= h
            let numeric = (logLoss(first: plus, second: start.second) - logLoss(first: minus, second: start.second)) / (2 * h)
            XCTAssertEqual(workspace.weightGradients[0][u, j], numeric, accuracy: 1e-7 * max(1, abs(numeric)), "∂/∂W₁[\(u),\(j)]")
        }
        for (j, u) in [(0, 0), (4, 1), (9, 3)] {
            var plus = start.second, minus = start.second
            plus[j, u] += h
            minus[j, u] -= h
            let numeric = (logLoss(first: start.first, second: plus) - logLoss(first: start.first, second: minus)) / (2 * h)
            XCTAssertEqual(workspace.weightGradients[1][j, u], numeric, accuracy: 1e-7 * max(1, abs(numeric)), "∂/∂W₂[\(j),\(u)]")
        }
    }

    func testAllThreeParameterizationsStartAtTheSameFunctionAndNorms() {
        let images = syntheticImages(perClass: 2, seed: 2)
        let start = PruningNetwork.initialWeights(seed: 0, hiddenUnits: 6)
        XCTAssertEqual(start.first.rows, 6)
        XCTAssertEqual(start.first.columns, 784)
        XCTAssertEqual(start.second.rows, 10)
        XCTAssertEqual(start.second.columns, 6)
        let again = PruningNetwork.initialWeights(seed: 0, hiddenUnits: 6)
        XCTAssertEqual(start.first, again.first)
        XCTAssertNotEqual(start.first, PruningNetwork.initialWeights(seed: 1, hiddenUnits: 6).first)
        let reference = PruningNetwork.network(first: start.first, second: start.second, parameterization: .unnormalized)
        let outputs = reference.outputs(images.inputs)
        for parameterization in [WeightParameterization.exponential, .standard] {
            let net = PruningNetwork.network(first: start.first, second: start.second, parameterization: parameterization)
            for (a, b) in zip(net.outputs(images.inputs).elements, outputs.elements) {
                XCTAssertEqual(a, b, accuracy: 1e-12)
            }
            for (a, b) in zip(net.layers[0].weights.neuronNorms, reference.layers[0].weights.neuronNorms) {
                XCTAssertEqual(a, b, accuracy: 1e-12)
            }
            // Only the first layer is normalized (l.335); the second stays plain and trainable.
            XCTAssertEqual(net.layers[1].weights.parameterization, .unnormalized)
            XCTAssertTrue(net.layers[1].isTrainable)
        }
        // Kaiming scale: ‖w_u(0)‖² ≈ 784 · 2/784 = 2.
        let meanSquare = reference.layers[0].weights.neuronNorms.map { $0 * $0 }.reduce(0, +) / 6
        XCTAssertEqual(meanSquare, 2, accuracy: 0.5)
    }

    func testPruningOrderRemovesTheLeastGrownNeuronsFirstWithTiesByIndex() {
        let scores = NeuronPruning.scores(norms: [3, 1, 2, 5], initialNorms: [1, 1, 1, 1])
        XCTAssertEqual(scores, [2, 0, 1, 4])
        XCTAssertEqual(NeuronPruning.order(scores: scores), [1, 2, 0, 3])
        XCTAssertEqual(NeuronPruning.order(scores: [0.5, 0.5, 0.1]), [2, 0, 1])
        XCTAssertEqual(NeuronPruning.prunedCount(percent: 50, of: 64), 32)
        XCTAssertEqual(NeuronPruning.prunedCount(percent: 5, of: 32), 1)
        XCTAssertEqual(NeuronPruning.prunedCount(percent: 100, of: 7), 7)
    }

    func testPrunedAccuracyZeroesTheOutgoingWeightsOfPrunedNeurons() {
        // Two inputs, two hidden units each copying one input; unit 0 votes for class 1, unit 1 for class 2.
        let first = Matrix([[1, 0], [0, 1]])
        var second = Matrix(rows: 10, columns: 2)
        second[1, 0] = 1
        second[2, 1] = 1
        let test = DigitImages(inputs: Matrix([[1, 0], [0, 1], [2, 1], [0, 0]]), labels: [1, 2, 1, 0])
        // Unpruned: all four right (the all-zero image ties everywhere and goes to class 0).
        // Pruning unit 1 first: image 2 (label 2) now ties at 0 → class 0, wrong; the rest stay right.
        let accuracies = NeuronPruning.accuracies(first: first, second: second, order: [1, 0], percents: [0, 50, 100], test: test)
        XCTAssertEqual(accuracies, [1.0, 0.75, 0.25])
        let otherOrder = NeuronPruning.accuracies(first: first, second: second, order: [0, 1], percents: [50], test: test)
        XCTAssertEqual(otherOrder, [0.5])
    }

    func testArgmaxTiesGoToTheLowestClass() {
        let outputs = Matrix([[0, 2, 2, 1], [3, 3, 3, 3]])
        XCTAssertEqual(NeuronPruning.accuracy(outputs: outputs, labels: [1, 0]), 1)
        XCTAssertEqual(NeuronPruning.accuracy(outputs: outputs, labels: [2, 3]), 0)
    }

    func testMeanAccuracyIsTheTrapezoidAverageOverTheBand() {
        let percents = [0, 25, 50, 75, 100]
        XCTAssertEqual(meanAccuracy([0.8, 0.8, 0.8, 0.8, 0.8], percents: percents, from: 0, to: 100), 0.8, accuracy: 1e-15)
        XCTAssertEqual(meanAccuracy([1, 0.75, 0.5, 0.25, 0], percents: percents, from: 0, to: 100), 0.5, accuracy: 1e-15)
        XCTAssertEqual(meanAccuracy([1, 1, 0.5, 0, 0], percents: percents, from: 50, to: 100), 0.125, accuracy: 1e-15)
        XCTAssertEqual(prunedAccuracy(at: 75, [1, 1, 0.5, 0.2, 0], percents: percents), 0.2)
        XCTAssertNil(prunedAccuracy(at: 60, [1, 1, 0.5, 0.2, 0], percents: percents))
    }

    func testTrainingSnapshotsTheFirstKeptEpochAtEachLevelAndStopsAtTheLowOne() {
        let params = tinyParameters()
        let data = PruningDataSet(train: syntheticImages(perClass: 3, seed: 3), test: syntheticImages(perClass: 2, seed: 4))
        let result = runMNISTPruning(params, data: data, seed: 0)
        XCTAssertEqual(result.runs.map(\.parameterization), [.exponential, .standard, .unnormalized])
        XCTAssertEqual(result.percents, [0, 25, 50, 75, 100])
        for run in result.runs {
            XCTAssertTrue(run.reachedTarget, "\(run.name) stopped at log L = \(run.finalLogLoss)")
            XCTAssertEqual(run.snapshots.map(\.logLossLevel), [-5, -20])
            let (high, low) = (run.snapshots[0], run.snapshots[1])
            XCTAssertTrue(high.reached && low.reached)
            XCTAssertLessThanOrEqual(high.logLoss, -5)
            XCTAssertLessThanOrEqual(low.logLoss, -20)
            XCTAssertLessThan(high.epoch, low.epoch)
            XCTAssertEqual(low.step, run.stopStep)
            XCTAssertEqual(low.epoch, run.epochs)
            // Five batch steps per kept epoch; every attempt is kept or rolled back.
            XCTAssertEqual(run.stopStep, 5 * run.epochs)
            XCTAssertEqual(run.attempts, run.epochs + run.rolledBackEpochs)
            for snapshot in run.snapshots { XCTAssertEqual(snapshot.step, 5 * snapshot.epoch) }
            // The first crossing: the kept epoch before was still above the level.
            let history = run.history!
            if let r = history.steps.firstIndex(of: high.step - 5) { XCTAssertGreaterThan(history.logLoss[r], -5) }
            XCTAssertTrue(history.steps.allSatisfy { $0 % 5 == 0 }, "recorded where the full loss is known")
            XCTAssertEqual(history.k?.count, history.steps.count)
            XCTAssertEqual(high.trainAccuracy, 1)
            XCTAssertEqual(high.accuracy.count, 5)
            XCTAssertEqual(low.accuracy.last, NeuronPruning.accuracy(
                outputs: Matrix(rows: data.test.count, columns: 10), labels: data.test.labels))
            XCTAssertEqual(history.norms.count, 8)
            XCTAssertEqual(history.steps.last, run.stopStep)
        }
        XCTAssertEqual(result.run(.exponential)?.initialNorms, result.run(.unnormalized)?.initialNorms)
        // Work: every attempt is one gradient pass and one forward pass over the 30 images, plus the
        // start's forward pass and the pruning curves.
        let h = params.hiddenUnits
        let training = result.runs.map { run in
            Double(run.attempts) * PruningNetwork.flopsPerEvaluation(samples: 30, hiddenUnits: h)
                + Double(run.attempts + 1) * PruningNetwork.flopsPerForwardPass(samples: 30, hiddenUnits: h)
        }.reduce(0, +)
        XCTAssertGreaterThan(result.flops, training)
        XCTAssertLessThan(result.flops, training * 1.5)
        XCTAssertNil(result.withoutHistories.runs[0].history)
        XCTAssertTrue(pruningCaption(result, params: params).contains("mini-batches of B = 7"))
        let claims = pruningClaims(result, params: params, scale: .smoke)
        XCTAssertEqual(claims.map(\.id), ["mnist-reaches-levels"])
        XCTAssertTrue(claims[0].passed, claims[0].measured)
    }

    func testARunStoppedByItsCheckpointHookAndResumedGivesTheBytesOfTheUninterruptedRun() throws {
        let params = tinyParameters()
        let data = PruningDataSet(train: syntheticImages(perClass: 3, seed: 3), test: syntheticImages(perClass: 2, seed: 4))
        let whole = try FigureCoding.encoder(pretty: false).encode(runMNISTPruning(params, data: data, seed: 0, sideBySide: 1))
        // One, two or three trainings at a time, stopped and resumed under another count.
        for (sideBySide, resumedSideBySide) in [(1, 1), (2, 3), (3, 1)] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnist-resume-\(getpid())-\(sideBySide)")
            defer { try? FileManager.default.removeItem(at: folder) }
            // Stop three times or more (inside EWN, SWN and Unnorm as the attempts add up), then finish.
            var resumed: PruningCheckpoint?
            var stops = 0
            var reported: [String: Double] = [:]
            while true {
                let session = try XCTUnwrap(try CheckpointSession<PruningCheckpoint>(
                    Checkpointing(folder: folder, resume: resumed != nil, interval: 1e9, stopAfter: 40), name: "test",
                    scale: .smoke, seed: 0, parameters: params))
                do {
                    let result = try runMNISTPruning(
                        params, data: data, seed: 0, resumeFrom: resumed, checkpoints: session,
                        sideBySide: resumed == nil ? sideBySide : resumedSideBySide, seconds: { reported = $0 })
                    XCTAssertEqual(try FigureCoding.encoder(pretty: false).encode(result), whole, "side by side \(sideBySide)")
                    break
                } catch let error as FigureKitError where error.kind == .interrupted {
                    stops += 1
                    resumed = try XCTUnwrap(try session.load(), "the checkpoint is written before the run stops")
                    XCTAssertLessThanOrEqual(resumed!.parameterizationsInProgress.count, max(sideBySide, resumedSideBySide))
                }
                XCTAssertLessThan(stops, 100)
            }
            XCTAssertGreaterThanOrEqual(stops, 3)
            XCTAssertEqual(Set(reported.keys), ["EWN", "SWN", "Unnorm"])
            XCTAssertTrue(reported.values.allSatisfy { $0 > 0 }, "\(reported)")
        }
    }

    func testTrainingsSideBySideGiveTheBytesOfTrainingsOneAfterAnother() throws {
        let params = tinyParameters()
        let data = PruningDataSet(train: syntheticImages(perClass: 3, seed: 3), test: syntheticImages(perClass: 2, seed: 4))
        let encoder = FigureCoding.encoder(pretty: false)
        let one = try encoder.encode(runMNISTPruning(params, data: data, seed: 0, sideBySide: 1))
        XCTAssertEqual(try encoder.encode(runMNISTPruning(params, data: data, seed: 0, sideBySide: 3)), one)
    }

    func testWithFewerLanesTheTrainingNearestItsTargetRunsFirstThenFreshOnesInThePapersOrder() {
        XCTAssertEqual(
            pruningQueue([.standard, .unnormalized], logLosses: [.standard: -24.2, .unnormalized: -120.5]),
            [.unnormalized, .standard])
        XCTAssertEqual(
            pruningQueue([.exponential, .standard, .unnormalized], logLosses: [.standard: -24.2]),
            [.standard, .exponential, .unnormalized], "under way first, then fresh in the paper's order")
        XCTAssertEqual(pruningQueue(pruningParameterizations, logLosses: [:]), pruningParameterizations)
    }

    func testTheLanesVariableTakesAPositiveCountAndRefusesAnythingElseInOneLine() throws {
        XCTAssertEqual(try pruningLanesRequested(nil), ParallelPanels.currentThreads)
        XCTAssertEqual(try pruningLanesRequested(" 1"), 1)
        for bad in ["0", "-2", "two", ""] {
            XCTAssertThrowsError(try pruningLanesRequested(bad)) { error in
                let message = (error as? FigureKitError)?.message ?? ""
                XCTAssertTrue(message.contains("WNFIGURES_LANES") && !message.contains("\n"), message)
            }
        }
    }

    func testACheckpointWrittenBeforeSideBySideRunsStillLoads() throws {
        let params = tinyParameters()
        let data = PruningDataSet(train: syntheticImages(perClass: 3, seed: 3), test: syntheticImages(perClass: 2, seed: 4))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnist-old-checkpoint-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = try XCTUnwrap(try CheckpointSession<PruningCheckpoint>(
            Checkpointing(folder: folder, interval: 1e9, stopAfter: 10), name: "test", scale: .smoke, seed: 0,
            parameters: params))
        XCTAssertThrowsError(try runMNISTPruning(params, data: data, seed: 0, resumeFrom: nil, checkpoints: session, sideBySide: 1))
        // Rewritten in the old layout: the finished runs and one `current` training, no times.
        let saved = try XCTUnwrap(try session.load())
        var object = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: try FigureCoding.encoder(pretty: false).encode(saved)) as? [String: Any])
        let inProgress = try XCTUnwrap(object.removeValue(forKey: "inProgress") as? [Any])
        XCTAssertEqual(inProgress.count, 1)
        object["current"] = inProgress[0]
        object["seconds"] = nil
        let old = try FigureCoding.decoder().decode(
            PruningCheckpoint.self, from: try JSONSerialization.data(withJSONObject: object))
        XCTAssertEqual(old.parameterizationsInProgress, [.exponential])
        XCTAssertNil(old.seconds)
        let none = try FigureCoding.decoder().decode(PruningCheckpoint.self, from: Data("{\"finished\":[]}".utf8))
        XCTAssertTrue(none.parameterizationsInProgress.isEmpty)
        let whole = try FigureCoding.encoder(pretty: false).encode(runMNISTPruning(params, data: data, seed: 0))
        let continued = try runMNISTPruning(params, data: data, seed: 0, resumeFrom: old, checkpoints: nil)
        XCTAssertEqual(try FigureCoding.encoder(pretty: false).encode(continued), whole)
    }

    func testARunThatMissesItsLevelsIsFlaggedAndFailsTheClaim() {
        let params = tinyParameters(maxEpochs: 3)
        let data = PruningDataSet(train: syntheticImages(perClass: 3, seed: 3), test: syntheticImages(perClass: 1, seed: 4))
        let result = runMNISTPruning(params, data: data, seed: 0)
        for run in result.runs {
            XCTAssertFalse(run.reachedTarget)
            XCTAssertEqual(run.attempts, 3)
            XCTAssertEqual(run.snapshots.map(\.reached), [false, false])
            XCTAssertEqual(run.snapshots.map(\.step), [run.stopStep, run.stopStep])
            XCTAssertEqual(run.snapshots[1].logLoss, run.finalLogLoss)
        }
        let claims = pruningClaims(result, params: params, scale: .default)
        XCTAssertEqual(claims.map(\.id), ["mnist-reaches-levels", "mnist-unpruned-acc", "mnist-ewn-prunable", "mnist-low-loss-matters"])
        XCTAssertFalse(claims[0].passed)
        XCTAssertTrue(claims[0].measured.contains("NOT e^-20"), claims[0].measured)
        let caption = pruningCaption(result, params: params)
        XCTAssertTrue(caption.contains("did NOT reach"), caption)
    }

    func testPruningClaimFailsWhenEWNIsNoMorePrunable() {
        let percents = [0, 25, 50, 75, 100]
        func run(_ p: WeightParameterization, _ low: [Double]) -> PruningRun {
            let flat: [Double] = [0.9, 0.9, 0.8, 0.5, 0.1]
            let snapshots = [(-10.0, flat), (-100.0, low)].map {
                LevelSnapshot(
                    logLossLevel: $0.0, reached: true, epoch: 2, step: 10, logLoss: $0.0, norms: [1, 1], trainAccuracy: 1,
                    accuracy: $0.1)
            }
            return PruningRun(
                parameterization: p, initialNorms: [1, 1], snapshots: snapshots, history: nil, stopStep: 10,
                finalLogLoss: -100, reachedTarget: true, epochs: 2, attempts: 3, rolledBackEpochs: 1, nonFiniteAttempts: 0,
                finalK: 0.01)
        }
        var params = MNISTPruningParameters.preset(.default)
        params.lowLogLoss = -100  // the level of the made-up runs above
        params.prunePercentStep = 25
        params.bandStartPercent = 50
        params.bandEndPercent = 75
        let sparse = MNISTPruningExperiment(
            trainCount: 10, testCount: 10, hiddenUnits: 2, percents: percents,
            runs: [run(.exponential, [0.9, 0.9, 0.9, 0.85, 0.1]), run(.standard, [0.9, 0.9, 0.8, 0.5, 0.1]),
                   run(.unnormalized, [0.9, 0.9, 0.8, 0.6, 0.1])],
            flops: 1)
        let good = pruningClaims(sparse, params: params, scale: .default)
        XCTAssertTrue(good.allSatisfy(\.passed), good.map(\.measured).joined(separator: " | "))
        var same = sparse
        same.runs[0] = run(.exponential, [0.9, 0.9, 0.8, 0.5, 0.1])
        let bad = pruningClaims(same, params: params, scale: .default)
        XCTAssertFalse(bad.first { $0.id == "mnist-ewn-prunable" }!.passed)
        XCTAssertFalse(bad.first { $0.id == "mnist-low-loss-matters" }!.passed)
    }

    func testSelectionTakesTheFirstImagesOfEachDigitScaledToTheUnitInterval() throws {
        // 30 training images with labels 0,1,…,9,0,1,…; pixel value = image index.
        let trainLabels = (0..<30).map { UInt8($0 % 10) }
        let trainPixels = (0..<30).flatMap { i in [UInt8](repeating: UInt8(i), count: 784) }
        let train = MNISTDataset(split: .train, pixels: trainPixels, labels: trainLabels, sha256: [:])
        let test = MNISTDataset(
            split: .test, pixels: (0..<5).flatMap { i in [UInt8](repeating: 255 - UInt8(i), count: 784) },
            labels: [7, 2, 1, 0, 4], sha256: [:])
        let data = try PruningDataSet.select(train: train, test: test, trainPerClass: 2, testCount: 3)
        XCTAssertEqual(data.train.count, 20)
        XCTAssertEqual(data.train.labels, (0..<20).map { $0 % 10 })
        XCTAssertEqual(data.train.inputs[13, 400], 13.0 / 255.0)
        XCTAssertEqual(data.test.labels, [7, 2, 1])
        XCTAssertEqual(data.test.inputs[0, 0], 1)
        let all = try PruningDataSet.select(train: train, test: test, trainPerClass: 0, testCount: 5)
        XCTAssertEqual(all.train.count, 30)
        XCTAssertThrowsError(try PruningDataSet.select(train: train, test: test, trainPerClass: 4, testCount: 3))
        XCTAssertThrowsError(try PruningDataSet.select(train: train, test: test, trainPerClass: 2, testCount: 6))
    }

    func testPresetsFollowTheSpecAndBadValuesAreRejected() throws {
        let smoke = MNISTPruningParameters.preset(.smoke)
        XCTAssertEqual(smoke.trainCount, 200)
        XCTAssertEqual(smoke.hiddenUnits, 32)
        XCTAssertEqual(smoke.logLossLevels, [smoke.highLogLoss, smoke.lowLogLoss])
        XCTAssertEqual(smoke.batchSize, 100, "Lyu & Li's MNIST batch")
        let paper = MNISTPruningParameters.preset(.paper)
        XCTAssertEqual(paper.trainCount, 60_000)
        XCTAssertEqual(paper.logLossLevels, [-10, -300])
        XCTAssertEqual(paper.stepRule.maxK, 0.01)
        XCTAssertEqual(paper.batchSize, 100)
        XCTAssertEqual(paper.lossReduction, "mean")
        XCTAssertEqual(MNISTPruningParameters.preset(.default).prunePercents.count, 21)
        for scale in Scale.allCases { XCTAssertNoThrow(try MNISTPruningParameters.preset(scale).validate()) }
        var bad = smoke
        bad.lrExponent = 1
        XCTAssertThrowsError(try bad.validate())
        bad = smoke
        bad.lowLogLoss = -5
        XCTAssertThrowsError(try bad.validate())
        bad = smoke
        bad.lossReduction = "median"
        XCTAssertThrowsError(try bad.validate()) { error in XCTAssertTrue("\(error)".contains("'mean' or 'sum'"), "\(error)") }
        bad = smoke
        bad.batchSize = 0
        XCTAssertThrowsError(try bad.validate())
        bad = smoke
        bad.prunePercentStep = 7
        XCTAssertThrowsError(try bad.validate())
        bad = smoke
        bad.trainPerClass = 6000
        XCTAssertThrowsError(try bad.validate()) { error in
            XCTAssertTrue("\(error)".contains("5421"), "\(error)")
        }
    }
}
