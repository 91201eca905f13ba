import Datasets
import Experiments
import FigureKit
import Foundation
import Plot

/// Kohler et al. 2019, Fig. 3: a 6×50 tanh MLP on CIFAR-10 with and without BN, full-batch GD.
public let figure = AnyFigure(FigureDefinition(
    id: "kohler2019-fig3", citation: Citation(paper: .kohler2019, figure: "Fig. 3"),
    // Hutchinson estimates carry sampling noise; the seeded probes make them reproducible.
    tolerance: GoldenTolerance(imageRMS: 1.0, dataRelative: 1e-6, dataAbsolute: 1e-12),
    run: runKohler2019Fig3, render: renderKohler2019Fig3, claims: kohler2019Fig3Claims,
    caption: kohler2019Fig3Caption,
    inputDigests: { params, folder in try CIFAR10.loadTraining(preferFull: params.preferFullCIFAR, dataDirectory: folder).sha256 },
    gemmFlops: { $0.gemmFlops }))

public func kohler2019Fig3Caption(_ data: Kohler2019Fig3Data, params p: Kohler2019Fig3Parameters) -> String {
    let c = p.centralLayer - 1, layers = data.nets[0].crossNorms.count, last = data.measurementTimes.count - 1
    func norms(_ net: Kohler2019Fig3Net, _ m: Int) -> String {
        (0..<layers).filter { $0 != c }.map { "C\($0 + 1) \(formatNumber(net.meanCross($0, m)))" }.joined(separator: ", ")
    }
    let (bn, gd) = (data.nets[0], data.nets[1])
    let setName = data.set == .full ? "the full CIFAR-10 training set" : "the committed CIFAR-10 subset (the leading rows of the official batches)"
    return """
        A \(p.hiddenLayers)×\(p.width) tanh MLP (W₁ … W\(layers), central layer W\(p.centralLayer)) on the first \(data.imageCount) \
        training images of \(setName), per-channel standardized (CHOSEN), trained by full-batch gradient descent with η = \
        \(formatNumber(p.stepSize)) on every parameter, with batch normalization (BN: batch statistics, γ, β; CHOSEN) and without \
        (GD, biases), \(p.runs) paired run(s) (identical initial W, LeCun normal). (i) mean softmax cross-entropy, (ii) ‖∇_θL‖, \
        (iii)/(iv) C_i = ‖∂²L/∂W\(p.centralLayer)∂W_i‖_F every \(p.measureEvery) iterations, \
        \(p.probes > 0 ? "Hutchinson estimates with \(p.probes) Rademacher probes on W\(p.centralLayer)" : "exact (one Hessian-vector product per entry of W\(p.centralLayer))"), \
        each product a central difference of full gradients (ε = 1e−4 on a unit direction, through the BN statistics; truncation ≈ 1e−8 relative); \
        W₁ is held in the row space of the data (exact). Lines: geometric means over runs\(p.runs > 1 ? ", bands: \(Int(p.bandLevel * 100)) % t-intervals of the mean log10 value" : ""). \
        Measured: loss BN \(formatNumber(meanOverRuns(bn.loss, 0))) → \(formatNumber(meanOverRuns(bn.loss, p.iterations))), \
        GD \(formatNumber(meanOverRuns(gd.loss, 0))) → \(formatNumber(meanOverRuns(gd.loss, p.iterations))); at t = 0: BN \(norms(bn, 0)); \
        GD \(norms(gd, 0)); at t = \(data.measurementTimes[last]): BN \(norms(bn, last)); GD \(norms(gd, last)).
        """
}
