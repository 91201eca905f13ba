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

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}

private struct SizeParams: FigureParameters {
    var n: Int
    static func preset(_ scale: Scale) -> SizeParams { SizeParams(n: 4) }
}

/// Two figures drawing on one slow computation, as Morwani's Figs. 7 and 11 do.
private struct SharingFigure: Figure {
    let id: String
    let counter: Counter
    /// Continued from a checkpoint: 5 s computed by earlier sessions, in two named parts.
    var resumed = false
    var citation: Citation { Citation(paper: .morwani2021, figure: "test") }
    func run(_ params: SizeParams, context: RunContext) throws -> [Double] {
        try context.shared("test-shared-training", parameters: params) {
            counter.increment()
            if resumed {
                context.addEarlierSeconds(5)
                context.notePartSeconds(["a": 2, "b": 3.5])
            }
            Thread.sleep(forTimeInterval: 0.1)
            return (0..<params.n).map { Double($0) * 0.5 }
        }
    }
    func render(_ data: [Double], params: SizeParams) throws -> Chart { Chart(width: 60, height: 40, panel: Panel()) }
    func claims(_ data: [Double], params: SizeParams, scale: Scale) -> [Claim] { [] }
    func caption(_ data: [Double], params: SizeParams) -> String { "shared" }
}

/// The pipeline's bookkeeping around a run: throughput reporting and experiments shared by figures.
final class PipelineTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("pipeline-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func produce<F: Figure>(_ figure: F, rate: Double = 0, useCache: Bool = true) throws -> FigureOutcome {
        let workspace = Workspace(root: root)
        let request = FigureRequest(
            figure: AnyFigure(figure), scale: .smoke, formats: [.png], useCache: useCache, referenceGemmRate: { rate })
        return try produceFigure(request, into: root, workspace: workspace, cache: ResultCache(folder: workspace.cache))
    }

    func testAGemmBoundFigureReportsItsRateAndTheMachinesDgemmRateAndARerenderKeepsThem() throws {
        let timings = try produce(CountingFigure(reportsFlops: true), rate: 50).manifest.timings
        XCTAssertEqual(timings.dgemm_gflops, 50)
        let gflops = try XCTUnwrap(timings.gflops)
        // 3e9 flops over run_s ≥ 0.05 s (run_s is rounded to the millisecond, the rate to 0.1 GFLOP/s).
        XCTAssertGreaterThanOrEqual(timings.run_s, 0.05)
        XCTAssertEqual(gflops, 3 / timings.run_s, accuracy: 0.05 + 0.02 * gflops)
        XCTAssertEqual(timings.dgemmFraction!, gflops / 50, accuracy: 1e-12)

        let again = try produce(CountingFigure(reportsFlops: true), rate: 999).manifest.timings
        XCTAssertEqual(again.dgemm_gflops, 50, "a re-render from the cache reports the run's own measurement")
        XCTAssertEqual(again.gflops, timings.gflops)

        let rerun = try produce(CountingFigure(reportsFlops: true), rate: 70, useCache: false).manifest.timings
        XCTAssertEqual(rerun.dgemm_gflops, 70)
    }

    func testAFigureWithoutGemmWorkReportsNoRate() throws {
        let timings = try produce(CountingFigure(reportsFlops: false), rate: 50).manifest.timings
        XCTAssertNil(timings.gflops)
        XCTAssertNil(timings.dgemm_gflops)
        let manifest = try String(contentsOf: root.appendingPathComponent("counting-plain.manifest.json"), encoding: .utf8)
        XCTAssertFalse(manifest.contains("gflops"), "absent, not null")
    }

    func testTheSecondFigureReusesTheFirstOnesComputationAndReportsItsRunTime() throws {
        let counter = Counter()
        let first = try produce(SharingFigure(id: "sharing-a", counter: counter))
        let second = try produce(SharingFigure(id: "sharing-b", counter: counter))
        XCTAssertEqual(counter.count, 1)
        XCTAssertEqual(
            try Data(contentsOf: try XCTUnwrap(first.file(".json"))).count,
            try Data(contentsOf: try XCTUnwrap(second.file(".json"))).count)
        XCTAssertFalse(second.fromCache, "the figure itself ran; only the shared part was re-used")
        XCTAssertGreaterThanOrEqual(second.manifest.timings.run_s, 0.1, "run_s includes the re-used computation's time")
    }

    func testAResumedSharedRunCountsItsEarlierSessionsAndPartsForBothFigures() throws {
        let counter = Counter()
        let first = try produce(SharingFigure(id: "sharing-a", counter: counter, resumed: true)).manifest.timings
        let second = try produce(SharingFigure(id: "sharing-b", counter: counter, resumed: true)).manifest.timings
        XCTAssertEqual(counter.count, 1)
        for timings in [first, second] {
            XCTAssertGreaterThanOrEqual(timings.run_s, 5.1, "the earlier sessions' 5 s and this one's 0.1 s")
            XCTAssertEqual(timings.parts_s, ["a": 2, "b": 3.5])
        }
        XCTAssertNil(try produce(SharingFigure(id: "sharing-c", counter: counter), useCache: false).manifest.timings.parts_s)
    }

    func testWithoutTheCacheEveryFigureComputesItsOwn() throws {
        let counter = Counter()
        _ = try produce(SharingFigure(id: "sharing-a", counter: counter), useCache: false)
        _ = try produce(SharingFigure(id: "sharing-b", counter: counter), useCache: false)
        XCTAssertEqual(counter.count, 2)
    }

    func testOtherParametersOrAnotherSeedComputeAgain() throws {
        let counter = Counter()
        let store = ResultCache(folder: root)
        for (n, seed) in [(4, UInt64(0)), (5, 0), (4, 1), (4, 0)] {
            let context = RunContext(seed: seed, scale: .smoke, sharedResults: store)
            let value = try context.shared("test", parameters: SizeParams(n: n)) { () -> Int in
                counter.increment()
                return n
            }
            XCTAssertEqual(value, n)
        }
        XCTAssertEqual(counter.count, 3)  // the last call re-uses the first
    }
}

/// `git_commit`: "-dirty" only when code differs, not when the tool's own outputs were rewritten.
final class GitCommitTests: XCTestCase {
    private func git(_ arguments: [String], in folder: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=t", "-c", "user.email=t@t"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " "))")
    }

    func testRewrittenFiguresLeaveTheCommitCleanAndChangedCodeMarksItDirty() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("git-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["figures", "golden", "Sources"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let files = ["figures/a.json", "golden/a.json", "Sources/a.swift"]
        for file in files { try Data("1".utf8).write(to: root.appendingPathComponent(file)) }
        try git(["init", "-q"], in: root)
        try git(["add", "."], in: root)
        try git(["commit", "-q", "-m", "start"], in: root)
        let clean = Versions.gitCommit(in: root)
        XCTAssertEqual(clean.count, 40, clean)

        try Data("2".utf8).write(to: root.appendingPathComponent("figures/a.json"))
        try Data("2".utf8).write(to: root.appendingPathComponent("golden/a.json"))
        XCTAssertEqual(Versions.gitCommit(in: root), clean)

        try Data("2".utf8).write(to: root.appendingPathComponent("Sources/a.swift"))
        XCTAssertEqual(Versions.gitCommit(in: root), clean + "-dirty")
    }
}
