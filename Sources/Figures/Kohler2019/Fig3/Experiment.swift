import Datasets
import Experiments
import FigureKit
import Foundation

/// One network (BN or GD) over all runs.
public struct Kohler2019Fig3Net: Codable, Sendable {
    public var name: String
    /// Loss at every iteration t = 0…T, per run.
    public var loss: [[Double]]
    /// ‖∇_θL‖₂ at t = 0, normEvery, …, per run.
    public var gradientNorm: [[Double]]
    /// C_i(t) = ‖∂²L/∂W_c∂W_i‖_F at t = 0, M, 2M, …: crossNorms[i][r][m] (i = 0…6, the central one empty).
    public var crossNorms: [[[Double]]]
    /// Smoke check at t = 0 (run 0): Hutchinson estimates with many probes, and ‖B_last‖ from the output layer's side.
    public var checkEstimate: [Double]?
    public var outputSideNorm: Double?

    /// Geometric mean over runs of C_i at measurement m (the plotted line; CHOSEN: the curves span
    /// decades, so runs are averaged, and banded, in log10).
    public func meanCross(_ i: Int, _ m: Int) -> Double {
        pow(10, crossNorms[i].reduce(0) { $0 + log10($1[m]) } / Double(crossNorms[i].count))
    }
}

public struct Kohler2019Fig3Data: Codable, Sendable {
    public var set: CIFAR10Set.Kind
    public var imageCount: Int
    public var measurementTimes: [Int]
    public var normTimes: [Int]
    public var nets: [Kohler2019Fig3Net]
    /// Multiply-adds of all products, for the manifest's rate.
    public var gemmFlops: Double
}

public func runKohler2019Fig3(_ p: Kohler2019Fig3Parameters, context: RunContext) throws -> Kohler2019Fig3Data {
    guard p.hiddenLayers >= 2, (2...p.hiddenLayers).contains(p.centralLayer), p.width >= 1, p.runs >= 1, p.iterations >= 1,
          p.measureEvery >= 1, p.normEvery >= 1, p.probes >= 0, p.imageCount >= 0 else {
        throw FigureKitError(.usage, "kohler2019-fig3: need hiddenLayers ≥ 2, 2 ≤ centralLayer ≤ hiddenLayers, positive width, runs, iterations, measureEvery, normEvery")
    }
    let cifar = try CIFAR10.loadTraining(preferFull: p.preferFullCIFAR, dataDirectory: context.dataDirectory)
    let n = p.imageCount > 0 ? min(p.imageCount, cifar.count) : cifar.count
    let x = standardizedImages(cifar, count: n)
    let classes = cifar.labels[..<n].map(Int.init)
    let sizes = [CIFAR10.pixelsPerImage] + Array(repeating: p.width, count: p.hiddenLayers) + [10]
    let c = p.centralLayer - 1
    // Row-space coordinates for W₁ when n < d (exact: GD keeps W₁ − W₁(0) in the row space of X).
    let gram = n < CIFAR10.pixelsPerImage ? matmul(x, x, transposeB: true) : nil

    var nets = ["BN", "GD"].map { Kohler2019Fig3Net(name: $0, loss: [], gradientNorm: [], crossNorms: Array(repeating: [], count: sizes.count - 1)) }
    for r in 0..<p.runs {
        let initial = SeededGenerator(seed: context.seed, stream: "init").stream(UInt64(r))
        for (k, batchNorm) in [true, false].enumerated() {
            var generator = initial  // paired: both nets of run r get identical W
            var net = TanhMLP(sizes: sizes, batchNorm: batchNorm, generator: &generator)
            let input: TanhMLP.Input
            if let gram {
                input = .rowSpace(gram: gram, offset: matmul(x, net.weights[0], transposeB: true))
                net.weights[0] = Matrix(rows: p.width, columns: n)  // A = 0: W₁ = W₁(0)
            } else {
                input = .full(x)
            }
            var probes = SeededGenerator(seed: context.seed, stream: "probes").stream(UInt64(10_000 + r))
            var loss: [Double] = [], norms: [Double] = [], cross: [[Double]] = Array(repeating: [], count: sizes.count - 1)
            for t in 0...p.iterations {
                let (value, gradient) = net.lossAndGradient(input, classes: classes)
                loss.append(value)
                if t % p.normEvery == 0 { norms.append(gradient.normSquared(input: input).squareRoot()) }
                if t % p.measureEvery == 0 {
                    let squared = crossCurvatureSquared(net, input: input, classes: classes, central: c,
                                                        probes: p.probes > 0 ? p.probes : nil, generator: &probes)
                    for i in cross.indices where i != c { cross[i].append(squared[i].squareRoot()) }
                    if t == 0 && r == 0 && p.checkProbes > 0 {
                        var checkGenerator = SeededGenerator(seed: context.seed, stream: "check-probes")
                        let estimate = crossCurvatureSquared(net, input: input, classes: classes, central: c, probes: p.checkProbes, generator: &checkGenerator)
                        nets[k].checkEstimate = estimate.map { $0.squareRoot() }
                        // ‖B_last‖ from the other side: products along the unit matrices of the output layer, read in W_c.
                        let last = sizes.count - 2
                        let fromOutput = crossCurvatureSquared(net, input: input, classes: classes, central: last, probes: nil, generator: &checkGenerator)
                        nets[k].outputSideNorm = fromOutput[c].squareRoot()
                    }
                }
                context.progress.report("\(nets[k].name) run \(r + 1)/\(p.runs)", step: t, of: p.iterations, loss: value)
                if t < p.iterations { net.add(-p.stepSize, gradient) }
            }
            nets[k].loss.append(loss)
            nets[k].gradientNorm.append(norms)
            for i in cross.indices { nets[k].crossNorms[i].append(cross[i]) }
        }
    }
    let perGradient = 2.0 * Double(n) * (Double(gram == nil ? CIFAR10.pixelsPerImage : n) * Double(p.width) * 2
        + Double(p.width * p.width) * Double(2 * (p.hiddenLayers - 1)) + Double(10 * p.width * 2))
    let measurements = Double(p.iterations / p.measureEvery + 1)
    let gradients = Double(p.runs * 2) * (Double(p.iterations + 1) + measurements * 2 * Double(p.probes > 0 ? p.probes : p.width * p.width))
    return Kohler2019Fig3Data(
        set: cifar.kind, imageCount: n, measurementTimes: Array(stride(from: 0, through: p.iterations, by: p.measureEvery)),
        normTimes: Array(stride(from: 0, through: p.iterations, by: p.normEvery)), nets: nets, gemmFlops: perGradient * gradients)
}

/// x = byte/255, then per colour channel minus the mean and over the (population) standard deviation,
/// both over all count·1024 values of the channel (CHOSEN, standard); rows in file order, R, G, B planes.
public func standardizedImages(_ set: CIFAR10Set, count n: Int) -> Matrix {
    let d = CIFAR10.pixelsPerImage, plane = d / 3
    var x = Matrix(rows: n, columns: d)
    for k in 0..<(n * d) { x.elements[k] = Double(set.pixels[k]) / 255 }
    for channel in 0..<3 {
        var sum = 0.0, squares = 0.0
        for i in 0..<n { for j in (channel * plane)..<((channel + 1) * plane) { sum += x.elements[i * d + j] } }
        let mean = sum / Double(n * plane)
        for i in 0..<n { for j in (channel * plane)..<((channel + 1) * plane) { let v = x.elements[i * d + j] - mean; squares += v * v } }
        let sd = (squares / Double(n * plane)).squareRoot()
        for i in 0..<n { for j in (channel * plane)..<((channel + 1) * plane) { x.elements[i * d + j] = (x.elements[i * d + j] - mean) / sd } }
    }
    return x
}
