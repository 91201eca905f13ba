import Datasets
import Experiments
import Foundation
import Morwani2021Fig4
import Morwani2021Fig6
import Morwani2021Shared

/// The experiments of issue 16, each at the figure's own data, start and step rule, run for a
/// fixed number of steps (no loss target, so all three implementations take exactly `steps`).
/// Step counts are where the runs are stable enough for 1e-8 agreement (see bench/README.md).
enum PeerCases {
    static let names = ["xor_ewn", "simple_traj_ewn", "linsep_swn", "deep_linear_ewn", "mnist_ewn", "dukler_wn", "kohler_gdnp"]

    /// Cases that cannot run in this build, with the reason: the harness reports them as "not
    /// available" (none at present).
    static let unavailable: [String: String] = [:]

    static func make(_ name: String, dataDirectory: String?) throws -> PeerCase {
        switch name {
        case "xor_ewn": return xor()
        case "simple_traj_ewn": return simpleTraj()
        case "linsep_swn": return linSep()
        case "deep_linear_ewn": return deepLinear()
        case "mnist_ewn": return try mnist(dataDirectory: dataDirectory)
        case "dukler_wn": return try dukler(dataDirectory: dataDirectory)
        case "kohler_gdnp": return try kohlerGDNP(dataDirectory: dataDirectory)
        default:
            throw BenchError(unavailable[name] ?? "unknown case \(name); cases: \(names.joined(separator: ", "))")
        }
    }

    /// Fig. 5's EWN run: 20 ReLU units from the figure's start (seed 0), exponential loss, c = 0.9, k_max = 0.01.
    static func xor() -> PeerCase {
        let params = XORParameters.preset(.default)
        let start = XORInitialization.draw(seed: 0, hiddenUnits: params.hiddenUnits, scale: params.initialScale)!
        let model = NetworkDescentModel(
            network: XORProblem.network(weights: Matrix(start.weights), secondLayer: start.secondLayer, parameterization: .exponential),
            inputs: XORProblem.inputMatrix, loss: XORProblem.loss)
        return networkCase(
            name: "xor_ewn", kind: .toy, steps: 20_000,
            summary: "Morwani fig5 XOR, 20 ReLU EWN units, exponential loss, adaptive rule c = 0.9",
            model: model, policy: .adaptive(params.stepRule(kMax: params.kMaxEWN)),
            data: ["x": NPYArray(model.inputs), "y": NPYArray(vector: XORProblem.labels)], extraConfig: ["loss": "exponential"])
    }

    /// Fig. 4's first EWN run: one point x = (2, 1), w(0) = (1.0, 0.2), c = 0.9, k_max = 0.1.
    static func simpleTraj() -> PeerCase {
        let params = SimpleTrajParameters.preset(.default)
        let start = SimpleTrajNetwork(initialWeights: params.initialPoints[0], parameterization: .exponential, input: params.dataPoint)
        let rule = AdaptiveStepRule(exponent: params.lrExponent, maxK: params.maxK, initialK: params.initialK, factor: params.kFactor)
        let steps = 10_000
        return PeerCase(
            name: "simple_traj_ewn", kind: .toy, steps: steps,
            summary: "Morwani fig4 Simple-Traj, EWN from (1.0, 0.2) on x = (2, 1), adaptive rule c = 0.9",
            config: StepPolicy.adaptive(rule).config.merging(["label": start.label, "loss": "exponential"]) { a, _ in a },
            arrays: [
                "x": NPYArray(vector: start.input), "scales_0": NPYArray(vector: start.hidden.scales),
                "directions_0": NPYArray(start.hidden.directions),
            ],
            prepare: {
                var network = start
                var adaptive = rule
                var lastLogLoss = Double.nan
                return PeerCase.Run(
                    advance: { n in
                        lastLogLoss = runAdaptiveDescent(&network, rule: &adaptive, stopping: StoppingRule(maxSteps: n)).finalLogLoss
                    },
                    finals: {
                        [
                            "log_loss": NPYArray(scalar: lastLogLoss), "k": NPYArray(scalar: adaptive.k),
                            "scales_0": NPYArray(vector: network.hidden.scales), "directions_0": NPYArray(network.hidden.directions),
                        ]
                    })
            })
    }

    /// The Lin-Sep SWN run of Figs. 2/3/8/9: 8 ReLU² units from the fixed table, 16 points, c = 0.97.
    static func linSep() -> PeerCase {
        let params = LinSepParameters.preset(.default)
        let start = LinSepStart.forSeed(0)
        let model = NetworkDescentModel(
            network: LinSepProblem.network(weights: Matrix(start.weights), parameterization: .standard),
            inputs: LinSepProblem.inputMatrix, loss: LinSepProblem.loss)
        return networkCase(
            name: "linsep_swn", kind: .toy, steps: 20_000,
            summary: "Morwani Lin-Sep, 8 ReLU² SWN units, 16 points, exponential loss, adaptive rule c = 0.97",
            model: model, policy: .adaptive(params.stepRule),
            data: ["x": NPYArray(model.inputs), "y": NPYArray(vector: LinSepProblem.labels)], extraConfig: ["loss": "exponential"])
    }

    /// Fig. 6's depth-4 EWN net: 20 separable points (seed 0), all layers EWN, constant η = 0.01.
    static func deepLinear() -> PeerCase {
        let params = DepthParameters.preset(.default)
        var generator = SeededGenerator(seed: 0, stream: "data")
        let data = separableData(count: params.sampleCount, margin: params.margin, generator: &generator)
        let network = FeedForwardNetwork.deepLinear(
            weights: sameFunctionWeights(depth: 4, initialMap: params.initialMap), parameterization: .exponential)
        let model = NetworkDescentModel(network: network, inputs: data.inputs, loss: ExponentialLoss(labels: data.labels))
        return networkCase(
            name: "deep_linear_ewn", kind: .toy, steps: params.steps,
            summary: "Morwani fig6 deep linear net, depth 4, every layer EWN, 20 points, constant η = 0.01",
            model: model, policy: .constant(params.stepSize),
            data: ["x": NPYArray(data.inputs), "y": NPYArray(vector: data.labels)], extraConfig: ["loss": "exponential"])
    }

    /// Morwani §6's MNIST net (784-100-10 ReLU, EWN first layer, trainable W₂, summed cross-entropy,
    /// c = 0.98) on 1000 training images (100 per digit), full-batch epochs: one step each.
    static func mnist(dataDirectory: String?) throws -> PeerCase {
        let params = MNISTPruningParameters.preset(.default)
        let hidden = params.hiddenUnits
        let train = try MNIST.load(.train, dataDirectory: dataDirectory)
        let indices = try train.balancedIndices(perClass: 100)
        let images = DigitImages(train, indices: indices)
        let start = PruningNetwork.initialWeights(seed: 0, hiddenUnits: hidden)
        let model = NetworkDescentModel(
            network: PruningNetwork.network(first: start.first, second: start.second, parameterization: .exponential),
            inputs: images.inputs, loss: PruningNetwork.loss(labels: images.labels, reduction: params.reduction))
        let steps = 50
        var base = networkCase(
            name: "mnist_ewn", kind: .gemm, steps: steps,
            summary: "Morwani §6 MNIST 784-\(hidden)-10 ReLU net, EWN first layer, n = \(images.count), \(steps) full-batch epochs, c = 0.98",
            model: model, policy: .adaptive(params.stepRule),
            data: ["x": NPYArray(images.inputs), "labels": NPYArray(vector: images.labels.map(Double.init))],
            extraConfig: ["loss": "cross_entropy", "classes": PruningNetwork.classCount, "reduction": params.reduction.rawValue])
        // steps + 1 evaluations: the descent loop evaluates the start, then after every step.
        base.flops = PruningNetwork.flopsPerEvaluation(samples: images.count, hiddenUnits: hidden) * Double(steps + 1)
        base.dgemmShape = (images.count, hidden, PruningNetwork.inputCount)
        return base
    }

    /// Dukler fig2 at default scale: 200 images of 4 vs 9, m = 1000, α₀ = 10⁻³, η = 50/λ_max(H_V(0)),
    /// 200 full-batch WN steps, measuring per step the loss and every neuron's angle as the figure does.
    static func dukler(dataDirectory: String?) throws -> PeerCase {
        let (n, m, steps, alpha0, kappa) = (200, 1000, 200, 1e-3, 50.0)
        let data = try TwoDigitSubset.load(count: n, positiveDigit: 4, negativeDigit: 9, dataDirectory: dataDirectory)
        let inputs = Matrix(rows: n, columns: MNIST.pixelsPerImage, elements: data.features)
        var generator = SeededGenerator(seed: 0, stream: "init")
        let network = WeightNormNetwork(hiddenUnits: m, inputs: inputs.columns, alpha: alpha0, generator: &generator)
        // As the figure: η from H_V(0) of the mean loss (not timed: the peers read η).
        let lambdaMax = largestEigenvalue(ofSymmetric: neuralTangentGram(network, inputs: inputs, includeScales: false)) / Double(n)
        let eta = kappa / lambdaMax
        let loss = SquaredLoss(targets: data.targets, reduction: .mean)
        var base = PeerCase(
            name: "dukler_wn", kind: .gemm, steps: steps,
            summary: "Dukler fig2 4-vs-9, n = \(n), m = \(m), SWN first layer, squared loss (mean), η = 50/λ_max, angles measured every step",
            config: ["eta": eta, "output_scale": network.network.outputScale, "loss": "squared_mean"],
            arrays: [
                "x": NPYArray(inputs), "y": NPYArray(vector: data.targets), "g": NPYArray(vector: network.g),
                "v": NPYArray(network.v), "c": NPYArray(vector: network.c),
            ],
            prepare: {
                var descent = WeightNormDescent(model: network, inputs: inputs, loss: loss)
                var losses: [Double] = []
                var meanAngles: [Double] = []
                var residual = 0.0
                losses.reserveCapacity(steps)
                meanAngles.reserveCapacity(steps)
                return PeerCase.Run(
                    advance: { count in
                        for _ in 0..<count {
                            let (value, record) = descent.step(stepSize: eta, measureAngles: true)
                            losses.append(value)
                            meanAngles.append(record.angles.reduce(0, +) / Double(m))
                            residual = max(residual, record.identityResidual)
                        }
                    },
                    finals: {
                        [
                            "g": NPYArray(vector: descent.model.g), "v": NPYArray(descent.model.v),
                            "losses": NPYArray(vector: losses), "mean_angles": NPYArray(vector: meanAngles),
                            // Rounding-sized (eq. 2.3 holds exactly): compared absolutely by the harness.
                            "identity_residual": NPYArray(scalar: residual),
                        ]
                    })
            })
        base.flops = 4 * Double(n) * Double(inputs.columns) * Double(m) * Double(steps)
        base.dgemmShape = (n, m, inputs.columns)
        return base
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
