import Foundation

/// A fully connected tanh network on a full batch, with or without batch normalization
/// (Kohler et al. 2019, §5.3, Fig. 3), trained on the mean softmax cross-entropy:
///   plain:  a_l = h_{l−1}W_lᵀ + c_l,                     h_l = tanh(a_l)        (l < N)
///   BN:     a_l = h_{l−1}W_lᵀ, â_l = (a_l − mean a_l)/sqrt(var a_l + ε),  h_l = tanh(γ_l⊙â_l + β_l)
///   output: logits = h_{N−1}W_Nᵀ + c_N (never normalized).
/// Batch mean and variance (1/n) are over the whole batch and are part of the graph, so gradients
/// (and the Hessian-vector products built from them) differentiate through them.
///
/// The first layer may be held in row-space coordinates: gradient descent moves W₁ only within the
/// row space of X, so W₁ = W₁(0) + A·X with A (m × n) and X W₁ᵀ = X W₁(0)ᵀ + G Aᵀ, G = XXᵀ.
/// Then `.rowSpace` keeps the n × m offset X W₁(0)ᵀ and G, and the "gradient" of layer 1 is the
/// coefficient δ₁ᵀ of ∇_{W₁}L = δ₁ᵀX: A ← A − ηδ₁ᵀ is exactly W₁ ← W₁ − η∇_{W₁}L, and
/// ‖∇_{W₁}L‖²_F = tr(δ₁ᵀGδ₁). Exact, cheaper when n < d (914 CIFAR images of 3072 values).
public struct TanhMLP: Codable, Sendable, Equatable {
    public enum Input: Sendable {
        /// X itself (n × d); layer 1 is W₁ (m × d).
        case full(Matrix)
        /// G = XXᵀ (n × n) and X W₁(0)ᵀ (n × m); layer 1 is A (m × n).
        case rowSpace(gram: Matrix, offset: Matrix)

        var count: Int {
            switch self {
            case .full(let x): return x.rows
            case .rowSpace(let g, _): return g.rows
            }
        }
    }

    public var weights: [Matrix]
    /// c_l: every layer of the plain net; only the output layer of the BN net (empty arrays elsewhere).
    public var biases: [[Double]]
    /// γ_l, β_l of the BN hidden layers (empty for the plain net and the output layer).
    public var gains: [[Double]]
    public var shifts: [[Double]]
    public let batchNorm: Bool
    public let epsilon: Double

    /// Layer sizes [d, m, …, m, k]; W_l ~ N(0, 1/fan_in) from `generator` (LeCun normal), biases 0, γ = 1, β = 0.
    public init(sizes: [Int], batchNorm: Bool, epsilon: Double = 1e-5, generator: inout SeededGenerator) {
        let layers = sizes.count - 1
        weights = (0..<layers).map { l in
            generator.normalMatrix(rows: sizes[l + 1], columns: sizes[l], standardDeviation: 1 / Double(sizes[l]).squareRoot())
        }
        biases = (0..<layers).map { l in (!batchNorm || l == layers - 1) ? [Double](repeating: 0, count: sizes[l + 1]) : [] }
        gains = (0..<layers).map { l in (batchNorm && l < layers - 1) ? [Double](repeating: 1, count: sizes[l + 1]) : [] }
        shifts = gains.map { $0.map { _ in 0 } }
        self.batchNorm = batchNorm
        self.epsilon = epsilon
    }

    public var layerCount: Int { weights.count }

    /// θ ← θ + a·d for every parameter.
    public mutating func add(_ a: Double, _ d: TanhMLPGradient) {
        for l in 0..<layerCount {
            for k in weights[l].elements.indices { weights[l].elements[k] += a * d.weights[l].elements[k] }
            for k in biases[l].indices { biases[l][k] += a * d.biases[l][k] }
            for k in gains[l].indices { gains[l][k] += a * d.gains[l][k] }
            for k in shifts[l].indices { shifts[l][k] += a * d.shifts[l][k] }
        }
    }

    /// Mean cross-entropy and its gradient (layer 1 in the input's coordinates, see above).
    public func lossAndGradient(_ input: Input, classes: [Int]) -> (loss: Double, gradient: TanhMLPGradient) {
        let n = input.count, layers = layerCount
        var hidden: [Matrix] = [], normalized: [Matrix] = [], inverseSD: [[Double]] = []
        var previous: Matrix? = nil
        for l in 0..<layers {
            var a: Matrix
            if l == 0 {
                switch input {
                case .full(let x): a = matmul(x, weights[0], transposeB: true)
                case .rowSpace(let g, let offset):
                    a = offset
                    gemm(g, weights[0], into: &a, transposeB: true, beta: 1)
                }
            } else {
                a = matmul(previous!, weights[l], transposeB: true)
            }
            let m = a.columns
            if l == layers - 1 || !batchNorm {
                for i in 0..<n { for j in 0..<m { a.elements[i * m + j] += biases[l][j] } }
            }
            if l == layers - 1 { previous = a; break }
            if batchNorm {
                var mean = [Double](repeating: 0, count: m), variance = mean
                for i in 0..<n { for j in 0..<m { mean[j] += a.elements[i * m + j] } }
                for j in 0..<m { mean[j] /= Double(n) }
                for i in 0..<n { for j in 0..<m { let c = a.elements[i * m + j] - mean[j]; variance[j] += c * c } }
                let scale = variance.map { 1 / ($0 / Double(n) + epsilon).squareRoot() }
                for i in 0..<n { for j in 0..<m { a.elements[i * m + j] = (a.elements[i * m + j] - mean[j]) * scale[j] } }
                normalized.append(a)
                inverseSD.append(scale)
                for i in 0..<n { for j in 0..<m { a.elements[i * m + j] = gains[l][j] * a.elements[i * m + j] + shifts[l][j] } }
            }
            a.elements.withUnsafeMutableBufferPointer { values in
                let target = values
                ParallelPanels.forEachChunk(of: target.count, workPerItem: 40) { range in
                    for k in range { target[k] = tanh(target[k]) }  // element-wise: the split cannot change a value
                }
            }
            hidden.append(a)
            previous = a
        }
        // Softmax cross-entropy, mean over the batch: ∂L/∂logits = (softmax − onehot)/n.
        var delta = previous!
        let k = delta.columns
        var loss = 0.0
        for i in 0..<n {
            let row = delta.elements[(i * k)..<((i + 1) * k)]
            let top = row.max()!
            let sum = row.reduce(0) { $0 + exp($1 - top) }
            loss += top + log(sum) - delta.elements[i * k + classes[i]]
            for j in 0..<k { delta.elements[i * k + j] = exp(delta.elements[i * k + j] - top) / sum / Double(n) }
            delta.elements[i * k + classes[i]] -= 1 / Double(n)
        }
        var gradient = TanhMLPGradient(zeroLike: self)
        for l in stride(from: layers - 1, through: 0, by: -1) {
            let m = delta.columns
            if l < layers - 1 {
                // δ arrives as ∂L/∂h_l: through tanh, then BN or the bias.
                let h = hidden[l]
                for q in delta.elements.indices { delta.elements[q] *= 1 - h.elements[q] * h.elements[q] }
                if batchNorm {
                    let xhat = normalized[l]
                    var meanD = [Double](repeating: 0, count: m), meanDX = meanD
                    for i in 0..<n {
                        for j in 0..<m {
                            let q = i * m + j
                            gradient.gains[l][j] += delta.elements[q] * xhat.elements[q]
                            gradient.shifts[l][j] += delta.elements[q]
                            delta.elements[q] *= gains[l][j]  // ∂L/∂â
                            meanD[j] += delta.elements[q]
                            meanDX[j] += delta.elements[q] * xhat.elements[q]
                        }
                    }
                    // ∂L/∂a = (∂â − mean ∂â − â·mean(∂â⊙â))/sqrt(var + ε).
                    for i in 0..<n {
                        for j in 0..<m {
                            let q = i * m + j
                            delta.elements[q] = (delta.elements[q] - meanD[j] / Double(n) - xhat.elements[q] * meanDX[j] / Double(n)) * inverseSD[l][j]
                        }
                    }
                }
            }
            if !gradient.biases[l].isEmpty {
                for i in 0..<n { for j in 0..<m { gradient.biases[l][j] += delta.elements[i * m + j] } }
            }
            if l == 0 {
                switch input {
                case .full(let x): gradient.weights[0] = matmul(delta, x, transposeA: true)
                case .rowSpace: gradient.weights[0] = delta.transposed  // the coefficient δ₁ᵀ of ∇_{W₁}L = δ₁ᵀX
                }
            } else {
                gradient.weights[l] = matmul(delta, hidden[l - 1], transposeA: true)
                delta = matmul(delta, weights[l])
            }
        }
        return (loss / Double(n), gradient)
    }
}

/// Gradients (or any direction) shaped like a TanhMLP's parameters.
public struct TanhMLPGradient: Sendable {
    public var weights: [Matrix]
    public var biases: [[Double]]
    public var gains: [[Double]]
    public var shifts: [[Double]]

    public init(zeroLike net: TanhMLP) {
        weights = net.weights.map { Matrix(rows: $0.rows, columns: $0.columns) }
        biases = net.biases.map { $0.map { _ in 0 } }
        gains = net.gains.map { $0.map { _ in 0 } }
        shifts = net.shifts.map { $0.map { _ in 0 } }
    }

    /// ‖W_l block‖²_F, with layer 1 in the input's coordinates (row space: tr(δ₁ᵀGδ₁)).
    public func weightNormSquared(_ l: Int, input: TanhMLP.Input) -> Double {
        if l == 0, case .rowSpace(let g, _) = input {
            let coefficient = weights[0]  // m × n
            let projected = matmul(coefficient, g)  // δ₁ᵀG
            return dot(projected.elements, coefficient.elements)
        }
        return Experiments.normSquared(weights[l].elements)
    }

    /// ‖∇_θ L‖²_F over all parameters.
    public func normSquared(input: TanhMLP.Input) -> Double {
        var total = 0.0
        for l in weights.indices {
            total += weightNormSquared(l, input: input)
            total += Experiments.normSquared(biases[l]) + Experiments.normSquared(gains[l]) + Experiments.normSquared(shifts[l])
        }
        return total
    }
}
