import RealModule

/// Exponential weight normalization of one neuron, w = e^α v/‖v‖ (Morwani eq. 3–4).
/// g is ∇_w of the objective at the effective weight w; û = v/‖v‖.
public enum ExponentialWeightNorm {
    /// w = e^α v/‖v‖.
    public static func weight(scale alpha: Double, direction v: [Double]) -> [Double] {
        scaled(v, by: Double.exp(alpha) / norm(v))
    }

    /// (∂/∂α, ∂/∂v) = (e^α û·g, (e^α/‖v‖)(I − ûûᵀ) g).
    public static func gradient(scale alpha: Double, direction v: [Double], weightGradient g: [Double])
        -> (scale: Double, direction: [Double])
    {
        let e = Double.exp(alpha)
        let (along, direction) = NormalizedDirection.gradient(scale: e, direction: v, weightGradient: g)
        return (e * along, direction)
    }

    /// One gradient step of size s from the time-t values (eq. 3 and eq. 4, old α in both):
    /// α ← α − s e^α û·g;  v ← v − s (e^α/‖v‖)(I − ûûᵀ) g. `e` is e^α when the caller already has
    /// it (the forward pass computed it from this same α), else nil.
    @inline(__always)
    static func step(
        scale alpha: inout Double, direction v: UnsafeMutablePointer<Double>,
        weightGradient g: UnsafePointer<Double>, count d: Int, stepSize s: Double, scaleStepSize sScale: Double,
        exponential known: Double? = nil
    ) {
        let e = known ?? Double.exp(alpha)
        let along = NormalizedDirection.step(direction: v, weightGradient: g, count: d, stepSize: s, scale: e)  // eq. (4)
        alpha -= sScale * e * along  // Morwani eq. (3)
    }
}
