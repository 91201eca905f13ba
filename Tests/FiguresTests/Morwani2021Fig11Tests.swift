import Experiments
import FigureKit
import Morwani2021Fig11
import Morwani2021Shared
import Plot
import XCTest

/// Fig. 11 of Morwani: first-layer norm lines from the Fig. 7 runs, and their claims.
final class Morwani2021Fig11Tests: XCTestCase {
    private let params: MNISTPruningParameters = {
        var params = MNISTPruningParameters.preset(.default)
        params.lowLogLoss = -100  // the level of the made-up runs below
        return params
    }()

    /// A run whose first-layer norms end at `finalNorms`, growing linearly from 1 over 10 steps.
    private func run(_ parameterization: WeightParameterization, finalNorms: [Double], reached: Bool = true) -> PruningRun {
        var history = NormTrace(neurons: finalNorms.count, maxPoints: 20, precision: .fourSignificantDigits)
        for t in 0...10 {
            history.observe(
                step: t, norms: finalNorms.map { 1 + ($0 - 1) * Double(t) / 10 }, logLoss: -Double(t) * 10, isFinal: t == 10)
        }
        let snapshots = [(-10.0, 1), (-100.0, 10)].map { level, step in
            LevelSnapshot(
                logLossLevel: level, reached: reached || level == -10, epoch: step, step: step, logLoss: reached ? level : -50,
                norms: finalNorms.map { 1 + ($0 - 1) * Double(step) / 10 }, trainAccuracy: 1, accuracy: [])
        }
        return PruningRun(
            parameterization: parameterization, initialNorms: Array(repeating: 1, count: finalNorms.count),
            snapshots: snapshots, history: history, stopStep: 10, finalLogLoss: reached ? -100 : -50,
            reachedTarget: reached, epochs: 10, attempts: 10, rolledBackEpochs: 0, nonFiniteAttempts: 0, finalK: 0.01)
    }

    private func experiment(ewn: [Double], swn: [Double], unnorm: [Double], reached: Bool = true) -> MNISTPruningExperiment {
        MNISTPruningExperiment(
            trainCount: 10, testCount: 10, hiddenUnits: ewn.count, percents: [0, 100],
            runs: [run(.exponential, finalNorms: ewn, reached: reached), run(.standard, finalNorms: swn),
                   run(.unnormalized, finalNorms: unnorm)],
            flops: 1)
    }

    private let uniform = Array(repeating: 3.0, count: 20)
    private var sparse: [Double] { [30, 25] + Array(repeating: 1.2, count: 18) }

    func testConcentrationClaimPassesOnlyWhenEWNNormsAreConcentrated() {
        let good = neuronNormClaims(experiment(ewn: sparse, swn: uniform, unnorm: uniform), params: params, scale: .default)
        XCTAssertEqual(good.map(\.id), ["mnist-norms-finite", "mnist-ewn-norm-concentration"])
        XCTAssertTrue(good.allSatisfy(\.passed), good.map(\.measured).joined(separator: " | "))
        let flat = neuronNormClaims(experiment(ewn: uniform, swn: uniform, unnorm: uniform), params: params, scale: .default)
        XCTAssertFalse(flat[1].passed, flat[1].measured)
        // SWN as concentrated as EWN: no lead.
        let tie = neuronNormClaims(experiment(ewn: sparse, swn: sparse, unnorm: uniform), params: params, scale: .default)
        XCTAssertFalse(tie[1].passed, tie[1].measured)
        // An EWN run that never reached the low level has no norms there to compare.
        let missed = neuronNormClaims(experiment(ewn: sparse, swn: uniform, unnorm: uniform, reached: false), params: params, scale: .default)
        XCTAssertFalse(missed[1].passed, missed[1].measured)
        // At smoke scale only the finiteness claim applies.
        XCTAssertEqual(neuronNormClaims(experiment(ewn: sparse, swn: uniform, unnorm: uniform), params: params, scale: .smoke).map(\.id),
                       ["mnist-norms-finite"])
    }

    func testFinitenessClaimCatchesANaNNorm() {
        var data = experiment(ewn: sparse, swn: uniform, unnorm: uniform)
        data.runs[1].snapshots[1].norms[3] = .nan
        XCTAssertFalse(neuronNormClaims(data, params: params, scale: .smoke)[0].passed)
        var noHistory = experiment(ewn: sparse, swn: uniform, unnorm: uniform)
        noHistory.runs[2].history = nil
        XCTAssertFalse(neuronNormClaims(noHistory, params: params, scale: .smoke)[0].passed)
    }

    func testChartHasOnePanelPerParameterizationWithOneLinePerNeuron() {
        let data = experiment(ewn: sparse, swn: uniform, unnorm: uniform, reached: false)
        let chart = renderNeuronNorms(data, params: params)
        XCTAssertEqual(chart.panels.count, 3)
        XCTAssertEqual(chart.panels.map(\.title), ["EWN", "SWN", "Unnorm"])
        for panel in chart.panels {
            XCTAssertEqual(panel.plotters.filter { $0 is LinePlot }.count, 20)
            XCTAssertEqual(panel.xAxis.range, 0...10)
        }
        // The EWN run missed e^-100: its panel says so, the others do not.
        XCTAssertEqual(chart.panels.map { $0.plotters.filter { $0 is TextAnnotation }.count }, [1, 0, 0])
        XCTAssertTrue(neuronNormCaption(data, params: params).contains("EWN did NOT reach e^-100"))
    }
}
