import Experiments
import Foundation
import XCTest

final class LossTests: XCTestCase {
    private let labels: [Double] = [1, -1, 1, 1, -1]
    private let outputs = Matrix(column: [0.3, -1.2, 2.0, -0.4, 0.9])

    private func directValue(_ per: (Double) -> Double, reduction: Reduction) -> Double {
        let sum = zip(labels, outputs.elements).map { per($0 * $1) }.reduce(0, +)
        return reduction == .sum ? sum : sum / Double(labels.count)
    }

    /// ∇_F L from the stored form, exp(logGradientScale) · gradient.
    private func fullGradient<L: Loss>(_ loss: L, _ f: Matrix) -> [Double] {
        let (level, gradient) = loss.evaluate(f)
        return gradient.elements.map { $0 * exp(level.logGradientScale) }
    }

    /// Central differences of L = exp(logLoss) in every output.
    private func finiteDifferenceGradient<L: Loss>(_ loss: L, _ f: Matrix, h: Double = 1e-6) -> [Double] {
        f.elements.indices.map { i in
            var plus = f
            var minus = f
            plus.elements[i] += h
            minus.elements[i] -= h
            return (exp(loss.logLoss(plus)) - exp(loss.logLoss(minus))) / (2 * h)
        }
    }

    private func assertGradientMatchesFiniteDifferences<L: Loss>(_ loss: L, _ f: Matrix, file: StaticString = #filePath, line: UInt = #line) {
        let analytic = fullGradient(loss, f)
        let numeric = finiteDifferenceGradient(loss, f)
        for i in analytic.indices {
            XCTAssertEqual(analytic[i], numeric[i], accuracy: 1e-8 * max(1, abs(numeric[i])), "output \(i)", file: file, line: line)
        }
    }

    func testExponentialLossAgreesWithDirectEvaluation() {
        for reduction in [Reduction.sum, .mean] {
            let loss = ExponentialLoss(labels: labels, reduction: reduction)
            XCTAssertEqual(exp(loss.logLoss(outputs)), directValue({ exp(-$0) }, reduction: reduction), accuracy: 1e-13)
            assertGradientMatchesFiniteDifferences(loss, outputs)
        }
    }

    func testLogisticLossAgreesWithDirectEvaluation() {
        for reduction in [Reduction.sum, .mean] {
            let loss = LogisticLoss(labels: labels, reduction: reduction)
            XCTAssertEqual(exp(loss.logLoss(outputs)), directValue({ log(1 + exp(-$0)) }, reduction: reduction), accuracy: 1e-13)
            assertGradientMatchesFiniteDifferences(loss, outputs)
        }
    }

    func testSigmoidLossAgreesWithDirectEvaluation() {
        let loss = SigmoidLoss(labels: labels)
        XCTAssertEqual(exp(loss.logLoss(outputs)), directValue({ 1 / (1 + exp($0)) }, reduction: .mean), accuracy: 1e-13)
        assertGradientMatchesFiniteDifferences(loss, outputs)
    }

    func testSquaredLossAgreesWithDirectEvaluation() {
        let targets: [Double] = [0.5, -1, 1, 0, 2]
        for reduction in [Reduction.sum, .mean] {
            let loss = SquaredLoss(targets: targets, reduction: reduction)
            let direct = 0.5 * zip(outputs.elements, targets).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
                / (reduction == .sum ? 1 : 5)
            XCTAssertEqual(loss.value(outputs), direct, accuracy: 1e-14)
            XCTAssertEqual(loss.evaluate(outputs).level.logGradientScale, 0)
            assertGradientMatchesFiniteDifferences(loss, outputs)
        }
    }

    func testCrossEntropyAgreesWithSoftmaxCrossEntropy() {
        let f = Matrix([[0.2, -1.0, 0.7], [1.5, 0.1, -0.3], [-0.2, 0.4, 0.0], [2.0, 2.0, -1.0]])
        let classes = [2, 0, 1, 1]
        let loss = CrossEntropyLoss(classes: classes, classCount: 3)
        var direct = 0.0
        for i in 0..<4 {
            let row = f.row(i)
            direct += log(row.map { exp($0) }.reduce(0, +)) - row[classes[i]]
        }
        XCTAssertEqual(exp(loss.logLoss(f)), direct, accuracy: 1e-13)
        assertGradientMatchesFiniteDifferences(loss, f)
    }

    /// At L ≈ e^-1000 nothing may underflow: log L is exact and the gradient direction is the
    /// softmax of the margins' offsets (Lyu & Li 2020).
    func testLogDomainLossesStayFiniteWithExactDirectionAtEMinus1000() {
        let offsets: [Double] = [0, 0.5, 1.5, 3.0]
        let y: [Double] = [1, -1, 1, -1]
        let f = Matrix(column: zip(y, offsets).map { $0 * (1000 + $1) })  // margins 1000 + δ_i
        let weights = offsets.map { exp(-$0) }
        let total = weights.reduce(0, +)
        for loss in [ExponentialLoss(labels: y) as any Loss, LogisticLoss(labels: y), SigmoidLoss(labels: y, reduction: .sum)] {
            let (level, gradient) = loss.evaluate(f)
            XCTAssert(level.logLoss.isFinite, "\(type(of: loss))")
            XCTAssertEqual(level.logLoss, -1000 + log(total), accuracy: 1e-12, "\(type(of: loss))")
            for i in 0..<4 {
                XCTAssertEqual(gradient.elements[i], -y[i] * weights[i] / total, accuracy: 1e-15, "\(type(of: loss)) sample \(i)")
            }
        }
        // Multiclass: margin of 1000 + δ between the true class and the only other class.
        let mc = CrossEntropyLoss(classes: [0, 1], classCount: 2)
        let (level, gradient) = mc.evaluate(Matrix([[1000, 0], [0, 1000.5]]))
        XCTAssertEqual(level.logLoss, -1000 + log(1 + exp(-0.5)), accuracy: 1e-12)
        XCTAssertEqual(gradient[0, 1], 1 / (1 + exp(-0.5)), accuracy: 1e-13)
        XCTAssertEqual(gradient[0, 0], -gradient[0, 1])
    }

    func testLogSoftplusIsExactInBothTails() {
        XCTAssertEqual(logSoftplus(-1000), -1000)
        XCTAssertEqual(logSoftplus(-30), log(log1p(exp(-30))), accuracy: 1e-14)
        XCTAssertEqual(logSoftplus(-38), -38 - exp(-38) / 2, accuracy: 1e-14)
        XCTAssertEqual(logSoftplus(800), log(800), accuracy: 1e-14)
        XCTAssertEqual(logSoftplus(2), log(log(1 + exp(2))), accuracy: 1e-15)
        XCTAssertEqual(logSumExp([-1000, -1001]), -1000 + log(1 + exp(-1)), accuracy: 1e-12)
        XCTAssertEqual(logSumExp([]), -.infinity)
    }

    func testMarginFunctionDerivativesMatchFiniteDifferences() {
        for phi in [MarginFunction.softplus, .sigmoid, .leastSquares] {
            for t in [-3.0, -0.2, 0.0, 1.1, 4.0] {
                let h = 1e-5
                XCTAssertEqual(phi.derivative(t), (phi.value(t + h) - phi.value(t - h)) / (2 * h), accuracy: 1e-9)
                XCTAssertEqual(
                    phi.secondDerivative(t), (phi.derivative(t + h) - phi.derivative(t - h)) / (2 * h), accuracy: 1e-9)
            }
            for t in [-800.0, -30, -2.5, 0, 0.7, 30, 800] {
                let (value, first, second) = phi.derivatives(at: t)
                XCTAssertEqual(value, phi.value(t), accuracy: 1e-15 * max(1, abs(value)))
                XCTAssertEqual(first, phi.derivative(t), accuracy: 1e-15 * max(1, abs(first)))
                XCTAssertEqual(second, phi.secondDerivative(t), accuracy: 1e-15 * max(1, abs(second)))
            }
            let grid = stride(from: -10.0, through: 10.0, by: 0.001).map { abs(phi.secondDerivative($0)) }
            XCTAssertEqual(grid.max()!, phi.secondDerivativeBound, accuracy: 1e-6)
        }
    }
}
