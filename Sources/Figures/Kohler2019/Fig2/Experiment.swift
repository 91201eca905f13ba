import Datasets
import Experiments
import FigureKit
import Foundation

/// One panel: a data set, a loss, the plotted log10 quantity of each method (mean and t-band over runs).
public struct Kohler2019Fig2Panel: Codable, Sendable {
    public var dataset: String
    public var phi: MarginFunction
    /// f* of the softplus panels (min of Newton's value and of every value seen); nil for sigmoid.
    public var optimum: Double?
    public var newtonGradientNorm: Double?
    /// η = 1/(φ″_max λ_max(S)) and η_g = 1/φ″_max.
    public var stepSize: Double
    public var lengthStepSize: Double
    public var methods: [HalfspaceMethod]
    /// log10(max(f − f*, 1e−16)) (softplus) or log10 ‖∇f‖ (sigmoid), t = 0…T, per method.
    public var curves: [MeanBand]

    public func curve(_ method: HalfspaceMethod) -> MeanBand { curves[methods.firstIndex(of: method)!] }
}

public struct Kohler2019Fig2Data: Codable, Sendable {
    public var panels: [Kohler2019Fig2Panel]
    /// λ_max(S) of each data set (gaussian, a9a) and the a9a rows and non-zeros used.
    public var gaussianSmoothness: Double
    public var a9aSmoothness: Double
    public var a9aRows: Int
    public var a9aNonZeros: Int

    public func panel(_ dataset: String, _ phi: MarginFunction) -> Kohler2019Fig2Panel {
        panels.first { $0.dataset == dataset && $0.phi == phi }!
    }
}

public func runKohler2019Fig2(_ p: Kohler2019Fig2Parameters, context: RunContext) throws -> Kohler2019Fig2Data {
    guard p.runs >= 1, p.gaussianCount > 1, p.gaussianDimension >= 1, p.conditionNumber >= 1, p.gaussianIterations >= 1,
          p.a9aIterations >= 1, p.a9aRows >= 0, p.lengthSteps >= 0, p.bandLevel > 0, p.bandLevel < 1 else {
        throw FigureKitError(.usage, "kohler2019-fig2: runs, counts and iterations must be positive, conditionNumber ≥ 1, 0 < bandLevel < 1")
    }
    var dataGenerator = SeededGenerator(seed: context.seed, stream: "gaussian-data")
    let gaussian = gaussianDesign(count: p.gaussianCount, dimension: p.gaussianDimension, conditionNumber: p.conditionNumber,
                                  separation: p.separation, generator: &dataGenerator)
    let (a9a, a9aSample) = try kohler2019Fig2A9A(rows: p.a9aRows, dataDirectory: context.dataDirectory)

    var panels: [Kohler2019Fig2Panel] = []
    var smoothness: [String: Double] = [:]
    let samples = [("gaussian", HalfspaceSample(inputs: gaussian.inputs, labels: gaussian.labels), p.gaussianIterations),
                   ("a9a", a9aSample, p.a9aIterations)]
    for (name, sample, iterations) in samples {  // centered, z_i = −y_i x̄_i
        let lambda = kohler2019Fig2Smoothness(sample)
        smoothness[name] = lambda
        let start = kohler2019Fig2Start(dataset: name, dimension: sample.dimension, runs: p.runs, seed: context.seed)
        for phi in [MarginFunction.softplus, .sigmoid] {
            let settings = kohler2019Fig2Settings(phi, smoothness: lambda, lengthSteps: p.lengthSteps)
            let methods = HalfspaceMethod.allCases
            var traces: [HalfspaceTrace] = []
            for (k, method) in methods.enumerated() {
                traces.append(runHalfspaceDescent(method, phi: phi, sample: sample, start: start, iterations: iterations, settings: settings))
                context.progress.report("\(name) \(phi.rawValue)", step: k + 1, of: methods.count)
            }
            var optimum: Double? = nil, newtonGradient: Double? = nil
            if phi == .softplus {
                let newton = halfspaceNewtonMinimum(phi, sample: sample)
                let seen = traces.flatMap { $0.values.flatMap { $0 } }.min() ?? .infinity
                optimum = min(newton.value, seen)
                newtonGradient = newton.gradientNorm
            }
            let curves = traces.map { trace in
                MeanBand(runs: phi == .softplus
                            ? trace.values.map { $0.map { log10(max($0 - optimum!, 1e-16)) } }
                            : trace.gradientNorms.map { $0.map { log10($0) } },
                         level: p.bandLevel)
            }
            panels.append(Kohler2019Fig2Panel(
                dataset: name, phi: phi, optimum: optimum, newtonGradientNorm: newtonGradient, stepSize: settings.stepSize,
                lengthStepSize: settings.lengthStepSize, methods: methods, curves: curves))
        }
    }
    return Kohler2019Fig2Data(panels: panels, gaussianSmoothness: smoothness["gaussian"]!, a9aSmoothness: smoothness["a9a"]!,
                              a9aRows: a9a.rowCount, a9aNonZeros: a9a.nonZeroCount)
}

/// The a9a panels' data: the LIBSVM file's first `rows` rows (0: all 32 561), kept sparse (13.9
/// non-zeros a row) and centered implicitly. Public so that wnbench benchmarks the same sample.
public func kohler2019Fig2A9A(rows: Int, dataDirectory: String?) throws -> (data: LIBSVMDataset, sample: HalfspaceSample) {
    var a9a = try LIBSVM.load(.a9a, dataDirectory: dataDirectory)
    if rows > 0 { a9a = a9a.prefix(min(rows, a9a.rowCount)) }
    let inputs = SparseRowMatrix(rows: a9a.rowCount, columns: a9a.featureCount, rowStarts: a9a.rowStarts,
                                 columnIndices: a9a.columns, values: a9a.values)
    return (a9a, HalfspaceSample(sparseInputs: inputs, labels: a9a.labels))
}

/// L = λ_max(S) of a data set, the smoothness in every step size of its panels.
public func kohler2019Fig2Smoothness(_ sample: HalfspaceSample) -> Double {
    largestEigenvalue(ofSymmetric: sample.secondMoment())
}

/// The starts w̃₀ ~ N(0, I/d) of a data set's panels, one column per run: run r draws from stream r
/// of "init-<dataset>", so all methods and both losses share it and run r does not depend on `runs`.
public func kohler2019Fig2Start(dataset name: String, dimension: Int, runs: Int, seed: UInt64) -> Matrix {
    var start = Matrix(rows: dimension, columns: runs)
    for r in 0..<runs {
        var generator = SeededGenerator(seed: seed, stream: "init-\(name)").stream(UInt64(r))
        let column = generator.normals(dimension, standardDeviation: 1 / Double(dimension).squareRoot())
        for i in 0..<dimension { start[i, r] = column[i] }
    }
    return start
}

/// A panel's step sizes (CHOSEN, FIGURES.md): η = 1/(φ″_max L) for GD, AGD, BN and WN, η_g = 1/φ″_max
/// for GDNP's T_s g-steps, L = λ_max(S) in GDNP's step (17).
public func kohler2019Fig2Settings(_ phi: MarginFunction, smoothness lambda: Double, lengthSteps: Int) -> HalfspaceDescentSettings {
    HalfspaceDescentSettings(stepSize: 1 / (phi.secondDerivativeBound * lambda), lengthStepSize: 1 / phi.secondDerivativeBound,
                             lengthSteps: lengthSteps, smoothness: lambda)
}
