import Experiments
import Foundation
import XCTest

/// `WeightNormDescent.step` sweeps each neuron once; it must give the bits of the separate passes
/// it replaced — the core's forward/backward and `FeedForwardNetwork.step`, with the measurements
/// taken around them — written out here from the public pieces.
final class WeightNormDescentTests: XCTestCase {
    private struct Reference {
        var network: FeedForwardNetwork
        var before: [Double] = [], gradient: [Double] = [], after: [Double] = [], angles: [Double] = []
        var loss = 0.0

        mutating func step(_ x: Matrix, _ loss: SquaredLoss, eta: Double, measureAngles: Bool) {
            var ws = NetworkWorkspace(network: network, sampleCount: x.rows)
            network.evaluate(x, loss: loss, workspace: &ws)
            self.loss = loss.value(ws.outputs)
            let v = network.layers[0].weights.directions, g = network.layers[0].weights.scales
            let gw = ws.weightGradients[0]
            let (m, d) = (v.rows, v.columns)
            before = []; gradient = []; after = []; angles = []
            for k in 0..<m {
                var vv = 0.0, vg = 0.0
                for j in 0..<d {
                    vv += v[k, j] * v[k, j]
                    vg += v[k, j] * gw[k, j]
                }
                let projection = vg / vv
                var perpendicular = 0.0
                for j in 0..<d {
                    let r = gw[k, j] - projection * v[k, j]
                    perpendicular += r * r
                }
                before.append(vv)
                gradient.append(g[k] * g[k] / vv * perpendicular)
            }
            network.step(workspace: ws, stepSize: eta)
            let b = network.layers[0].weights.directions
            for k in 0..<m {
                var bb = 0.0
                for j in 0..<d { bb += b[k, j] * b[k, j] }
                after.append(bb)
                guard measureAngles else { continue }
                let aLength = before[k].squareRoot()
                var along = 0.0
                for j in 0..<d { along += b[k, j] * v[k, j] }
                along /= aLength
                let alongOverLength = along / aLength
                var perpendicular = 0.0
                for j in 0..<d {
                    let r = b[k, j] - alongOverLength * v[k, j]
                    perpendicular += r * r
                }
                angles.append(atan2(perpendicular.squareRoot(), along))
            }
        }
    }

    private func bits(_ v: [Double]) -> [UInt64] { v.map(\.bitPattern) }

    func testOneSweepPerNeuronGivesTheSeparatePassesBits() {
        for (m, d, n) in [(7, 5, 9), (40, 96, 30)] {
            for measureAngles in [true, false] {
                var rng = SeededGenerator(seed: UInt64(m), stream: "wn-descent")
                let model = WeightNormNetwork(hiddenUnits: m, inputs: d, alpha: 0.3, generator: &rng)
                let x = rng.normalMatrix(rows: n, columns: d)
                let loss = SquaredLoss(targets: rng.normals(n), reduction: .mean)
                var descent = WeightNormDescent(model: model, inputs: x, loss: loss)
                var reference = Reference(network: model.network)
                for step in 0..<4 {
                    let (value, record) = descent.step(stepSize: 0.7, measureAngles: measureAngles)
                    reference.step(x, loss, eta: 0.7, measureAngles: measureAngles)
                    let label = "m=\(m) d=\(d) angles \(measureAngles) step \(step)"
                    XCTAssertEqual(value.bitPattern, reference.loss.bitPattern, label)
                    XCTAssertEqual(bits(record.normSquaredBefore), bits(reference.before), label)
                    XCTAssertEqual(bits(record.gradientNormSquared), bits(reference.gradient), label)
                    XCTAssertEqual(bits(record.normSquaredAfter), bits(reference.after), label)
                    XCTAssertEqual(bits(record.angles), bits(reference.angles), label)
                    XCTAssertEqual(bits(descent.model.v.elements), bits(reference.network.layers[0].weights.directions.elements), label)
                    XCTAssertEqual(bits(descent.model.g), bits(reference.network.layers[0].weights.scales), label)
                }
            }
        }
    }
}
