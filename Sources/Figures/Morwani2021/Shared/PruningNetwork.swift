import Experiments

/// The 2-layer ReLU net of §6, Φ(x) = W₂ relu(W₁x) ∈ R¹⁰ with no biases (so Φ is 2-homogeneous in
/// (W₁, W₂), as the theory needs). Only W₁'s rows are weight-normalized (l.335); W₂ is trained
/// unnormalized under all three parameterizations.
public enum PruningNetwork {
    public static let inputCount = 784
    public static let classCount = 10

    /// Kaiming start (CHOSEN): W₁ ~ N(0, 2/784), W₂ ~ N(0, 1/H), drawn from the seed's stream "init"
    /// (W₁ row by row, then W₂). The same (W₁, W₂) starts EWN, SWN and Unnorm.
    public static func initialWeights(seed: UInt64, hiddenUnits: Int) -> (first: Matrix, second: Matrix) {
        var rng = SeededGenerator(seed: seed, stream: "init")
        let first = rng.normalMatrix(
            rows: hiddenUnits, columns: inputCount, standardDeviation: (2.0 / Double(inputCount)).squareRoot())
        let second = rng.normalMatrix(
            rows: classCount, columns: hiddenUnits, standardDeviation: (1.0 / Double(hiddenUnits)).squareRoot())
        return (first, second)
    }

    /// The net with W₁ under `parameterization` (EWN α_u = ln‖w_u(0)‖, SWN γ_u = ‖w_u(0)‖,
    /// v_u(0) = w_u(0)/‖w_u(0)‖) and W₂ trainable and unnormalized.
    public static func network(first: Matrix, second: Matrix, parameterization: WeightParameterization) -> FeedForwardNetwork {
        FeedForwardNetwork.twoLayer(
            firstLayer: first, parameterization: parameterization, activation: .relu, secondLayer: second,
            trainSecondLayer: true)
    }

    /// App. H's multiclass cross-entropy, ℓ_i = log(1 + Σ_{j≠y_i} e^{Φ_j − Φ_{y_i}}), summed or
    /// averaged over the samples (`MNISTPruningParameters.lossReduction`), in log form.
    public static func loss(labels: [Int], reduction: Reduction = .mean) -> CrossEntropyLoss {
        CrossEntropyLoss(classes: labels, classCount: classCount, reduction: reduction)
    }

    /// Multiply-adds ×2 of one evaluation (forward, loss, backward) on n images with H hidden
    /// units: X W₁ᵀ and δᵀX (2·n·784·H each), and the three n·H·10 products of the second layer.
    public static func flopsPerEvaluation(samples n: Int, hiddenUnits h: Int) -> Double {
        4 * Double(n) * Double(inputCount) * Double(h) + 6 * Double(n) * Double(h) * Double(classCount)
    }

    /// Multiply-adds ×2 of a forward pass alone: X W₁ᵀ and the H→10 product.
    public static func flopsPerForwardPass(samples n: Int, hiddenUnits h: Int) -> Double {
        2 * Double(n) * Double(inputCount) * Double(h) + 2 * Double(n) * Double(h) * Double(classCount)
    }
}

/// Pruning of first-layer neurons (§6, l.336-337) and the test accuracy of what is left.
public enum NeuronPruning {
    /// s_u = ‖w_u(t)‖ − ‖w_u(0)‖: "the weights that grow the least in norm are pruned first".
    public static func scores(norms: [Double], initialNorms: [Double]) -> [Double] {
        precondition(norms.count == initialNorms.count, "NeuronPruning.scores: \(norms.count) norms, \(initialNorms.count) initial norms")
        return zip(norms, initialNorms).map { $0 - $1 }
    }

    /// Neuron indices in pruning order: smallest score first, ties by lower index.
    public static func order(scores: [Double]) -> [Int] {
        scores.indices.sorted { scores[$0] != scores[$1] ? scores[$0] < scores[$1] : $0 < $1 }
    }

    /// How many of H neurons p % pruning removes: ⌊p·H/100⌋.
    public static func prunedCount(percent: Int, of hiddenUnits: Int) -> Int {
        percent * hiddenUnits / 100
    }

    /// Test accuracy after removing the first ⌊p·H/100⌋ neurons of `order`, for every p of
    /// `percents`. A removed neuron's W₂ column is zeroed (nothing is renormalized); the hidden
    /// activations relu(X W₁ᵀ) are computed once. Prediction = argmax_j Φ_j, ties to the lowest j.
    public static func accuracies(
        first: Matrix, second: Matrix, order: [Int], percents: [Int], test: DigitImages
    ) -> [Double] {
        let h = first.rows
        precondition(second.columns == h && order.count == h, "NeuronPruning.accuracies: W₁ has \(h) rows, W₂ \(second.columns) columns, order \(order.count)")
        var hidden = Matrix(rows: test.count, columns: h)
        gemm(test.inputs, first, into: &hidden, transposeB: true)
        for i in hidden.elements.indices where hidden.elements[i] < 0 { hidden.elements[i] = 0 }
        var outputs = Matrix(rows: test.count, columns: second.rows)
        return percents.map { percent in
            var kept = second
            for u in order.prefix(prunedCount(percent: percent, of: h)) {
                for j in 0..<kept.rows { kept[j, u] = 0 }
            }
            gemm(hidden, kept, into: &outputs, transposeB: true)
            return accuracy(outputs: outputs, labels: test.labels)
        }
    }

    /// Share of rows whose argmax (first maximum) is the label.
    public static func accuracy(outputs: Matrix, labels: [Int]) -> Double {
        precondition(outputs.rows == labels.count, "NeuronPruning.accuracy: \(outputs.rows) outputs, \(labels.count) labels")
        guard !labels.isEmpty else { return .nan }
        var correct = 0
        for i in labels.indices {
            var best = 0
            for j in 1..<outputs.columns where outputs[i, j] > outputs[i, best] { best = j }
            if best == labels[i] { correct += 1 }
        }
        return Double(correct) / Double(labels.count)
    }
}
