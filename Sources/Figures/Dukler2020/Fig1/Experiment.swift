import Datasets
import Experiments
import FigureKit

/// One trajectory of panel (a): E(t) = mean_k ‖v_k(t)‖²/‖v_k(0)‖² − 1 and L(t) at the recorded times.
public struct GrowthCurve: Codable, Sendable {
    public var name: String
    /// η for GD, dt for the flow.
    public var stepSize: Double
    public var isFlow: Bool
    public var time: [Double]
    public var loss: [Double]
    public var growth: [Double]
    /// max_k |‖v_k(T)‖²/‖v_k(0)‖² − 1|.
    public var largestDeviation: Double
    /// GD only: eq. (2.3) residual max_{k,s} |Δ‖v_k‖² − η²‖∇_{v_k}L‖²| / max(‖v_k(s)‖², ‖v_k(s+1)‖²), and
    /// min_{k,s} Δ‖v_k‖²/‖v_k(s)‖² (0 for the flow).
    public var identityResidual: Double
    public var smallestRelativeGrowth: Double

    public init(name: String, stepSize: Double, isFlow: Bool, time: [Double], loss: [Double], growth: [Double],
                largestDeviation: Double, identityResidual: Double, smallestRelativeGrowth: Double) {
        self.name = name
        self.stepSize = stepSize
        self.isFlow = isFlow
        self.time = time
        self.loss = loss
        self.growth = growth
        self.largestDeviation = largestDeviation
        self.identityResidual = identityResidual
        self.smallestRelativeGrowth = smallestRelativeGrowth
    }

    public var finalLoss: Double { loss[loss.count - 1] }
    public var finalGrowth: Double { growth[growth.count - 1] }
}

public struct NormGrowthData: Codable, Sendable {
    public var sampleCount: Int
    public var hiddenUnits: Int
    /// λmax(H(0)) of the sum loss and η0 = 1/λmax.
    public var lambdaMax: Double
    public var eta0: Double
    public var endTime: Double
    /// GD runs in the order of `stepFractions`, then the flow.
    public var gd: [GrowthCurve]
    public var flow: GrowthCurve
    /// Panel (b), η0 run: x = η²‖∇_{v_k}L(s)‖², y = ‖v_k(s+1)‖² − ‖v_k(s)‖² (pairs with x = 0 — neurons
    /// with no active sample — are left out: they are exact zeros on both sides).
    public var predictedIncrease: [Double]
    public var measuredIncrease: [Double]
    public var gemmFlops: Double

    public init(sampleCount: Int, hiddenUnits: Int, lambdaMax: Double, eta0: Double, endTime: Double, gd: [GrowthCurve],
                flow: GrowthCurve, predictedIncrease: [Double], measuredIncrease: [Double], gemmFlops: Double) {
        self.sampleCount = sampleCount
        self.hiddenUnits = hiddenUnits
        self.lambdaMax = lambdaMax
        self.eta0 = eta0
        self.endTime = endTime
        self.gd = gd
        self.flow = flow
        self.predictedIncrease = predictedIncrease
        self.measuredIncrease = measuredIncrease
        self.gemmFlops = gemmFlops
    }
}

/// GD at several step sizes and the RK4 gradient flow from one initial (V, g, c), sum loss (2.5).
public func runNormGrowth(_ params: NormGrowthParameters, context: RunContext) throws -> NormGrowthData {
    guard !params.stepFractions.isEmpty, params.stepFractions.allSatisfy({ $0 > 0 && $0 <= 1 }), params.flowStepFraction > 0 else {
        throw FigureKitError(.usage, "stepFractions must be non-empty fractions in (0, 1] and flowStepFraction positive")
    }
    guard params.gdSteps > 0, params.recordEvery > 0, params.scatterEvery > 0, params.alpha > 0, params.hiddenUnits > 0 else {
        throw FigureKitError(.usage, "gdSteps, recordEvery, scatterEvery, alpha and hiddenUnits must be positive")
    }
    let data = try TwoDigitSubset.load(
        count: params.sampleCount, positiveDigit: params.positiveDigit, negativeDigit: params.negativeDigit,
        dataDirectory: context.dataDirectory)
    let inputs = Matrix(rows: data.count, columns: MNIST.pixelsPerImage, elements: data.features)
    let n = inputs.rows, d = inputs.columns, m = params.hiddenUnits
    var generator = SeededGenerator(seed: context.seed, stream: "init")
    let start = WeightNormNetwork(hiddenUnits: m, inputs: d, alpha: params.alpha, generator: &generator)
    let loss = SquaredLoss(targets: data.targets, reduction: .sum)  // (2.5), as in the paper
    let initialNorms = start.directionNormsSquared

    // η0 = 1/λmax of the NTK Gram of all trained parameters (v and g) at init (CHOSEN: half the stability edge).
    let lambdaMax = largestEigenvalue(ofSymmetric: neuralTangentGram(start, inputs: inputs, includeScales: true))
    let eta0 = 1 / lambdaMax
    let endTime = Double(params.gdSteps) * eta0
    let stepFlops = 4 * Double(n) * Double(d) * Double(m)
    var flops = neuralTangentGramFlops(n: n, m: m, d: d)

    func growth(_ norms: [Double]) -> (mean: Double, largest: Double) {
        var sum = 0.0, largest = 0.0
        for k in 0..<m {
            let ratio = norms[k] / initialNorms[k] - 1
            sum += ratio
            largest = max(largest, abs(ratio))
        }
        return (sum / Double(m), largest)
    }

    var runs: [GrowthCurve] = []
    var predicted: [Double] = [], measured: [Double] = []
    for (index, fraction) in params.stepFractions.enumerated() {
        let eta = fraction * eta0
        let steps = Int((Double(params.gdSteps) / fraction).rounded())
        let every = max(1, Int((Double(params.recordEvery) / fraction).rounded()))
        let scatterStride = index == 0 ? params.scatterEvery : 0
        var descent = WeightNormDescent(model: start, inputs: inputs, loss: loss)
        var curve = GrowthCurve(name: "GD η = η0" + (fraction == 1 ? "" : "·\(formatNumber(fraction))"), stepSize: eta, isFlow: false,
                                time: [], loss: [], growth: [], largestDeviation: 0, identityResidual: 0,
                                smallestRelativeGrowth: .infinity)
        var norms = initialNorms
        for s in 0...steps {
            let value: Double
            var record: WeightNormStepRecord?
            if s < steps {
                let result = descent.step(stepSize: eta, measureAngles: false)
                value = result.loss
                record = result.record
            } else {
                value = descent.lossValue()
            }
            if s % every == 0 || s == steps {
                curve.time.append(Double(s) * eta)
                curve.loss.append(value)
                curve.growth.append(growth(norms).mean)
            }
            guard let record else { break }
            curve.identityResidual = max(curve.identityResidual, record.identityResidual)
            curve.smallestRelativeGrowth = min(curve.smallestRelativeGrowth, record.smallestRelativeGrowth)
            if scatterStride > 0 && s % scatterStride == 0 {
                for k in 0..<m where record.gradientNormSquared[k] > 0 {
                    predicted.append(eta * eta * record.gradientNormSquared[k])
                    measured.append(record.normSquaredAfter[k] - record.normSquaredBefore[k])
                }
            }
            norms = record.normSquaredAfter
            context.progress.report(curve.name, step: s + 1, of: steps, loss: value)
        }
        curve.largestDeviation = growth(norms).largest
        flops += stepFlops * Double(steps)
        runs.append(curve)
    }

    // Gradient flow (3.1): dV/dt = −∂L/∂V, dg/dt = −∂L/∂g, classical RK4 — no renormalization,
    // so the norm preservation is tested, not imposed.
    let dt = params.flowStepFraction * eta0
    let flowSteps = Int((Double(params.gdSteps) / params.flowStepFraction).rounded())
    let flowEvery = max(1, Int((Double(params.recordEvery) / params.flowStepFraction).rounded()))
    let model = NetworkDescentModel(network: start.network, inputs: inputs, loss: loss)
    let field = model.gradientFlow()
    var flow = GrowthCurve(name: "gradient flow", stepSize: dt, isFlow: true, time: [], loss: [], growth: [],
                           largestDeviation: 0, identityResidual: 0, smallestRelativeGrowth: 0)
    var lastNorms = initialNorms
    var probe = start.network
    _ = RungeKutta4(stepSize: dt).integrate(field, from: start.network.trainableParameterVector, steps: flowSteps) { step, t, theta in
        // θ = (g_1…g_m, then V row-major): ‖v_k‖² straight from θ.
        var norms = [Double](repeating: 0, count: m)
        for k in 0..<m {
            var squared = 0.0
            for j in 0..<d { squared += theta[m + k * d + j] * theta[m + k * d + j] }
            norms[k] = squared
        }
        lastNorms = norms
        if step % flowEvery == 0 || step == flowSteps {
            probe.trainableParameterVector = theta
            flow.time.append(t)
            flow.loss.append(loss.value(probe.outputs(inputs)))
            flow.growth.append(growth(norms).mean)
        }
        if step > 0 { context.progress.report("gradient flow (RK4)", step: step, of: flowSteps) }
        return true
    }
    flow.largestDeviation = growth(lastNorms).largest
    flops += stepFlops * 4 * Double(flowSteps)

    return NormGrowthData(
        sampleCount: n, hiddenUnits: m, lambdaMax: lambdaMax, eta0: eta0, endTime: endTime, gd: runs, flow: flow,
        predictedIncrease: predicted, measuredIncrease: measured, gemmFlops: flops)
}
