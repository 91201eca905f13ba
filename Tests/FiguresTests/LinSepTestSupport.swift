import Experiments
import FigureKit
import Foundation
import Morwani2021Shared
import XCTest

/// What the Lin-Sep tests (Figs. 2, 3, 8, 9) share: the runs, computed once, and the paper's
/// formulas written out directly to check the library against.
enum LinSep {
    static let params = LinSepParameters.preset(.default)
    static let ewn = trainLinSep(.exponential, from: LinSepStart.forSeed(0), params: params)
    static let swn = trainLinSep(.standard, from: LinSepStart.forSeed(0), params: params)

    /// log L = log Σ_i exp(−y_i Σ_u a_u relu(w_u·x_i)²) (Morwani l.137 with Φ of l.178), by logsumexp.
    static func logLoss(_ w: [[Double]]) -> Double {
        logSumExp(margins(w).map { -$0 })
    }

    /// y_iΦ(w, x_i).
    static func margins(_ w: [[Double]]) -> [Double] {
        zip(LinSepProblem.inputs, LinSepProblem.labels).map { x, y in
            y * zip(w, LinSepProblem.secondLayer).reduce(0) { $0 + $1.1 * pow(max(0, dot($1.0, x)), 2) }
        }
    }

    /// G_u = ∇_{w_u} log L = −Σ_i p_i y_i 2 a_u relu(w_u·x_i) x_i, p = softmax(−yΦ).
    static func logLossGradient(_ w: [[Double]]) -> [[Double]] {
        let p = softmax(margins(w).map { -$0 })
        return w.indices.map { u in
            (0..<2).map { j in
                -LinSepProblem.inputs.indices.reduce(0) { sum, i in
                    let x = LinSepProblem.inputs[i]
                    return sum + p[i] * LinSepProblem.labels[i] * 2 * LinSepProblem.secondLayer[u] * max(0, dot(w[u], x)) * x[j]
                }
            }
        }
    }

    /// One step from the fixed start: the run, w(0), G(0) = ∇log L by the formula above, and the
    /// multiplier s of G in η∇L = k L^{1−c} ∇log L (k = 0.01, c = 0.97).
    static func firstStep(_ parameterization: WeightParameterization) -> (LinSepRun, [[Double]], [[Double]], Double) {
        var one = params
        one.maxSteps = 1
        let w0 = LinSepProblem.initialWeightTable
        return (
            trainLinSep(parameterization, from: LinSepStart.forSeed(0), params: one), w0, logLossGradient(w0),
            0.01 * exp((1 - 0.97) * logLoss(w0)))
    }

    /// A data set with one run whose `mutate` changed it.
    static func data(_ run: LinSepRun, ewnFinalNorms: [Double]? = nil, _ mutate: (inout LinSepRun) -> Void = { _ in }) -> LinSepData {
        var copy = run
        mutate(&copy)
        return LinSepData(run: copy, ewnFinalNorms: ewnFinalNorms)
    }

    /// A context with a fresh cache in a temporary folder that counts the training's progress
    /// reports per label ("EWN", "SWN"): a run read from the cache reports nothing.
    static func countingContext() -> (RunContext, TrainingCounter, URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("linsep-cache-\(UUID().uuidString)")
        let counter = TrainingCounter()
        let progress = FigureKit.Progress { event in if event.step == 0 { counter.started(event.label) } }
        return (RunContext(seed: 0, scale: .smoke, progress: progress, sharedResults: ResultCache(folder: folder)), counter, folder)
    }
}

/// Counts started trainings by label.
final class TrainingCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func started(_ label: String) {
        lock.lock()
        counts[label, default: 0] += 1
        lock.unlock()
    }

    func count(_ label: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[label] ?? 0
    }
}

/// The claim with `id`, failing the test if there is none.
func claim(_ id: String, in claims: [Claim], file: StaticString = #filePath, line: UInt = #line) -> Claim {
    guard let found = claims.first(where: { $0.id == id }) else {
        XCTFail("no claim \(id) among \(claims.map(\.id))", file: file, line: line)
        return Claim(id: id, statement: "", passed: false, measured: "missing")
    }
    return found
}

/// Element-wise |a_i − b_i| ≤ accuracy, same length.
func assertClose(_ a: [Double], _ b: [Double], accuracy: Double, _ message: String = "", file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, message, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, "\(message) \(a) vs \(b)", file: file, line: line) }
}
