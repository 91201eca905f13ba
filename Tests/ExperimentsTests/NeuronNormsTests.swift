import Experiments
import XCTest

/// Sparsity measures of a layer's neuron norms, and the trace that keeps them for plotting.
final class NeuronNormsTests: XCTestCase {
    func testTopShareCountsTheLargestTenthOfTheSquaredNorms() {
        XCTAssertEqual(topShare([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], fraction: 0.1), 0.1, accuracy: 1e-15)
        XCTAssertEqual(topShare([3, 1, 1, 1, 1, 1, 1, 1, 1, 1], fraction: 0.1), 0.5, accuracy: 1e-15)
        // ⌈0.1·12⌉ = 2 neurons.
        XCTAssertEqual(topShare([2, 2] + Array(repeating: 1, count: 10), fraction: 0.1), 8.0 / 18.0, accuracy: 1e-15)
    }

    func testNormTraceKeepsAtMostMaxPointsAndTheFinalStep() {
        var history = NormTrace(neurons: 2, maxPoints: 10, precision: .fourSignificantDigits)
        for t in 0...137 {
            history.observe(step: t, norms: [Double(t), 1 / Double(t + 1)], logLoss: -Double(t), isFinal: t == 137)
        }
        XCTAssertLessThanOrEqual(history.steps.count, 11)
        XCTAssertGreaterThanOrEqual(history.steps.count, 5)
        XCTAssertEqual(history.steps.first, 0)
        XCTAssertEqual(history.steps.last, 137)
        XCTAssertEqual(history.norms[0].last, 137)
        XCTAssertEqual(history.logLoss.last, -137)
        let stride = history.steps[1] - history.steps[0]
        XCTAssertTrue(history.steps.dropLast().allSatisfy { $0 % stride == 0 })
        XCTAssertEqual(roundedForPlot(1.234567), 1.235)
        XCTAssertEqual(roundedForPlot(98765.4), 98770)
    }

    func testTheFloatTraceKeepsKAndFullFloatPrecision() {
        var trace = NormTrace(neurons: 1, maxPoints: 4, recordsK: true)
        for t in 0...9 { trace.observe(step: t, norms: [1.23456789], logLoss: 0, k: Double(t), isFinal: t == 9) }
        XCTAssertEqual(trace.norms[0].last, Float(1.23456789))
        XCTAssertEqual(trace.k?.count, trace.steps.count)
        XCTAssertEqual(trace.k?.last, 9)
        XCTAssertNil(NormTrace(neurons: 1, maxPoints: 4).k, "a trace without k does not write one")
    }
}
