import Experiments

/// One full-batch gradient step of a d-H-1 ReLU net with an EWN first layer and a fixed ±1 output
/// layer on n samples (logistic loss): forward Z = X W₁ᵀ, backward ∇W₁ = δᵀX, the EWN update.
/// Its work is dominated by the two n·d·H GEMMs, counted as 4·n·d·H flops.
struct MNISTStepBenchmark {
    let samples: Int
    let inputs: Int
    let hidden: Int
    let x: Matrix
    let labels: [Double]
    let w: Matrix
    let signs: Matrix

    init(samples: Int, inputs: Int, hidden: Int) {
        self.samples = samples
        self.inputs = inputs
        self.hidden = hidden
        var rng = SeededGenerator(seed: 0, stream: "wnbench-mnist")
        x = Matrix(rows: samples, columns: inputs, elements: (0..<(samples * inputs)).map { _ in rng.uniform() })
        labels = (0..<samples).map { _ in rng.sign() }
        w = rng.normalMatrix(rows: hidden, columns: inputs, standardDeviation: (2.0 / Double(inputs)).squareRoot())
        signs = Matrix(row: (0..<hidden).map { _ in rng.sign() })
    }

    var shapeLabel: String { "\(samples)×\(inputs)×\(hidden)" }
    var stepFlops: Double { 4 * Double(samples) * Double(inputs) * Double(hidden) }
    var gemmFlops: Double { 2 * Double(samples) * Double(inputs) * Double(hidden) }

    /// One step = evaluate (forward, loss, backward) + the EWN update, as `runAdaptiveDescent` runs it.
    func stepRate() -> (gflops: Double, secondsPerStep: Double) {
        let network = FeedForwardNetwork.twoLayer(
            firstLayer: w, parameterization: .exponential, activation: .relu, secondLayer: signs)
        var model = NetworkDescentModel(network: network, inputs: x, loss: LogisticLoss(labels: labels))
        var rule = AdaptiveStepRule(exponent: 0.98, maxK: 0.01)
        var level = model.evaluate()
        let seconds = secondsPerCall(repeats: 1, minimumSeconds: 0.3) {
            model.step(stepSize: rule.stepMultiplier(at: level))
            let next = model.evaluate()
            rule.update(previousLogLoss: level.logLoss, newLogLoss: next.logLoss)
            level = next
        }
        precondition(level.logLoss.isFinite, "MNIST-sized benchmark diverged")
        return (stepFlops / seconds * 1e-9, seconds)
    }

    /// The forward product X W₁ᵀ through `Experiments.gemm`.
    func experimentsGemmRate() -> Double {
        var c = Matrix(rows: samples, columns: hidden)
        let seconds = secondsPerCall(repeats: 1, minimumSeconds: 0.3) {
            gemm(x, w, into: &c, transposeB: true)
        }
        return gemmFlops / seconds * 1e-9
    }

    /// The machine's dgemm rate for the same product: one OpenBLAS call with its own threading.
    func openBLASGemmRate(threads: Int) -> Double {
        measuredDGEMMRate(threads: threads, m: samples, n: hidden, k: inputs, minimumSeconds: 0.3)
    }
}
