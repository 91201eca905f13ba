import Datasets
import Experiments
import FigureKit
import Foundation
import Kohler2019Fig3
import XCTest

/// Kohler Fig. 3 at smoke scale: exact cross norms against Hutchinson and the other side of the mixed
/// derivative, the preprocessing, the data set named in the caption, and a claim that can fail.
final class Kohler2019Fig3Tests: XCTestCase {
    private static let smoke = Kohler2019Fig3Parameters.preset(.smoke)
    private static let smokeData = Result { try runKohler2019Fig3(smoke, context: RunContext(seed: 0, scale: .smoke)) }
    private func data() throws -> Kohler2019Fig3Data { try Self.smokeData.get() }

    func testExactCrossNormsAgreeWithHutchinsonAndWithTheOutputSide() throws {
        for net in try data().nets {
            let estimate = try XCTUnwrap(net.checkEstimate)
            for i in [0, 1, 2, 4, 5, 6] { XCTAssertEqual(estimate[i], net.crossNorms[i][0][0], accuracy: 0.05 * net.crossNorms[i][0][0], "\(net.name) W\(i + 1)") }
            XCTAssertEqual(try XCTUnwrap(net.outputSideNorm), net.crossNorms[6][0][0], accuracy: 1e-6 * net.crossNorms[6][0][0])
            XCTAssertTrue(net.crossNorms[3].allSatisfy(\.isEmpty), "W4 is not paired with itself")
        }
    }

    func testBothNetsTrainAndRecordEveryIteration() throws {
        let d = try data()
        XCTAssertEqual(d.measurementTimes, [0, 10, 20, 30])
        for net in d.nets {
            XCTAssertEqual(net.loss[0].count, 31)
            XCTAssertLessThan(net.loss[0][30], net.loss[0][0], "\(net.name) loss falls")
        }
        XCTAssertNotEqual(d.nets[0].loss[0][0], d.nets[1].loss[0][0], "BN changes the network")
    }

    func testImagesAreStandardizedPerChannel() throws {
        let set = try CIFAR10.loadTraining(preferFull: false)
        let x = standardizedImages(set, count: 64)
        for channel in 0..<3 {
            let values = (0..<64).flatMap { i in (channel * 1024..<(channel + 1) * 1024).map { x[i, $0] } }
            let mean = values.reduce(0, +) / Double(values.count)
            XCTAssertEqual(mean, 0, accuracy: 1e-12)
            XCTAssertEqual(values.reduce(0) { $0 + $1 * $1 } / Double(values.count), 1, accuracy: 1e-12)
        }
    }

    func testCaptionNamesTheSubset() throws {
        XCTAssertTrue(kohler2019Fig3Caption(try data(), params: Self.smoke).contains("committed CIFAR-10 subset"))
    }

    func testHutchinsonClaimFailsWhenTheEstimateIsOff() throws {
        var d = try data()
        d.nets[0].checkEstimate![2] *= 1.2
        let failed = kohler2019Fig3Claims(d, params: Self.smoke, scale: .smoke).filter { !$0.passed }.map(\.id)
        XCTAssertEqual(failed, ["fig3-exact-vs-hutchinson"])
    }
}
