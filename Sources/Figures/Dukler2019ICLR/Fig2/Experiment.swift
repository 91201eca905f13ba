import Datasets
import Experiments
import FigureKit

/// What Fig. 2 plots and its claims need. Curves are indexed by step s = 0..K−1 (values before
/// the update of step s); `angleVariation[s]` = TV100(s) for s = 0..K−window.
public struct FourNineData: Codable, Sendable {
    public var sampleCount: Int
    public var positiveCount: Int
    public var hiddenUnits: Int
    public var alpha0: Double
    /// λmax(H_V(0)) of the mean loss, and the η and κ = η·λmax actually used.
    public var lambdaMax: Double
    public var stepSize: Double
    public var kappa: Double
    /// L̄(s) = (1/2n) Σ_i (f(x_i) − y_i)².
    public var loss: [Double]
    /// α(s) = (1/m) Σ_k ‖v_k(s)‖/|g_k(s)|.
    public var alpha: [Double]
    /// Δ_ave(s) = (1/m) Σ_k Δθ_k(s).
    public var meanAngle: [Double]
    /// TV(s) = Σ_{j=s}^{s+window−1} Δ_ave(j).
    public var angleVariation: [Double]
    /// Eq. (2.3) residual max_{k,s} |‖v_k(s+1)‖² − ‖v_k(s)‖² − η²‖∂L̄/∂v_k‖²| / max(‖v_k(s)‖², ‖v_k(s+1)‖²).
    public var identityResidual: Double
    /// min_{k,s} (‖v_k(s+1)‖² − ‖v_k(s)‖²)/‖v_k(s)‖².
    public var smallestRelativeGrowth: Double
    /// max_{k,s} |Δθ_k(s) − atan(η‖∂L̄/∂v_k‖/‖v_k(s)‖)|.
    public var angleMismatch: Double
    /// Floating-point operations of the GEMMs (training steps and the Gram matrix).
    public var gemmFlops: Double

    public init(sampleCount: Int, positiveCount: Int, hiddenUnits: Int, alpha0: Double, lambdaMax: Double, stepSize: Double,
                kappa: Double, loss: [Double], alpha: [Double], meanAngle: [Double], angleVariation: [Double],
                identityResidual: Double, smallestRelativeGrowth: Double, angleMismatch: Double, gemmFlops: Double) {
        self.sampleCount = sampleCount
        self.positiveCount = positiveCount
        self.hiddenUnits = hiddenUnits
        self.alpha0 = alpha0
        self.lambdaMax = lambdaMax
        self.stepSize = stepSize
        self.kappa = kappa
        self.loss = loss
        self.alpha = alpha
        self.meanAngle = meanAngle
        self.angleVariation = angleVariation
        self.identityResidual = identityResidual
        self.smallestRelativeGrowth = smallestRelativeGrowth
        self.angleMismatch = angleMismatch
        self.gemmFlops = gemmFlops
    }
}

/// App. F: WN gradient descent on the mean square loss of network (1.2), n MNIST 4/9 images.
public func runFourNine(_ params: FourNineParameters, context: RunContext) throws -> FourNineData {
    guard params.steps > params.window, params.window > 0 else {
        throw FigureKitError(.usage, "steps (\(params.steps)) must exceed window (\(params.window)) > 0; raise steps or lower window")
    }
    guard params.hiddenUnits > 0, params.alpha0 > 0, params.kappa > 0 || params.stepSize > 0 else {
        throw FigureKitError(.usage, "hiddenUnits and alpha0 must be positive, and kappa or stepSize must be positive")
    }
    let data = try TwoDigitSubset.load(
        count: params.sampleCount, positiveDigit: params.positiveDigit, negativeDigit: params.negativeDigit,
        dataDirectory: context.dataDirectory)
    let inputs = Matrix(rows: data.count, columns: MNIST.pixelsPerImage, elements: data.features)
    let n = inputs.rows, d = inputs.columns, m = params.hiddenUnits
    var generator = SeededGenerator(seed: context.seed, stream: "init")
    let model = WeightNormNetwork(hiddenUnits: m, inputs: d, alpha: params.alpha0, generator: &generator)

    // H_V(0) of the mean loss: the v-part Gram divided by n.
    let lambdaMax = largestEigenvalue(ofSymmetric: neuralTangentGram(model, inputs: inputs, includeScales: false)) / Double(n)
    let eta = params.kappa > 0 ? params.kappa / lambdaMax : params.stepSize

    // CHOSEN: the per-sample mean, not the paper's sum (2.5) — see FIGURES.md and the caption.
    var descent = WeightNormDescent(model: model, inputs: inputs, loss: SquaredLoss(targets: data.targets, reduction: .mean))
    var loss: [Double] = [], alpha: [Double] = [], meanAngle: [Double] = []
    var residual = 0.0, smallestGrowth = Double.infinity, mismatch = 0.0
    for s in 0..<params.steps {
        let g = descent.model.g
        let (value, record) = descent.step(stepSize: eta, measureAngles: true)
        loss.append(value)
        var ratio = 0.0
        for k in 0..<m { ratio += record.normSquaredBefore[k].squareRoot() / abs(g[k]) }
        alpha.append(ratio / Double(m))
        meanAngle.append(record.angles.reduce(0, +) / Double(m))
        residual = max(residual, record.identityResidual)
        smallestGrowth = min(smallestGrowth, record.smallestRelativeGrowth)
        mismatch = max(mismatch, record.angleMismatch)
        context.progress.report("WN gradient descent", step: s + 1, of: params.steps, loss: value)
    }

    var variation: [Double] = []
    var windowSum = meanAngle[0..<params.window].reduce(0, +)
    variation.append(windowSum)
    for s in 1...(params.steps - params.window) {
        windowSum = meanAngle[s..<(s + params.window)].reduce(0, +)  // summed afresh: no drift from running updates
        variation.append(windowSum)
    }

    let stepFlops = 4 * Double(n) * Double(d) * Double(m)
    return FourNineData(
        sampleCount: n, positiveCount: data.positiveCount, hiddenUnits: m, alpha0: params.alpha0,
        lambdaMax: lambdaMax, stepSize: eta, kappa: eta * lambdaMax,
        loss: loss, alpha: alpha, meanAngle: meanAngle, angleVariation: variation,
        identityResidual: residual, smallestRelativeGrowth: smallestGrowth, angleMismatch: mismatch,
        gemmFlops: stepFlops * Double(params.steps) + neuralTangentGramFlops(n: n, m: m, d: d))
}
