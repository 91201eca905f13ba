import Datasets
import XCTest

/// Dukler's App. F data: the first images of two digits in file order, unit norm, labels ±1.
final class TwoDigitSubsetTests: XCTestCase {
    func testTwoDigitSelectionKeepsFileOrderLabelsAndUnitNorms() throws {
        let labels: [UInt8] = [4, 1, 9, 9, 4, 7]
        let pixels = (0..<labels.count * 784).map { UInt8(($0 * 7 + 3) % 256) }
        let set = MNISTDataset(split: .train, pixels: pixels, labels: labels, sha256: ["f": "d"])
        let data = try TwoDigitSubset.select(from: set, count: 3, positiveDigit: 4, negativeDigit: 9)
        XCTAssertEqual(data.targets, [1, -1, -1])
        XCTAssertEqual(data.count, 3)
        XCTAssertEqual(data.features.count, 3 * 784)
        for i in 0..<3 {
            let row = data.features[(i * 784)..<((i + 1) * 784)]
            XCTAssertEqual(row.map { $0 * $0 }.reduce(0, +).squareRoot(), 1, accuracy: 1e-14)
        }
        // Row 1 is image 2, rescaled: proportional to its pixels.
        XCTAssertEqual(data.features[784 + 5] / data.features[784 + 4], Double(pixels[2 * 784 + 5]) / Double(pixels[2 * 784 + 4]), accuracy: 1e-12)
        XCTAssertEqual(data.positiveCount, 1)
    }

    func testAnImpossibleSelectionIsAOneLineErrorSayingWhatToAskFor() {
        let set = MNISTDataset(split: .train, pixels: [UInt8](repeating: 1, count: 2 * 784), labels: [4, 9], sha256: [:])
        XCTAssertThrowsError(try TwoDigitSubset.select(from: set, count: 5, positiveDigit: 4, negativeDigit: 9)) { error in
            XCTAssertTrue((error as? DatasetError)?.message.contains("between 1 and 2") == true)
        }
        XCTAssertThrowsError(try TwoDigitSubset.select(from: set, count: 2, positiveDigit: 4, negativeDigit: 4)) { error in
            XCTAssertEqual((error as? DatasetError)?.kind, .invalidSelection)
        }
    }
}
