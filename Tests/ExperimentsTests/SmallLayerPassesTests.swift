import Experiments
import XCTest

/// The fused small-layer passes must give exactly the bits of the general path (every layer
/// through `gemm` and the element-wise passes): outputs, every ∇W_l and the parameters after
/// several steps, compared bit for bit, on random toy-sized nets of every kind the figures train.
final class SmallLayerPassesTests: XCTestCase {
    private func bits(_ m: Matrix) -> [UInt64] { m.elements.map(\.bitPattern) }
    private func bits(_ v: [Double]) -> [UInt64] { v.map(\.bitPattern) }

    private func networks(seed: UInt64) -> [(String, FeedForwardNetwork, Int)] {
        var rng = SeededGenerator(seed: seed, stream: "small-layer-passes")
        var nets: [(String, FeedForwardNetwork, Int)] = []
        for parameterization in WeightParameterization.allCases {
            for activation in [Activation.relu, .reluSquared, .linear] {
                let m = 1 + rng.integer(below: 24), d = 1 + rng.integer(below: 4), n = 1 + rng.integer(below: 17)
                let signs = Matrix(row: (0..<m).map { _ in rng.sign() })
                nets.append((
                    "two-layer \(parameterization) \(activation) m=\(m) d=\(d) n=\(n)",
                    .twoLayer(
                        firstLayer: rng.normalMatrix(rows: m, columns: d), parameterization: parameterization,
                        activation: activation, secondLayer: signs, outputScale: 1 / Double(m).squareRoot()),
                    n))
            }
            nets.append((
                "two-layer \(parameterization) trainable second layer, 3 outputs",
                .twoLayer(
                    firstLayer: rng.normalMatrix(rows: 9, columns: 3), parameterization: parameterization, activation: .relu,
                    secondLayer: rng.normalMatrix(rows: 3, columns: 9), trainSecondLayer: true),
                11))
            let depth = 2 + rng.integer(below: 4)
            nets.append((
                "deep linear \(parameterization) depth \(depth)",
                .deepLinear(
                    weights: (0..<depth).map { l in rng.normalMatrix(rows: l == depth - 1 ? 1 : 2, columns: 2) },
                    parameterization: parameterization),
                20))
            // First layer above the BLAS threshold (general path), second below (fused).
            nets.append((
                "mixed sizes \(parameterization)",
                .twoLayer(
                    firstLayer: rng.normalMatrix(rows: 16, columns: 8), parameterization: parameterization,
                    activation: .relu, secondLayer: Matrix(row: (0..<16).map { _ in rng.sign() })),
                64))
        }
        return nets
    }

    func testFusedPassesGiveTheGeneralPathsBitsForOutputsGradientsAndSteps() {
        for seed in 0..<4 as Range<UInt64> {
            var rng = SeededGenerator(seed: seed, stream: "small-layer-passes-data")
            for (name, start, n) in networks(seed: seed) {
                let x = rng.normalMatrix(rows: n, columns: start.inputCount)
                let loss: any Loss = start.outputCount == 1
                    ? ExponentialLoss(labels: (0..<n).map { _ in rng.sign() })
                    : CrossEntropyLoss(classes: (0..<n).map { _ in rng.integer(below: start.outputCount) }, classCount: start.outputCount)
                var fusedNet = start, generalNet = start
                var fused = NetworkWorkspace(network: start, sampleCount: n)
                var general = NetworkWorkspace(network: start, sampleCount: n, fusesSmallLayers: false)
                for step in 0..<5 {
                    let a = fusedNet.evaluate(x, loss: loss, workspace: &fused)
                    let b = generalNet.evaluate(x, loss: loss, workspace: &general)
                    XCTAssertEqual(a.logLoss.bitPattern, b.logLoss.bitPattern, "\(name) step \(step): log L")
                    XCTAssertEqual(bits(fused.outputs), bits(general.outputs), "\(name) step \(step): outputs")
                    for l in start.layers.indices where start.layers[l].isTrainable {
                        XCTAssertEqual(
                            bits(fused.weightGradients[l]), bits(general.weightGradients[l]), "\(name) step \(step): ∇W_\(l)")
                    }
                    fusedNet.step(workspace: fused, stepSize: 0.05)
                    generalNet.step(workspace: general, stepSize: 0.05)
                    XCTAssertEqual(
                        bits(fusedNet.trainableParameterVector), bits(generalNet.trainableParameterVector),
                        "\(name) step \(step): parameters after the step")
                }
            }
        }
    }

    /// The step reuses the forward pass's e^α only while α has the same bits: a step taken after
    /// the parameters changed behind the workspace's back recomputes it.
    func testStepAfterParametersChangedSinceTheForwardPassRecomputesTheExponentials() {
        var rng = SeededGenerator(seed: 9, stream: "stale-exponentials")
        let start = FeedForwardNetwork.twoLayer(
            firstLayer: rng.normalMatrix(rows: 5, columns: 2), parameterization: .exponential, activation: .relu,
            secondLayer: Matrix(row: (0..<5).map { _ in rng.sign() }))
        let x = rng.normalMatrix(rows: 4, columns: 2)
        let loss = ExponentialLoss(labels: [1, -1, 1, -1])
        var fused = NetworkWorkspace(network: start, sampleCount: 4)
        var general = NetworkWorkspace(network: start, sampleCount: 4, fusesSmallLayers: false)
        start.evaluate(x, loss: loss, workspace: &fused)
        start.evaluate(x, loss: loss, workspace: &general)
        var changed = start
        changed.layers[0].weights.scales = changed.layers[0].weights.scales.map { $0 + 0.25 }
        var a = changed, b = changed
        a.step(workspace: fused, stepSize: 0.1)
        b.step(workspace: general, stepSize: 0.1)
        XCTAssertEqual(bits(a.trainableParameterVector), bits(b.trainableParameterVector))
    }
}
