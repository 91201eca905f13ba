import FigureKit
import Foundation
import Plot
import XCTest

private struct ThresholdParams: FigureParameters {
    var bound: Double
    static func preset(_ scale: Scale) -> ThresholdParams { ThresholdParams(bound: 10) }
}

/// Data [1, 2, 3]; the claim "every value ≤ bound" holds for it.
private struct ThresholdFigure: Figure {
    var id: String { "threshold-test" }
    var citation: Citation { Citation(paper: .wu2020, figure: "test") }
    func run(_ params: ThresholdParams, context: RunContext) throws -> [Double] { [1, 2, 3 + Double(context.seed)] }
    func render(_ data: [Double], params: ThresholdParams) throws -> Chart { Chart(width: 60, height: 40, panel: Panel()) }
    func claims(_ data: [Double], params: ThresholdParams, scale: Scale) -> [Claim] {
        [.atMost("bounded", "every value is at most the bound", value: data.max() ?? .nan, bound: params.bound)]
    }
    func caption(_ data: [Double], params: ThresholdParams) -> String { "threshold" }
}

/// `wnfig check` recomputes claims from the data on disk and the manifest's parameters.
final class ClaimRecheckTests: XCTestCase {
    private var root: URL!
    private let figure = AnyFigure(ThresholdFigure())

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("recheck-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let request = FigureRequest(figure: figure, scale: .smoke, formats: [.png], useCache: false)
        _ = try produceFigure(request, into: root, workspace: Workspace(root: root), cache: nil)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private var dataURL: URL { root.appendingPathComponent("threshold-test.json") }

    func testUntouchedFilesPassWithTheManifestsVerdict() throws {
        let recheck = try ClaimRecheck.recheck(figure, in: root)
        XCTAssertTrue(recheck.passed, recheck.summary)
        XCTAssertEqual(recheck.claims.map(\.id), ["bounded"])
        XCTAssertTrue(recheck.disagreements.isEmpty)
    }

    func testTamperedDataWithAnUntouchedManifestFailsTheRecomputedClaim() throws {
        try Data("[1,2,30]".utf8).write(to: dataURL)
        let recheck = try ClaimRecheck.recheck(figure, in: root)
        XCTAssertFalse(recheck.passed)
        XCTAssertEqual(recheck.failedClaims.map(\.id), ["bounded"], "the claim was recomputed from the new data")
        XCTAssertEqual(recheck.disagreements, ["bounded"], "the manifest still says it passed")
        XCTAssertFalse(recheck.dataMatchesManifest)
        XCTAssertTrue(recheck.summary.contains("30"), recheck.summary)
    }

    func testTheManifestsParametersAreTheOnesTheClaimsAreJudgedWith() throws {
        let manifestURL = root.appendingPathComponent("threshold-test.manifest.json")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        try text.replacingOccurrences(of: "\"bound\" : 10", with: "\"bound\" : 2").write(to: manifestURL, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ClaimRecheck.recheck(figure, in: root).failedClaims.map(\.id), ["bounded"])
    }

    func testAMissingOrCorruptFileIsAnInputErrorNamingIt() throws {
        try Data("{not json".utf8).write(to: dataURL)
        XCTAssertThrowsError(try ClaimRecheck.recheck(figure, in: root)) { error in
            let message = (error as? FigureKitError)?.message ?? ""
            XCTAssertTrue(message.contains("threshold-test.json"), message)
        }
        try FileManager.default.removeItem(at: dataURL)
        XCTAssertThrowsError(try ClaimRecheck.recheck(figure, in: root)) { error in
            XCTAssertTrue(((error as? FigureKitError)?.message ?? "").contains("missing"))
        }
        try FileManager.default.removeItem(at: root.appendingPathComponent("threshold-test.manifest.json"))
        XCTAssertThrowsError(try ClaimRecheck.recheck(figure, in: root)) { error in
            XCTAssertTrue(((error as? FigureKitError)?.message ?? "").contains("manifest"))
        }
    }

    func testASweepJudgesEachClaimOverTheSeedsThroughTheCache() throws {
        let workspace = Workspace(root: root)
        let cache = ResultCache(folder: workspace.cache)
        let request = FigureRequest(figure: figure, scale: .smoke, overrides: ["bound=5"])
        var lines: [String] = []
        let sweep = try sweepSeeds(request, seeds: [0, 1, 2, 3, 4], workspace: workspace, cache: cache) { lines.append($0) }
        // Data max is 3 + seed: the claim holds for seeds 0, 1, 2.
        XCTAssertEqual(sweep.seeds, [0, 1, 2, 3, 4])
        XCTAssertEqual(sweep.claims.map(\.rate), ["3/5"])
        XCTAssertEqual(sweep.claims[0].per_seed.filter { !$0.passed }.map(\.seed), [3, 4])
        XCTAssertTrue(sweep.table.contains("3,4"), sweep.table)
        XCTAssertEqual(lines.count, 5)
        let again = try sweepSeeds(request, seeds: [0, 1, 2, 3, 4], workspace: workspace, cache: cache)
        XCTAssertEqual(again, sweep)
    }

    func testSeedListsParseRangesAndListsAndRejectNonsense() throws {
        XCTAssertEqual(try SeedRange.parse("0-4"), [0, 1, 2, 3, 4])
        XCTAssertEqual(try SeedRange.parse("0,2,5-7"), [0, 2, 5, 6, 7])
        XCTAssertEqual(SeedRange.describe([0, 1, 2, 3]), "0-3")
        for bad in ["", "4-1", "a", "1,1", "-3", "0-"] {
            XCTAssertThrowsError(try SeedRange.parse(bad), bad)
        }
    }
}
