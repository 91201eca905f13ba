import Experiments
import FigureKit
import Morwani2021Fig10
import Morwani2021Shared
import XCTest

/// Morwani Fig. 10: the Fig. 5 runs plus SWN from the same start.
final class Morwani2021Fig10Tests: XCTestCase {
    private let smoke = XORAppendixParameters.preset(.smoke)

    func testParametersAreFig5sPlusSWNsCap() {
        for scale in Scale.allCases {
            let params = XORAppendixParameters.preset(scale)
            XCTAssertEqual(params.xor, XORParameters.preset(scale))
            XCTAssertEqual(params.kMaxSWN, 0.1)
        }
    }

    func testPanelsBAndCAreExactlyTheFig5RunsAndSWNStartsThere() throws {
        let context = RunContext(seed: 2, scale: .smoke)
        let data = try runXORAppendix(smoke, context: context)
        XCTAssertEqual(data.xor, try runXOR(smoke.xor, context: context))
        XCTAssertEqual(data.swn.parameterization, .standard)
        XCTAssertEqual(data.swn.stepRule.maxK, 0.1)
        for j in 0..<20 {
            XCTAssertEqual(Double(data.swn.norms[j][0]), norm(data.xor.start.weights[j]), accuracy: 1e-6)
        }
    }

    /// Fig. 10 draws Fig. 5's runs: with a cache, it reads them instead of training them again.
    func testFig10ReadsFig5sRunsFromTheCacheInsteadOfRetraining() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xor-share-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = ResultCache(folder: root.appendingPathComponent("cache"))
        let runs = cache.folder
        func entries() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).filter { $0.hasSuffix(".data.json") }.count
        }
        let context = RunContext(seed: 2, scale: .smoke, sharedResults: cache)
        let fig5 = try runXOR(smoke.xor, context: context)
        XCTAssertEqual(entries(), 1, "the XOR pair is stored under the experiment's name")
        let fig10 = try runXORAppendix(smoke, context: context)
        XCTAssertEqual(entries(), 1, "Fig. 10 found the pair instead of training and storing it again")
        XCTAssertEqual(fig10.xor, fig5)
    }

    func testSWNNormIsTheAbsoluteValueOfGammaAndMatchesTheWeights() throws {
        let data = try runXORAppendix(smoke, context: RunContext(seed: 0, scale: .smoke))
        XCTAssertTrue(data.swn.reachedTarget)
        XCTAssertTrue(data.swn.finalNorms.allSatisfy { $0 >= 0 })
        for j in 0..<20 {
            XCTAssertEqual(norm(data.swn.finalWeights[j]), data.swn.finalNorms[j], accuracy: 1e-9 * max(1, data.swn.finalNorms[j]))
        }
    }

    func testClaimsIncludeFig5sAndFailWhenSWNIsSparse() throws {
        let data = try runXORAppendix(smoke, context: RunContext(seed: 0, scale: .smoke))
        let claims = xorAppendixClaims(data, params: smoke, scale: .smoke)
        XCTAssertEqual(claims.map(\.id), ["xor-ewn-four", "xor-unnorm-all", "xor-swn-many", "xor-ewn-sparser-than-swn"])
        XCTAssertTrue(claims.allSatisfy(\.passed), "\(claims)")

        var sparse = data
        sparse.swn.finalNorms = [30, 30, 30, 30] + Array(repeating: 0.01, count: 16)
        sparse.swn.finalLogLoss = -10
        let broken = xorAppendixClaims(sparse, params: smoke, scale: .default)
        for id in ["xor-swn-many", "xor-ewn-sparser-than-swn", "xor-swn-progress"] {
            XCTAssertEqual(broken.first { $0.id == id }?.passed, false, id)
        }
    }
}
