import Experiments
import FigureKit

/// "e^{-10}" in plot markup.
public func levelMarkup(_ logLoss: Double) -> String { "e^{\(formatNumber(logLoss))}" }

/// The CHOSEN values and departures from the paper that both MNIST captions state.
public func pruningSettingsSentence(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> String {
    let trainSet = params.trainPerClass == 0
        ? "all \(data.trainCount) MNIST training images"
        : "the first \(params.trainPerClass) MNIST training images of each digit (N = \(data.trainCount), CHOSEN)"
    let loss = params.reduction == .mean ? "mean" : "summed"
    let descent = "epochs of mini-batches of B = \(params.batchSize) in a fresh seeded shuffle (B as in Lyu & Li's MNIST runs; "
        + "the paper gives none), with Lyu & Li's loss-based schedule (whose underflow handling App. L follows) and App. L.5's "
        + "rate: the step η = k/L^c is fixed for an epoch, L the \(loss) training loss at its start, c = \(formatNumber(params.lrExponent)) "
        + "(CHOSEN: the paper's exponent is illegible); an epoch that lowers L is kept and k ← min(1.1k, \(formatNumber(params.maxK))), "
        + "one that does not is rolled back and redone with k/1.1; "
    return "Net: Φ(x) = W₂ relu(W₁x), no biases, H = \(data.hiddenUnits) hidden units (CHOSEN), x = pixels/255; "
        + "only W₁'s rows are EWN/SWN-parameterized, W₂ is trained unnormalized; trained on \(trainSet); "
        + "\(loss) multiclass cross-entropy L (App. H; the levels are levels of this L); " + descent
        + "k(0) = \(formatNumber(params.initialK)); "
        + "Kaiming start W₁ ~ N(0, 2/784), W₂ ~ N(0, 1/H) (CHOSEN), the same for all three. "
        + "Test accuracy on the first \(data.testCount) test images."
}

/// One phrase per run: where each level was crossed (or that it was not), and the roll-backs.
public func levelSummary(_ run: PruningRun) -> String {
    let levels = run.snapshots.map { snapshot in
        snapshot.reached
            ? "e^\(formatNumber(snapshot.logLossLevel)) at epoch \(snapshot.epoch)"
            : "NOT e^\(formatNumber(snapshot.logLossLevel)) (log L = \(formatNumber(snapshot.logLoss)) after \(snapshot.epoch) epochs)"
    }
    return "\(run.name) " + levels.joined(separator: ", ")
        + " (\(run.attempts) epoch attempts, \(run.rolledBackEpochs) rolled back)"
}

/// A caption of the MNIST figures: what the panels show, the level reached if it is not the
/// paper's, the settings, where each run crossed each level, and which runs fell short.
public func pruningCaption(
    opening: String, paperLevel: String, missed: [PruningRun], missedText: String,
    data: MNISTPruningExperiment, params: MNISTPruningParameters
) -> String {
    var text = opening + " "
    if params.lowLogLoss != -300 {
        text += "\(paperLevel); this run stops at e^\(formatNumber(params.lowLogLoss)), the lowest level it reaches in its time budget. "
    }
    text += pruningSettingsSentence(data, params: params) + " "
    text += data.runs.map(levelSummary).joined(separator: "; ") + "."
    if !missed.isEmpty { text += " " + missed.map(\.name).joined(separator: ", ") + " " + missedText }
    return text
}
