import FigureKit
import Foundation
import Plot
import XCTest

private struct CountParams: FigureParameters {
    var n: Int
    static func preset(_ scale: Scale) -> CountParams { CountParams(n: scale == .smoke ? 3 : 5) }
}

/// A figure whose "work" is n·1e9 flops; `reportsFlops` decides whether it says so.
private struct CountingFigure: Figure {
    let reportsFlops: Bool
    var id: String { reportsFlops ? "counting-gemm" : "counting-plain" }
    var citation: Citation { Citation(paper: .wu2020, figure: "test") }
    func run(_ params: CountParams, context: RunContext) throws -> [Double] {
        Thread.sleep(forTimeInterval: 0.05)  // long enough for run_s's millisecond rounding not to matter
        return (0..<params.n).map(Double.init)
    }
    func render(_ data: [Double], params: CountParams) throws -> Chart {
        Chart(width: 60, height: 40, panel: Panel())
    }
    func claims(_ data: [Double], params: CountParams, scale: Scale) -> [Claim] { [] }
    func caption(_ data: [Double], params: CountParams) -> String { "count" }
    func gemmFlops(_ data: [Double]) -> Double? { reportsFlops ? Double(data.count) * 1e9 : nil }
}

final class PipelineThroughputTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func produce(_ figure: CountingFigure, rate: Double, useCache: Bool = true) throws -> Manifest.Timings {
        let workspace = Workspace(root: root)
        let request = FigureRequest(
            figure: AnyFigure(figure), scale: .smoke, formats: [.png], useCache: useCache, referenceGemmRate: { rate })
        return try produceFigure(request, into: root, workspace: workspace, cache: ResultCache(folder: workspace.cache))
            .manifest.timings
    }

    func testAGemmBoundFigureReportsItsRateAndTheMachinesDgemmRateAndARerenderKeepsThem() throws {
        let timings = try produce(CountingFigure(reportsFlops: true), rate: 50)
        XCTAssertEqual(timings.dgemm_gflops, 50)
        let gflops = try XCTUnwrap(timings.gflops)
        // 3e9 flops over run_s ≥ 0.05 s (run_s is rounded to the millisecond, the rate to 0.1 GFLOP/s).
        XCTAssertGreaterThanOrEqual(timings.run_s, 0.05)
        XCTAssertEqual(gflops, 3 / timings.run_s, accuracy: 0.05 + 0.02 * gflops)
        XCTAssertEqual(timings.dgemmFraction!, gflops / 50, accuracy: 1e-12)

        let again = try produce(CountingFigure(reportsFlops: true), rate: 999)
        XCTAssertEqual(again.dgemm_gflops, 50, "a re-render from the cache reports the run's own measurement")
        XCTAssertEqual(again.gflops, timings.gflops)

        let rerun = try produce(CountingFigure(reportsFlops: true), rate: 70, useCache: false)
        XCTAssertEqual(rerun.dgemm_gflops, 70)
    }

    func testAFigureWithoutGemmWorkReportsNoRate() throws {
        let timings = try produce(CountingFigure(reportsFlops: false), rate: 50)
        XCTAssertNil(timings.gflops)
        XCTAssertNil(timings.dgemm_gflops)
        let manifest = try String(contentsOf: root.appendingPathComponent("counting-plain.manifest.json"), encoding: .utf8)
        XCTAssertFalse(manifest.contains("gflops"), "absent, not null")
    }
}
