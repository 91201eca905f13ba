import FigureKit

/// morwani2021-fig1: the ε-ball of parameter space mapped into the 2-D weight plane for EWN
/// ([α, v]), SWN ([γ, v]) and Unnorm (w), around six centres (FIGURES.md, morwani2021-fig1).
public struct NeighbourhoodParameters: FigureParameters {
    /// Radius ε of the parameter-space ball (caption, line 101).
    public var epsilon: Double
    /// Weight-space centres w0 = (centreX[i], centreY[i]); CHOSEN (the paper lists none).
    public var centreX: [Double]
    public var centreY: [Double]
    /// Vertices of each analytic boundary polygon (a multiple of 4, so that the polygon has a
    /// vertex on the ray of w0 and at both angular tips).
    public var vertexCount: Int
    /// Monte-Carlo samples drawn uniformly in each parameter ball to test the region formula.
    public var samplesPerRegion: Int

    public static func preset(_ scale: Scale) -> NeighbourhoodParameters {
        // Geometry only: every scale is the paper's picture; smoke uses coarser polygons and fewer samples.
        let coarse = scale == .smoke
        return NeighbourhoodParameters(
            epsilon: 0.5,
            centreX: [1, 4, 2, 6, 9, 2],
            centreY: [1, 2, 5, 6, 2, 9],
            vertexCount: coarse ? 72 : 720,
            samplesPerRegion: coarse ? 1_000 : 100_000)
    }

    /// The centres as points.
    public var centres: [[Double]] { zip(centreX, centreY).map { [$0, $1] } }

    /// Throws one line naming the bad value and the fix.
    public func validate() throws {
        guard epsilon > 0 && epsilon < 1 else {
            throw FigureKitError(.usage, "epsilon = \(epsilon): the ball radius must lie in (0, 1) because ‖v0‖ = 1; use e.g. --set epsilon=0.5")
        }
        guard !centreX.isEmpty && centreX.count == centreY.count else {
            throw FigureKitError(.usage, "centreX has \(centreX.count) values and centreY \(centreY.count): give the same, non-zero number of coordinates")
        }
        for w0 in centres where (w0[0] * w0[0] + w0[1] * w0[1]).squareRoot() <= epsilon {
            throw FigureKitError(.usage, "centre (\(w0[0]), \(w0[1])) has norm ≤ ε = \(epsilon): SWN's ball would reach γ ≤ 0 and fold through the origin; choose centres with ‖w0‖ > ε")
        }
        guard vertexCount >= 8 && vertexCount % 4 == 0 else {
            throw FigureKitError(.usage, "vertexCount = \(vertexCount): use a multiple of 4 that is at least 8 (e.g. 720)")
        }
        guard samplesPerRegion >= 1 else {
            throw FigureKitError(.usage, "samplesPerRegion = \(samplesPerRegion): draw at least one sample per region")
        }
    }
}
