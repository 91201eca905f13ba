import Experiments
import Foundation
import XCTest

/// The full-batch (BN) tanh MLP of Kohler Fig. 3: backprop through the batch statistics matches
/// central differences, the row-space form of layer 1 is the same network, and the Hessian-vector
/// products are symmetric.
final class TanhMLPTests: XCTestCase {
    static let sizes = [7, 4, 4, 4, 3]
    static func problem() -> (x: Matrix, classes: [Int]) {
        var generator = SeededGenerator(seed: 5, stream: "mlp")
        return (generator.normalMatrix(rows: 6, columns: 7), (0..<6).map { $0 % 3 })
    }

    private func net(batchNorm: Bool) -> TanhMLP {
        var generator = SeededGenerator(seed: 9, stream: "init")
        var net = TanhMLP(sizes: Self.sizes, batchNorm: batchNorm, generator: &generator)
        // Non-trivial γ, β and biases so their gradients are exercised.
        for l in 0..<net.layerCount {
            net.gains[l] = net.gains[l].indices.map { 1 + 0.1 * Double($0) }
            net.shifts[l] = net.shifts[l].indices.map { 0.05 * Double($0) - 0.1 }
            net.biases[l] = net.biases[l].indices.map { 0.03 * Double($0) }
        }
        return net
    }

    func testGradientsMatchCentralDifferencesThroughTheBatchStatistics() {
        let (x, classes) = Self.problem()
        for batchNorm in [true, false] {
            let base = net(batchNorm: batchNorm)
            let gradient = base.lossAndGradient(.full(x), classes: classes).gradient
            func loss(_ n: TanhMLP) -> Double { n.lossAndGradient(.full(x), classes: classes).loss }
            for l in 0..<base.layerCount {
                for k in [0, base.weights[l].elements.count - 1] {
                    var plus = base, minus = base
                    plus.weights[l].elements[k] += 1e-6
                    minus.weights[l].elements[k] -= 1e-6
                    XCTAssertEqual(gradient.weights[l].elements[k], (loss(plus) - loss(minus)) / 2e-6, accuracy: 1e-8, "W\(l + 1), BN \(batchNorm)")
                }
                for (name, path) in [("γ", \TanhMLP.gains), ("β", \TanhMLP.shifts), ("c", \TanhMLP.biases)] where !base[keyPath: path][l].isEmpty {
                    var plus = base, minus = base
                    plus[keyPath: path][l][0] += 1e-6
                    minus[keyPath: path][l][0] -= 1e-6
                    let analytic = name == "γ" ? gradient.gains[l][0] : name == "β" ? gradient.shifts[l][0] : gradient.biases[l][0]
                    XCTAssertEqual(analytic, (loss(plus) - loss(minus)) / 2e-6, accuracy: 1e-8, "\(name)\(l + 1), BN \(batchNorm)")
                }
            }
        }
    }

    func testRowSpaceFirstLayerIsTheSameNetworkAndTheSameDescent() {
        let (x, classes) = Self.problem()
        for batchNorm in [true, false] {
            var full = net(batchNorm: batchNorm), reduced = full
            let rowSpace = TanhMLP.Input.rowSpace(gram: matmul(x, x, transposeB: true), offset: matmul(x, full.weights[0], transposeB: true))
            reduced.weights[0] = Matrix(rows: 4, columns: 6)
            for _ in 0..<5 {
                let a = full.lossAndGradient(.full(x), classes: classes), b = reduced.lossAndGradient(rowSpace, classes: classes)
                XCTAssertEqual(a.loss, b.loss, accuracy: 1e-13)
                XCTAssertEqual(a.gradient.normSquared(input: .full(x)), b.gradient.normSquared(input: rowSpace), accuracy: 1e-12)
                full.add(-0.5, a.gradient)
                reduced.add(-0.5, b.gradient)
            }
        }
    }

    func testMixedSecondDerivativeIsSymmetricAndHutchinsonIsClose() {
        let (x, classes) = Self.problem()
        let net = net(batchNorm: true)
        var generator = SeededGenerator(seed: 1, stream: "probes")
        let fromCentral = crossCurvatureSquared(net, input: .full(x), classes: classes, central: 1, probes: nil, generator: &generator)
        let fromOutput = crossCurvatureSquared(net, input: .full(x), classes: classes, central: 3, probes: nil, generator: &generator)
        XCTAssertEqual(fromCentral[3], fromOutput[1], accuracy: 1e-6 * fromCentral[3], "‖∂²L/∂W₂∂W₄‖ from both sides")
        let estimate = crossCurvatureSquared(net, input: .full(x), classes: classes, central: 1, probes: 4000, generator: &generator)
        for i in [0, 2, 3] { XCTAssertEqual(estimate[i], fromCentral[i], accuracy: 0.1 * fromCentral[i], "Hutchinson, block \(i + 1)") }
        XCTAssertEqual(fromCentral[1], 0, "the central block itself is not measured")
    }
}
