/// Hessian-vector products of a TanhMLP's loss by central differences of full gradients:
/// H v ≈ ‖D‖·[∇L(θ + εD/‖D‖) − ∇L(θ − εD/‖D‖)]/(2ε) for a direction D in weight layer `layer` only.
/// The whole forward pass, BN statistics included, is recomputed at θ ± εv, so the product
/// differentiates through the batch mean and variance. Error: truncation O(ε²) relative (≈ 1e−8 at
/// ε = 1e−4 on a unit direction), rounding ≈ 1e−16/ε of the gradient's size.
public func hessianVectorProduct(
    _ net: TanhMLP, input: TanhMLP.Input, classes: [Int], layer: Int, direction: Matrix, epsilon: Double = 1e-4
) -> TanhMLPGradient {
    let length = norm(direction.elements)
    var step = TanhMLPGradient(zeroLike: net)
    step.weights[layer] = direction
    var plus = net, minus = net
    plus.add(epsilon / length, step)
    minus.add(-epsilon / length, step)
    let high = plus.lossAndGradient(input, classes: classes).gradient
    let low = minus.lossAndGradient(input, classes: classes).gradient
    var result = high
    let factor = length / (2 * epsilon)
    for l in result.weights.indices {
        for k in result.weights[l].elements.indices { result.weights[l].elements[k] = (high.weights[l].elements[k] - low.weights[l].elements[k]) * factor }
        for k in result.biases[l].indices { result.biases[l][k] = (high.biases[l][k] - low.biases[l][k]) * factor }
        for k in result.gains[l].indices { result.gains[l][k] = (high.gains[l][k] - low.gains[l][k]) * factor }
        for k in result.shifts[l].indices { result.shifts[l][k] = (high.shifts[l][k] - low.shifts[l][k]) * factor }
    }
    return result
}

/// ‖B_i‖²_F = ‖∂²L/∂vec(W_c)∂vec(W_i)ᵀ‖²_F for every weight layer i ≠ c: exactly, from the products
/// along every unit matrix E_jk of W_c (`probes` nil), or by Hutchinson's estimator (1/K)Σ‖(H z_k)_{W_i}‖²
/// with K Rademacher probes z_k on all of W_c (unbiased: E zzᵀ = I). Layer 1 is measured in the
/// input's coordinates (row space: ‖B₁‖ = ‖B̃₁ X‖ via G).
public func crossCurvatureSquared(
    _ net: TanhMLP, input: TanhMLP.Input, classes: [Int], central c: Int, probes: Int?, generator: inout SeededGenerator
) -> [Double] {
    let shape = net.weights[c]
    var totals = [Double](repeating: 0, count: net.layerCount)
    let count = probes ?? shape.elements.count
    for k in 0..<count {
        var direction = Matrix(rows: shape.rows, columns: shape.columns)
        if probes == nil {
            direction.elements[k] = 1
        } else {
            for q in direction.elements.indices { direction.elements[q] = generator.sign() }
        }
        let product = hessianVectorProduct(net, input: input, classes: classes, layer: c, direction: direction)
        for i in 0..<net.layerCount where i != c { totals[i] += product.weightNormSquared(i, input: input) }
    }
    return totals.map { probes == nil ? $0 : $0 / Double(count) }
}
