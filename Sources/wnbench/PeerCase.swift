import Experiments
import Foundation

/// One experiment benchmarked against its numpy and JAX peers (`bench/peers/<name>.py`): the exact
/// data and start it exports, and a fresh run of it from that start.
struct PeerCase {
    enum Kind: String { case toy, gemm }

    /// A prepared run from the exported start: `advance(n)` takes n more steps (the first call
    /// also evaluates the start, as the figures' descent loop does); `finals()` reads the state
    /// the peers must match. Split so that timing and the allocation probe see only `advance`.
    struct Run {
        let advance: (Int) -> Void
        let finals: () -> [String: NPYArray]
    }

    let name: String
    let kind: Kind
    let steps: Int
    /// What is run, for the README.
    let summary: String
    /// Scalars and small lists the peer reads from config.json (step rule, shapes, step size).
    let config: [String: Any]
    /// Data and initial parameters, one .npy file each.
    let arrays: [String: NPYArray]
    /// Flops of one whole run (gemm rows) and the dgemm C(m×n) = A(m×k)·Bᵀ of comparable shape.
    var flops: Double? = nil
    var dgemmShape: (m: Int, n: Int, k: Int)? = nil
    let prepare: () -> Run

    /// Writes config.json and the arrays into `folder`.
    func export(to folder: URL) throws {
        try writeArrays(arrays, to: folder)
        var object = config
        object["name"] = name
        object["kind"] = kind.rawValue
        object["steps"] = steps
        object["arrays"] = arrays.keys.sorted()
        try writeJSON(object, to: folder.appendingPathComponent("config.json"))
    }
}

/// The step-size rule of a `NetworkDescentModel` run: Morwani's adaptive rule, or a constant η.
enum StepPolicy {
    case adaptive(AdaptiveStepRule)
    case constant(Double)

    var config: [String: Any] {
        switch self {
        case .adaptive(let rule):
            return ["rule": "adaptive", "c": rule.exponent, "k0": rule.k, "k_max": rule.maxK, "k_factor": rule.factor]
        case .constant(let eta):
            return ["rule": "constant", "eta": eta]
        }
    }
}

/// The exported form of a network: per layer l, `scales_l` (γ or α; empty for Unnorm) and
/// `directions_l` (v or w), exactly as `LayerWeights` stores them, plus each layer's kind.
func networkArrays(_ network: FeedForwardNetwork) -> [String: NPYArray] {
    var arrays: [String: NPYArray] = [:]
    for (l, layer) in network.layers.enumerated() {
        arrays["scales_\(l)"] = NPYArray(vector: layer.weights.scales)
        arrays["directions_\(l)"] = NPYArray(layer.weights.directions)
    }
    return arrays
}

func networkConfig(_ network: FeedForwardNetwork) -> [String: Any] {
    [
        "activation": network.activation.rawValue,
        "output_scale": network.outputScale,
        "layers": network.layers.map { ["parameterization": $0.weights.parameterization.rawValue, "trainable": $0.isTrainable] },
    ]
}

/// A peer case for a `NetworkDescentModel` trained by the figures' own descent loop
/// (`runAdaptiveDescent` / `runGradientDescent`) for exactly `steps` steps. Finals: every trainable
/// layer's stored parameters, the last log L and (adaptive) the next k.
func networkCase<L: Loss>(
    name: String, kind: PeerCase.Kind, steps: Int, summary: String, model start: NetworkDescentModel<L>,
    policy: StepPolicy, data: [String: NPYArray], extraConfig: [String: Any] = [:]
) -> PeerCase {
    var config = networkConfig(start.network).merging(policy.config) { a, _ in a }
    config.merge(extraConfig) { a, _ in a }
    return PeerCase(
        name: name, kind: kind, steps: steps, summary: summary, config: config,
        arrays: networkArrays(start.network).merging(data) { a, _ in a },
        prepare: {
            var model = start
            var adaptive: AdaptiveStepRule?
            if case .adaptive(let rule) = policy { adaptive = rule }
            var lastLogLoss = Double.nan
            return PeerCase.Run(
                advance: { n in
                    let stopping = StoppingRule(maxSteps: n)
                    switch policy {
                    case .adaptive:
                        lastLogLoss = runAdaptiveDescent(&model, rule: &adaptive!, stopping: stopping).finalLogLoss
                    case .constant(let eta):
                        lastLogLoss = runGradientDescent(&model, stepSize: eta, stopping: stopping).finalLogLoss
                    }
                },
                finals: {
                    var finals: [String: NPYArray] = ["log_loss": NPYArray(scalar: lastLogLoss)]
                    if let adaptive { finals["k"] = NPYArray(scalar: adaptive.k) }
                    for (l, layer) in model.network.layers.enumerated() where layer.isTrainable {
                        if !layer.weights.scales.isEmpty { finals["scales_\(l)"] = NPYArray(vector: layer.weights.scales) }
                        finals["directions_\(l)"] = NPYArray(layer.weights.directions)
                    }
                    return finals
                })
        })
}
