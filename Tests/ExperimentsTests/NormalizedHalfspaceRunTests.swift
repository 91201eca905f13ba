import Experiments
import Foundation
import XCTest

/// The allocation-free NormalizedHalfspaceRun is bit for bit the run as first written: one
/// allocating product or pass per quantity (normalizedGradients, margins, lengthSlopes), kept
/// here as the reference.
final class NormalizedHalfspaceRunTests: XCTestCase {
    /// n rows of a 0/1/2.5-valued sparse design over d columns, ±1 labels.
    static func sparseProblem(rows n: Int, columns d: Int, seed: UInt64) -> (x: SparseRowMatrix, labels: [Double]) {
        var generator = SeededGenerator(seed: seed, stream: "sparse")
        var starts = [0], columns: [Int] = [], values: [Double] = [], labels: [Double] = []
        for _ in 0..<n {
            for j in 0..<d where generator.bernoulli(0.4) { columns.append(j); values.append(generator.bernoulli(0.5) ? 1 : 2.5) }
            starts.append(columns.count)
            labels.append(generator.sign())
        }
        return (SparseRowMatrix(rows: n, columns: d, rowStarts: starts, columnIndices: columns, values: values), labels)
    }

    static func norms(_ m: Matrix) -> [Double] {
        (0..<m.columns).map { r in (0..<m.rows).reduce(0.0) { $0 + m[$1, r] * m[$1, r] }.squareRoot() }
    }

    /// The run before the workspace, operation for operation.
    static func reference(_ method: HalfspaceMethod, _ phi: MarginFunction, _ sample: HalfspaceSample, _ start: Matrix,
                          _ settings: HalfspaceDescentSettings, iterations: Int) -> (w: Matrix, g: [Double], values: [[Double]], norms: [[Double]]) {
        let n = Double(sample.count), runs = start.columns, sNorm = method != .wn
        var w = start
        var g = sNorm ? norms(sample.margins(start)).map { $0 / n.squareRoot() } : norms(start)
        var values = [[Double]](repeating: [], count: runs), gradientNorms = values
        for t in 0...iterations {
            let at = normalizedGradients(phi, sample: sample, w: w, g: g, sNorm: sNorm)
            let norm = norms(at.gradient)
            for r in 0..<runs { values[r].append(at.point.value[r]); gradientNorms[r].append(norm[r]) }
            if t == iterations { break }
            if method != .gdnp {
                for k in w.elements.indices { w.elements[k] += -settings.stepSize * at.directionGradient.elements[k] }
                for r in 0..<runs { g[r] -= settings.stepSize * at.lengthGradient[r] }
                continue
            }
            var steps = [Double](repeating: 0, count: runs)
            for r in 0..<runs {
                var uw = 0.0
                for i in 0..<w.rows { uw += w[i, r] * sample.u[i] }
                let h = at.point.meanFirst[r] * uw - at.point.meanSecond[r] * uw * (at.scale[r] * uw)
                if abs(h) > 1e-300 { steps[r] = -at.lengths[r] * at.lengths[r] * at.lengths[r] / (settings.smoothness * g[r] * h) }
            }
            for i in 0..<w.rows { for r in 0..<runs { w[i, r] -= steps[r] * at.directionGradient[i, r] } }
            let direction = sample.margins(w)
            let factors = norms(direction).map { 1 / ($0 / n.squareRoot()) }
            var unit = direction
            for i in 0..<unit.rows { for r in 0..<runs { unit[i, r] *= factors[r] } }
            for _ in 0..<settings.lengthSteps {
                var sums = [Double](repeating: 0, count: runs)
                for i in 0..<unit.rows {
                    for r in 0..<runs { sums[r] += phi.derivatives(at: g[r] * unit[i, r], withValue: false).first * unit[i, r] }
                }
                for r in 0..<runs { g[r] -= settings.lengthStepSize * (sums[r] / Double(unit.rows)) }
            }
        }
        return (w, g, values, gradientNorms)
    }

    static func bits(_ x: [Double]) -> [UInt64] { x.map(\.bitPattern) }

    func check(_ sample: HalfspaceSample, runs: Int, label: String) {
        let lambda = largestEigenvalue(ofSymmetric: sample.secondMoment())
        var generator = SeededGenerator(seed: 5, stream: "start")
        let start = generator.normalMatrix(rows: sample.dimension, columns: runs)
        for phi in [MarginFunction.softplus, .sigmoid] {
            let settings = HalfspaceDescentSettings(stepSize: 1 / (phi.secondDerivativeBound * lambda), lengthStepSize: 1 / phi.secondDerivativeBound,
                                                    lengthSteps: 4, smoothness: lambda)
            for method in [HalfspaceMethod.bn, .wn, .gdnp] {
                let expected = Self.reference(method, phi, sample, start, settings, iterations: 6)
                var run = NormalizedHalfspaceRun(method, phi: phi, sample: sample, start: start, settings: settings)
                run.advance(2)
                run.advance(4)
                let what = "\(label), \(phi.rawValue), \(method.rawValue), R = \(runs)"
                XCTAssertEqual(Self.bits(run.w.elements), Self.bits(expected.w.elements), what)
                XCTAssertEqual(Self.bits(run.g), Self.bits(expected.g), what)
                XCTAssertEqual(run.trace.values.map(Self.bits), expected.values.map(Self.bits), what)
                XCTAssertEqual(run.trace.gradientNorms.map(Self.bits), expected.norms.map(Self.bits), what)
            }
        }
    }

    func testSparseRunsAreBitIdenticalToTheAllocatingFormulation() {
        // 6000 × 12 at 40 % density: the transposed product takes 1 panel at R = 1, 4 at R = 5.
        let (x, y) = Self.sparseProblem(rows: 6000, columns: 12, seed: 11)
        let sample = HalfspaceSample(sparseInputs: x, labels: y)
        for runs in [1, 2, 5] { check(sample, runs: runs, label: "sparse") }
    }

    func testDenseRunsAreBitIdenticalToTheAllocatingFormulation() {
        let (x, y) = Self.sparseProblem(rows: 300, columns: 8, seed: 12)
        check(HalfspaceSample(inputs: x.dense(), labels: y), runs: 3, label: "dense")
    }

    func testTransposeOfCompressedRowsHoldsEachColumnsEntriesInRowOrder() {
        let (x, _) = Self.sparseProblem(rows: 50, columns: 7, seed: 13)
        let t = x.transposed()
        let (dense, denseT) = (x.dense(), t.dense())
        for i in 0..<x.rows { for j in 0..<x.columns { XCTAssertEqual(denseT[j, i], dense[i, j]) } }
        for j in 0..<t.rows {
            let rows = Array(t.columnIndices[t.rowStarts[j]..<t.rowStarts[j + 1]])
            XCTAssertEqual(rows, rows.sorted())
        }
    }
}
