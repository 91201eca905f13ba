import Experiments
import FigureKit

/// "e^{-10}" in plot markup.
public func levelMarkup(_ logLoss: Double) -> String { "e^{\(formatNumber(logLoss))}" }

/// The CHOSEN values and departures from the paper that both MNIST captions state.
public func pruningSettingsSentence(_ data: MNISTPruningExperiment, params: MNISTPruningParameters) -> String {
    let trainSet = params.trainPerClass == 0
        ? "all \(data.trainCount) MNIST training images"
        : "the first \(params.trainPerClass) MNIST training images of each digit (N = \(data.trainCount), CHOSEN)"
    let rate = "η(t) = k(t)/L^c with c = \(formatNumber(params.lrExponent)) (CHOSEN: the paper's exponent is illegible), "
    let descent = params.isFullBatch(samples: data.trainCount)
        ? "full-batch gradient descent (CHOSEN: one 'epoch' of App. L.5 = one step), every step kept; " + rate
        : "epochs of shuffled mini-batches of B = \(params.batchSize) (CHOSEN: the paper gives no batch size), every step kept; "
            + rate + "L the batch's summed loss, k changed once an epoch from the training loss; "
    return "Net: Φ(x) = W₂ relu(W₁x), no biases, H = \(data.hiddenUnits) hidden units (CHOSEN), x = pixels/255; "
        + "only W₁'s rows are EWN/SWN-parameterized, W₂ is trained unnormalized; trained on \(trainSet); "
        + "summed multiclass cross-entropy (App. H); " + descent
        + "k(0) = \(formatNumber(params.initialK)), ×1.1 after a loss decrease, ÷1.1 otherwise, capped at \(formatNumber(params.maxK)); "
        + "Kaiming start W₁ ~ N(0, 2/784), W₂ ~ N(0, 1/H) (CHOSEN), the same for all three. "
        + "Test accuracy on the first \(data.testCount) test images."
}

/// One phrase per run: where each level was crossed (or that it was not).
public func levelSummary(_ run: PruningRun) -> String {
    let levels = run.snapshots.map { snapshot in
        snapshot.reached
            ? "e^\(formatNumber(snapshot.logLossLevel)) at step \(snapshot.step)"
            : "NOT e^\(formatNumber(snapshot.logLossLevel)) (log L = \(formatNumber(snapshot.logLoss)) after \(snapshot.step) steps)"
    }
    return "\(run.name) " + levels.joined(separator: ", ")
}
