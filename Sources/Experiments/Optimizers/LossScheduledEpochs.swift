/// Everything the rest of an epoch-wise run depends on, taken between two epoch attempts: a run
/// continued from a saved copy of it makes exactly the steps the uninterrupted run makes.
public struct EpochTrainingState: Codable, Equatable, Sendable {
    /// θ_e, the parameters at the start of the next epoch attempt.
    public var network: FeedForwardNetwork
    /// k_e (and c, the cap, the factor 1.1).
    public var rule: AdaptiveStepRule
    /// Draws every epoch attempt's shuffle.
    public var order: SeededGenerator
    /// Epochs kept so far.
    public var epoch: Int
    /// Epoch attempts so far, kept and rolled back.
    public var attempts: Int
    /// Attempts rolled back so far.
    public var rolledBack: Int
    /// Mini-batch steps of the kept epochs (rolled-back steps are undone and not counted).
    public var steps: Int
    /// log L(θ_e) over the whole training set; nil before the run has evaluated it.
    public var logLoss: Double?

    public init(network: FeedForwardNetwork, rule: AdaptiveStepRule, order: SeededGenerator) {
        self.network = network
        self.rule = rule
        self.order = order
        epoch = 0
        attempts = 0
        rolledBack = 0
        steps = 0
        logLoss = nil
    }
}

/// What an epoch attempt that raised the full loss (or tied it) does with its parameters.
public enum LossRise: String, Codable, CaseIterable, Sendable {
    /// Lyu & Li (2020): restore θ_e and redo the epoch with k/1.1.
    case rollBack
    /// Morwani & Ramaswamy App. L.5 read literally ("decreased by a factor of 1.1 every time loss
    /// went up after an epoch", nothing undone): keep the epoch and go on with k/1.1. For SWN this
    /// keeps the growth of ‖v_u‖ that the rising epoch made, which shrinks the directions' next
    /// steps (Arora, Li & Lyu 2019's auto rate-tuning) instead of k, and with it the radial steps.
    case keep
}

/// What the observer learns at the start and after every epoch attempt.
public struct EpochObservation: Equatable, Sendable {
    /// Epochs kept so far (0 at the start).
    public let epoch: Int
    /// Epoch attempts so far, kept and rolled back (0 at the start).
    public let attempt: Int
    /// Mini-batch steps of the kept epochs.
    public let step: Int
    /// log L over the whole training set at the parameters the run now holds.
    public let logLoss: Double
    /// log L the attempt reached before it was judged (= logLoss when kept; may be NaN or +∞).
    public let attemptLogLoss: Double
    /// k for the next attempt.
    public let k: Double
    /// The attempt raised the loss (or tied, or made it non-finite) and was undone.
    public let rolledBack: Bool
    /// The attempt raised the loss (or tied) and was kept (`LossRise.keep`); false otherwise.
    public let keptRise: Bool
    public let isFinal: Bool
}

/// Lyu & Li's (2020) loss-based epoch schedule, which Morwani & Ramaswamy's App. L cites for its
/// underflow handling, with Morwani's η = k/L^c in place of Lyu & Li's α/L (App. L.5):
///   - the step is fixed for a whole epoch, η_e = k_e / L(θ_e)^c, L the loss over the WHOLE
///     training set at the epoch's start (log domain), never a mini-batch's own loss: a batch that
///     happens to be fitted far better than the rest would otherwise get an enormous step;
///   - each batch step is θ ← θ − η_e ∇L_B, i.e. s = k_e·exp(logGradientScale_B − c·log L(θ_e))
///     times the stored gradient, so neither L nor η is ever formed;
///   - every attempt visits the samples in a fresh order drawn from `state.order` (Fisher–Yates),
///     cut into ⌈N/B⌉ batches, the last one shorter when B does not divide N; a redone epoch draws
///     a new order, as Lyu & Li's `np.random.permutation` per attempt does;
///   - after the epoch the full loss is evaluated: a decrease keeps the epoch and sets
///     k ← min(1.1k, k_max); a rise, a tie (counted as a rise, as in every Morwani figure) or a
///     non-finite loss restores θ_e bit for bit and sets k ← k/1.1, and the epoch is redone
///     (`onRise: .keep`: a finite rise or tie is kept instead, with k ← k/1.1; a non-finite loss
///     is still undone, as no run can go on from it).
/// The loss that `makeLoss` builds (sum or mean) is both the L of the schedule and the L the
/// stopping rule tests. `stopping.maxSteps` counts epoch attempts, kept or not (each costs the
/// same); the run ends after the first kept epoch with log L ≤ target or when attempts run out.
///
/// `shouldPause` is asked before every attempt, with the state (the closure cannot read `state`
/// itself while it is lent to this function): true returns at once (result false), and the state,
/// saved and handed back to this function, continues the run as if it had never stopped.
/// `observe` is called once at the start of a fresh run and after every attempt; `outputs` are Φ
/// on the training set at the parameters now held, nil after a roll-back (nothing was evaluated
/// there). Returns true when the run ended by its stopping rule.
@discardableResult
public func runLossScheduledEpochs<L: Loss>(
    _ state: inout EpochTrainingState, inputs: Matrix, batchSize: Int, loss makeLoss: ([Int]) -> L,
    stopping: StoppingRule, onRise: LossRise = .rollBack, shouldPause: (EpochTrainingState) -> Bool = { _ in false },
    observe: (EpochObservation, FeedForwardNetwork, _ outputs: Matrix?) -> Void
) -> Bool {
    let n = inputs.rows, d = inputs.columns
    precondition(batchSize >= 1, "runLossScheduledEpochs: batch size must be ≥ 1, got \(batchSize)")
    let fullLoss = makeLoss(Array(0..<n))
    var full = NetworkWorkspace(network: state.network, sampleCount: n)
    func fullLogLoss(_ network: FeedForwardNetwork) -> Double {
        network.forward(inputs, workspace: &full)
        return fullLoss.logLoss(full.outputs)
    }
    func stops(_ s: EpochTrainingState) -> Bool {
        // The target counts only for a finite loss; a start that is NaN can never be "reached".
        guard let logLoss = s.logLoss else { return false }
        return stopping.shouldStop(step: s.attempts, logLoss: logLoss)
    }

    if state.logLoss == nil {
        let start = fullLogLoss(state.network)
        state.logLoss = start
        observe(
            EpochObservation(
                epoch: 0, attempt: 0, step: 0, logLoss: start, attemptLogLoss: start, k: state.rule.k, rolledBack: false,
                keptRise: false, isFinal: stops(state)),
            state.network, full.outputs)
    }

    var order = Array(0..<n)
    var batches: [Int: (inputs: Matrix, workspace: NetworkWorkspace)] = [:]
    while !stops(state) {
        if shouldPause(state) { return false }
        let epochStart = state.network
        let scheduleLogLoss = state.logLoss!
        // Each attempt shuffles 0..<N afresh, so its order depends on the generator alone (which a
        // checkpoint saves), not on the previous attempt's order.
        order = Array(0..<n)
        state.order.shuffle(&order)
        var batchCount = 0
        for start in stride(from: 0, to: n, by: batchSize) {
            let members = Array(order[start..<min(start + batchSize, n)])
            // Taken out while used, so the workspace is mutated in place rather than copied.
            var batch = batches.removeValue(forKey: members.count) ?? (
                Matrix(rows: members.count, columns: d), NetworkWorkspace(network: state.network, sampleCount: members.count))
            inputs.elements.withUnsafeBufferPointer { x in
                batch.inputs.elements.withUnsafeMutableBufferPointer { b in
                    for (r, i) in members.enumerated() {
                        (b.baseAddress! + r * d).update(from: x.baseAddress! + i * d, count: d)
                    }
                }
            }
            let level = state.network.evaluate(batch.inputs, loss: makeLoss(members), workspace: &batch.workspace)
            state.network.step(
                workspace: batch.workspace,
                stepSize: state.rule.stepMultiplier(logGradientScale: level.logGradientScale, scheduleLogLoss: scheduleLogLoss))
            batches[members.count] = batch
            batchCount += 1
        }
        state.attempts += 1
        let tried = fullLogLoss(state.network)
        let wentDown = tried.isFinite && tried < scheduleLogLoss
        let keptRise = !wentDown && tried.isFinite && onRise == .keep
        state.rule.adjust(lossWentDown: wentDown)
        if wentDown || keptRise {
            state.epoch += 1
            state.steps += batchCount
            state.logLoss = tried
        } else {
            state.network = epochStart
            state.rolledBack += 1
        }
        observe(
            EpochObservation(
                epoch: state.epoch, attempt: state.attempts, step: state.steps, logLoss: state.logLoss!, attemptLogLoss: tried,
                k: state.rule.k, rolledBack: !wentDown && !keptRise, keptRise: keptRise, isFinal: stops(state)),
            state.network, wentDown || keptRise ? full.outputs : nil)
    }
    return true
}
