/// x = g·(direction of w): Wu et al.'s WN (Algorithm 1, w free) and rPGD (Algorithm 2, ‖w‖ = 1),
/// stepped from the gradient of the loss in x, so one descent loop drives either.
public protocol ScaleDirectionParameterization {
    init(g: Double, w: [Double])
    var g: Double { get }
    var x: [Double] { get }
    mutating func step(xGradient G: [Double], eta: Double, gamma: Double)
}

extension WuWeightNorm: ScaleDirectionParameterization {}
extension ProjectedWeightNorm: ScaleDirectionParameterization {}
