/// One state of a mini-batch run, handed to the observer at the start and after every epoch: the
/// only points where the loss over the whole training set is evaluated.
public struct EpochObservation: Equatable, Sendable {
    /// Epochs completed (0 at the start).
    public let epoch: Int
    /// t: mini-batch steps taken so far.
    public let step: Int
    /// ℓℓ = log L over all training samples at θ_t.
    public let logLoss: Double
    /// k for the next epoch.
    public let k: Double
    /// Whether the last epoch failed to lower the full loss (tie or rise); false at the start.
    public let lossWentUp: Bool
    public let isFinal: Bool
}

/// Epochs of shuffled mini-batches with Morwani's adaptive rule as App. L.5 words it for MNIST:
/// "k(t) ... was increased by a factor of 1.1 every time loss went down and decreased by a factor of
/// 1.1 every time loss went up after an epoch". CHOSEN where L.5 is silent:
///   - each step is θ ← θ − η∇L_B with η = k/L_B^c on the batch's own loss L_B (the loss that
///     step differentiates), i.e. s = k·exp((1 − c)·log L_B) times ∇ log L_B, in the log domain;
///   - k changes only between epochs, from the full training loss before and after the epoch;
///   - every epoch visits the samples in a fresh order drawn from `order` (Fisher–Yates) and cuts
///     it into ⌈N/B⌉ batches, the last one shorter when B does not divide N;
///   - the run stops at the end of the first epoch with log L ≤ target or t ≥ maxSteps.
/// With B ≥ N this is one full-batch step per epoch, `runAdaptiveDescent`'s loop, which callers
/// use for that case (it needs no extra evaluation per step).
@discardableResult
public func runAdaptiveEpochs<L: Loss>(
    _ network: inout FeedForwardNetwork, inputs: Matrix, batchSize: Int, order generator: inout SeededGenerator,
    loss makeLoss: ([Int]) -> L, rule: inout AdaptiveStepRule, stopping: StoppingRule,
    observe: (EpochObservation, FeedForwardNetwork, _ outputs: Matrix) -> Void
) -> DescentSummary {
    let n = inputs.rows, d = inputs.columns
    precondition(batchSize >= 1, "runAdaptiveEpochs: batch size must be ≥ 1, got \(batchSize)")
    let fullLoss = makeLoss(Array(0..<n))
    var full = NetworkWorkspace(network: network, sampleCount: n)
    func fullLogLoss() -> Double {
        network.forward(inputs, workspace: &full)
        return fullLoss.logLoss(full.outputs)
    }

    var logLoss = fullLogLoss()
    var t = 0, epoch = 0, upEpochs = 0
    var stop = stopping.shouldStop(step: 0, logLoss: logLoss)
    observe(
        EpochObservation(epoch: 0, step: 0, logLoss: logLoss, k: rule.k, lossWentUp: false, isFinal: stop), network,
        full.outputs)

    var order = Array(0..<n)
    var batches: [Int: (inputs: Matrix, workspace: NetworkWorkspace)] = [:]
    while !stop {
        generator.shuffle(&order)
        for start in stride(from: 0, to: n, by: batchSize) {
            let members = Array(order[start..<min(start + batchSize, n)])
            // Taken out while used, so the workspace is mutated in place rather than copied.
            var batch = batches.removeValue(forKey: members.count) ?? (
                Matrix(rows: members.count, columns: d), NetworkWorkspace(network: network, sampleCount: members.count))
            inputs.elements.withUnsafeBufferPointer { x in
                batch.inputs.elements.withUnsafeMutableBufferPointer { b in
                    for (r, i) in members.enumerated() {
                        (b.baseAddress! + r * d).update(from: x.baseAddress! + i * d, count: d)
                    }
                }
            }
            let level = network.evaluate(batch.inputs, loss: makeLoss(members), workspace: &batch.workspace)
            network.step(workspace: batch.workspace, stepSize: rule.stepMultiplier(at: level))
            batches[members.count] = batch
            t += 1
        }
        epoch += 1
        let next = fullLogLoss()
        let wentDown = rule.update(previousLogLoss: logLoss, newLogLoss: next)
        if !wentDown { upEpochs += 1 }
        logLoss = next
        stop = stopping.shouldStop(step: t, logLoss: logLoss)
        observe(
            EpochObservation(epoch: epoch, step: t, logLoss: logLoss, k: rule.k, lossWentUp: !wentDown, isFinal: stop),
            network, full.outputs)
    }
    return DescentSummary(
        steps: t, finalLogLoss: logLoss, reachedTarget: stopping.reachedTarget(logLoss: logLoss), upSteps: upEpochs)
}
