import Experiments
import FigureKit
import Foundation

/// A curve y(x) with its legend name.
public struct GallerySeries: Codable, Equatable, Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
}

/// Gradient descent on the quadratic bowl from one start.
public struct GalleryTrajectory: Codable, Equatable, Sendable {
    public var start: [Double]
    public var x1: [Double]
    public var x2: [Double]
    /// f at every iterate.
    public var values: [Double]
}

/// Everything the gallery plots: synthetic, deterministic data exercising every scale and mark.
public struct PlotGalleryData: Codable, Equatable, Sendable {
    /// (a) power laws y = c·x^{-p} on log–log axes, and noisy samples of one of them.
    public var powerLaws: [GallerySeries]
    public var noisySamples: GallerySeries
    /// (b) log L(t) = −r·t + wiggle for three rates, carried in the log domain down to −300.
    public var logLosses: [GallerySeries]
    /// Half-width of the band drawn around each log-loss curve (natural-log units).
    public var logLossBand: Double
    /// (c) a training loss and a slowly growing α on a twin axis.
    public var steps: [Double]
    public var trainingLoss: [Double]
    public var trainingLossSD: [Double]
    public var alpha: [Double]
    /// (d) the quadratic bowl f(x) = ½ xᵀ S x on a grid and gradient-descent trajectories on it.
    public var bowlMatrix: [Double]
    public var bowlGrid: [Double]
    public var bowlValues: [Double]
    public var trajectories: [GalleryTrajectory]
    /// (e) log10(1 + Rosenbrock) on a grid.
    public var rosenbrockX: [Double]
    public var rosenbrockY: [Double]
    public var rosenbrockLog: [Double]
}

/// Samples the gallery's analytic functions; the only random draws, panel (a)'s noise, come from the
/// run's seeded generator like every figure's.
public func runPlotGallery(_ params: PlotGalleryParameters, context: RunContext) throws -> PlotGalleryData {
    guard params.curvePoints >= 2, params.gridSize >= 3, params.descentSteps >= 1, params.trainingSteps >= 10 else {
        throw FigureKitError(.input, "plot-gallery needs curvePoints ≥ 2, gridSize ≥ 3, descentSteps ≥ 1 and trainingSteps ≥ 10")
    }
    let n = params.curvePoints
    let xs = (0..<n).map { pow(10, -2 + 4 * Double($0) / Double(n - 1)) }
    let powerLaws = [(1.0, "x^{−1}"), (2.0, "x^{−2}"), (0.5, "x^{−1/2}")].map { p, name in
        GallerySeries(name: name, x: xs, y: xs.map { pow($0, -p) })
    }
    var noise = SeededGenerator(seed: context.seed, stream: "noise")
    let sampleX = stride(from: 0, to: n, by: 3).map { xs[$0] }
    let noisy = GallerySeries(name: "samples", x: sampleX, y: sampleX.map { 0.1 * pow($0, -1.5) * exp(0.4 * (noise.uniform() - 0.5)) })

    let times = (0..<n).map { 1000 * Double($0) / Double(n - 1) }
    let logLosses = [(0.3, "r = 0.3"), (0.2, "r = 0.2"), (0.1, "r = 0.1")].map { r, name in
        GallerySeries(name: name, x: times, y: times.map { -r * $0 + 2 * sin($0 / 60) })
    }

    let k = params.trainingSteps
    let steps = (0..<k).map(Double.init)
    let loss = steps.map { 2.6 * exp(-$0 / (0.2 * Double(k))) + 0.15 + 0.05 * sin($0 / 7) }
    let lossSD = steps.map { 0.25 * exp(-$0 / (0.3 * Double(k))) + 0.03 }
    let alpha = steps.map { 0.004 + 0.008 * (1 - exp(-$0 / (0.4 * Double(k)))) }

    // (d) f(x) = ½ xᵀ S x with S = [[1, 0.8], [0.8, 1]]; gradient S x.
    let s = [1.0, 0.8, 0.8, 1.0]
    func bowl(_ x1: Double, _ x2: Double) -> Double { 0.5 * (s[0] * x1 * x1 + 2 * s[1] * x1 * x2 + s[3] * x2 * x2) }
    let grid = (0..<params.gridSize).map { -3 + 6 * Double($0) / Double(params.gridSize - 1) }
    let bowlValues = grid.flatMap { y in grid.map { x in bowl(x, y) } }
    let starts = [[-2.6, 2.2], [2.5, 1.0], [-0.5, -2.7]]
    let trajectories = starts.map { start -> GalleryTrajectory in
        var x = start, path1 = [x[0]], path2 = [x[1]], values = [bowl(x[0], x[1])]
        for _ in 0..<params.descentSteps {
            let g = [s[0] * x[0] + s[1] * x[1], s[2] * x[0] + s[3] * x[1]]
            x = [x[0] - params.descentStep * g[0], x[1] - params.descentStep * g[1]]
            path1.append(x[0]); path2.append(x[1]); values.append(bowl(x[0], x[1]))
        }
        return GalleryTrajectory(start: start, x1: path1, x2: path2, values: values)
    }

    let rx = (0..<params.gridSize).map { -2 + 4 * Double($0) / Double(params.gridSize - 1) }
    let ry = (0..<params.gridSize).map { -1 + 4 * Double($0) / Double(params.gridSize - 1) }
    func rosenbrockValue(_ x: Double, _ y: Double) -> Double {
        let a: Double = 1 - x, b: Double = y - x * x
        return a * a + 100 * b * b
    }
    let rosenbrock = ry.flatMap { y in rx.map { x in log10(1 + rosenbrockValue(x, y)) } }

    return PlotGalleryData(
        powerLaws: powerLaws, noisySamples: noisy, logLosses: logLosses, logLossBand: 15,
        steps: steps, trainingLoss: loss, trainingLossSD: lossSD, alpha: alpha,
        bowlMatrix: s, bowlGrid: grid, bowlValues: bowlValues, trajectories: trajectories,
        rosenbrockX: rx, rosenbrockY: ry, rosenbrockLog: rosenbrock)
}
