import FigureKit
import Foundation
import Plot
import XCTest

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
    var citation: Citation { Citation(paper: .morwani2021, figure: "test") }
    func run(_ params: SizeParams, context: RunContext) throws -> [Double] {
        try context.shared("test-shared-training", parameters: params) {
            counter.increment()
            Thread.sleep(forTimeInterval: 0.1)
            return (0..<params.n).map { Double($0) * 0.5 }
        }
    }
    func render(_ data: [Double], params: SizeParams) throws -> Chart { Chart(width: 60, height: 40, panel: Panel()) }
    func claims(_ data: [Double], params: SizeParams, scale: Scale) -> [Claim] { [] }
    func caption(_ data: [Double], params: SizeParams) -> String { "shared" }
}

final class SharedExperimentsTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("shared-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func produce(_ figure: SharingFigure, useCache: Bool = true) throws -> FigureOutcome {
        let workspace = Workspace(root: root)
        let request = FigureRequest(figure: AnyFigure(figure), scale: .smoke, formats: [.png], useCache: useCache)
        return try produceFigure(request, into: root, workspace: workspace, cache: ResultCache(folder: workspace.cache))
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

    func testWithoutTheCacheEveryFigureComputesItsOwn() throws {
        let counter = Counter()
        _ = try produce(SharingFigure(id: "sharing-a", counter: counter), useCache: false)
        _ = try produce(SharingFigure(id: "sharing-b", counter: counter), useCache: false)
        XCTAssertEqual(counter.count, 2)
    }

    func testOtherParametersOrAnotherSeedComputeAgain() throws {
        let counter = Counter()
        let store = SharedExperiments(folder: root)
        for (n, seed) in [(4, UInt64(0)), (5, 0), (4, 1), (4, 0)] {
            let context = RunContext(seed: seed, scale: .smoke, sharedExperiments: store)
            let value = try context.shared("test", parameters: SizeParams(n: n)) { () -> Int in
                counter.increment()
                return n
            }
            XCTAssertEqual(value, n)
        }
        XCTAssertEqual(counter.count, 3)  // the last call re-uses the first
    }
}
