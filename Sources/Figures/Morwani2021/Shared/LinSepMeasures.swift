import Experiments

/// The quantities Figs. 2, 3, 8, 9 plot and check, each a plain function of recorded states.
extension LinSepRun {
    /// The neurons that keep growing: ‖w_u(T)‖ ≥ fraction · max_v ‖w_v(T)‖ (0-based).
    public func growingNeurons(fraction: Double) -> [Int] {
        let norms = final.norms
        let top = norms.max() ?? 0
        return norms.indices.filter { norms[$0] >= fraction * top }
    }

    /// The first recorded state at or past the snapshot of `level` (its step), or nil.
    public func snapshot(_ level: Double) -> LinSepState? {
        snapshots.first { $0.level == level }?.state
    }

    /// The recorded states from the first step with log L ≤ `level` on (empty if never reached).
    public func states(from level: Double) -> ArraySlice<LinSepState> {
        guard let first = states.firstIndex(where: { $0.logLoss <= level }) else { return [] }
        return states[first...]
    }
}

extension LinSepState {
    /// w(t)/‖w(t)‖ restricted to the neurons `neurons`, flattened (Fig. 2 (c)).
    public func directionComponents(_ neurons: [Int]) -> [Double] {
        let total = norm(weights.flatMap { $0 })
        return neurons.flatMap { weights[$0].map { $0 / total } }
    }

    /// ℓ/‖ℓ‖₂ = p/‖p‖₂ (Fig. 2 (d)).
    public var lossDirection: [Double] {
        let length = norm(lossShares)
        return lossShares.map { $0 / length }
    }

    /// cos(−∇_w L(t), g̃) with g̃ = −∇_w L at `last` (Prop. 2 (i); Fig. 3 (a)): G is ∇L/L, same direction.
    public func gradientCosine(to last: LinSepState) -> Double {
        cosine(gradient.flatMap { $0 }, last.gradient.flatMap { $0 })
    }

    /// cos(w_u, −∇_{w_u}L) (Prop. 2 (ii); Fig. 3 (b)).
    public func weightAntiGradientCosine(_ u: Int) -> Double {
        cosine(weights[u], gradient[u].map { -$0 })
    }
}

/// Theorem 2's relation between ‖w_u‖ and ‖∇_{w_u}L‖ on the growing neurons, written as
/// ln‖∇_{w_u}L‖ = slope · ln‖w_u‖ + const: EWN (i) slope −1 (‖w_u‖·‖∇_{w_u}L‖ common to them),
/// SWN (ii) slope +1 (‖∇_{w_u}L‖/‖w_u‖ common).
public struct Theorem2Relation: Equatable, Sendable {
    public let slope: Double

    public init(_ parameterization: WeightParameterization) {
        slope = parameterization == .exponential ? -1 : 1
    }

    init(slope: Double) { self.slope = slope }

    /// The relation of the other parameterization (EWN's for SWN and vice versa).
    public var other: Theorem2Relation { Theorem2Relation(slope: -slope) }

    /// ln‖∇_{w_u}L‖ − slope·ln‖w_u‖ for each neuron in `neurons`: constant over u when the relation holds.
    public func invariants(_ state: LinSepState, neurons: [Int]) -> [Double] {
        let logNorms = state.logNorms, logGradients = state.logGradientNorms
        return neurons.map { logGradients[$0] - slope * logNorms[$0] }
    }

    /// max − min of `invariants`.
    public func spread(_ state: LinSepState, neurons: [Int]) -> Double {
        let values = invariants(state, neurons: neurons)
        return (values.max() ?? 0) - (values.min() ?? 0)
    }

    /// The name of the invariant: "ln‖w_u‖ + ln‖∇_{w_u}L‖" or "ln‖∇_{w_u}L‖ − ln‖w_u‖".
    public var invariantName: String {
        slope < 0 ? "ln‖w_u‖ + ln‖∇_{w_u}L‖" : "ln‖∇_{w_u}L‖ − ln‖w_u‖"
    }
}

/// Least-squares slope of y on x (nan with fewer than 2 distinct x).
public func leastSquaresSlope(x: [Double], y: [Double]) -> Double {
    let n = Double(x.count)
    guard x.count >= 2 else { return .nan }
    let mx = x.reduce(0, +) / n, my = y.reduce(0, +) / n
    let sxx = x.reduce(0) { $0 + ($1 - mx) * ($1 - mx) }
    let sxy = zip(x, y).reduce(0) { $0 + ($1.0 - mx) * ($1.1 - my) }
    return sxx > 0 ? sxy / sxx : .nan
}
