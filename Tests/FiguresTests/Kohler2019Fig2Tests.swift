import Experiments
import FigureKit
import Foundation
import Kohler2019Fig2
import XCTest

/// Kohler Fig. 2 at smoke scale: common starts, the Newton optimum, the a9a subset, and failable claims.
final class Kohler2019Fig2Tests: XCTestCase {
    private static let smoke = Kohler2019Fig2Parameters.preset(.smoke)
    private static let smokeData = Result { try runKohler2019Fig2(smoke, context: RunContext(seed: 0, scale: .smoke)) }
    private func data() throws -> Kohler2019Fig2Data { try Self.smokeData.get() }

    func testEveryMethodStartsFromTheSameInitialization() throws {
        for panel in try data().panels {
            let first = panel.curves.map { $0.mean[0] }
            for value in first { XCTAssertEqual(value, first[0], accuracy: 1e-12, "\(panel.dataset) \(panel.phi)") }
            XCTAssertEqual(panel.methods, HalfspaceMethod.allCases)
        }
    }

    func testSoftplusOptimumIsANewtonStationaryPointBelowEveryIterate() throws {
        for dataset in ["gaussian", "a9a"] {
            let panel = try data().panel(dataset, .softplus)
            XCTAssertLessThan(try XCTUnwrap(panel.newtonGradientNorm), 1e-12)
            for curve in panel.curves { XCTAssertGreaterThanOrEqual(curve.lower.min()!, -16 - 1e-9, "clamped at 1e−16, never below f*") }
        }
    }

    func testSmokeUsesTheFirst2000RowsOfTheCommittedA9A() throws {
        let d = try data()
        XCTAssertEqual(d.a9aRows, 2000)
        XCTAssertGreaterThan(d.a9aNonZeros, 13 * 2000)
        XCTAssertEqual(d.panel("a9a", .softplus).stepSize, 1 / (0.25 * d.a9aSmoothness), accuracy: 1e-12)
    }

    func testGDNPClaimFailsWhenGDNPIsReplacedByGD() throws {
        var d = try data()
        for k in d.panels.indices { d.panels[k].curves[4] = d.panels[k].curves[0] }
        let claims = kohler2019Fig2Claims(d, params: Self.smoke, scale: .smoke)
        XCTAssertEqual(claims.filter { !$0.passed }.map(\.id), ["fig2-gauss-softplus-gdnp-beats-gd"])
        XCTAssertTrue(kohler2019Fig2Claims(try data(), params: Self.smoke, scale: .smoke).allSatisfy(\.passed))
    }

    func testRunZerosStartDoesNotDependOnTheNumberOfRuns() {
        // wnbench's kohler_gdnp runs the figure's run 0 alone.
        let ten = kohler2019Fig2Start(dataset: "a9a", dimension: 123, runs: 10, seed: 0)
        let one = kohler2019Fig2Start(dataset: "a9a", dimension: 123, runs: 1, seed: 0)
        for i in 0..<123 { XCTAssertEqual(ten[i, 0], one[i, 0]) }
        XCTAssertNotEqual(ten[0, 1], ten[0, 0])
    }
}
