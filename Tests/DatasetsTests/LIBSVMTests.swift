import Datasets
import Foundation
import XCTest

final class LIBSVMParserTests: XCTestCase {
    private func parse(_ text: String, features: Int = 5, labels: LIBSVMLabels = .binary) throws -> LIBSVMDataset {
        try LIBSVM.parse(Array(text.utf8), file: "toy", featureCount: features, labels: labels)
    }

    func testRowsBecomeCompressedSparseRowsWithZeroBasedIndices() throws {
        let set = try parse("+1 1:0.5 3:2 \n-1 2:1e-1\n-1\n")
        XCTAssertEqual(set.labels, [1, -1, -1])
        XCTAssertEqual(set.rowStarts, [0, 2, 3, 3])
        XCTAssertEqual(set.columns, [0, 2, 1])
        XCTAssertEqual(set.values, [0.5, 2, 0.1])
        XCTAssertEqual(set.dense(), [0.5, 0, 2, 0, 0, 0, 0.1, 0, 0, 0, 0, 0, 0, 0, 0])
    }

    func testTheForcedFeatureCountHoldsEvenWhenTheLastFeatureIsUnused() throws {
        let set = try parse("1 1:1\n-1 2:1", features: 123)
        XCTAssertEqual(set.featureCount, 123)
        XCTAssertEqual(set.dense().count, 2 * 123)
    }

    func testWindowsLineEndsAndTabsAreWhitespace() throws {
        let set = try parse("+1\t1:1\r\n-1 4:3\r\n")
        XCTAssertEqual(set.columns, [0, 3])
        XCTAssertEqual(set.labels, [1, -1])
    }

    func testNumericLabelsAreAcceptedForRegressionFiles() throws {
        XCTAssertEqual(try parse("2.5 1:1\n-7 2:1\n", labels: .numeric).labels, [2.5, -7])
    }

    /// Each defect: one line naming the file and the row, and no data set at all.
    private func assertRejected(_ text: String, row: Int, mentions: String, features: Int = 5,
                                file: StaticString = #filePath, line: UInt = #line) {
        guard let error = datasetError({ _ = try parse(text, features: features) }, file: file, line: line) else { return }
        XCTAssertEqual(error.kind, .corrupt, file: file, line: line)
        XCTAssertTrue(error.message.hasPrefix("toy, row \(row): "), error.message, file: file, line: line)
        XCTAssertTrue(error.message.contains(mentions), error.message, file: file, line: line)
        XCTAssertFalse(error.message.contains("\n"), "one line: \(error.message)", file: file, line: line)
        XCTAssertTrue(error.message.contains("; "), "names a fix: \(error.message)", file: file, line: line)
    }

    func testBadLabelsAreRejectedWithTheirRow() {
        assertRejected("+1 1:1\nyes 2:1\n", row: 2, mentions: "label 'yes' is not a number")
        assertRejected("+1 1:1\n-1 1:1\n2 2:1\n", row: 3, mentions: "label '2' is not +1 or -1")
        assertRejected("nan 1:1\n", row: 1, mentions: "label 'nan'")
    }

    func testIndexZeroIsRejected() {
        assertRejected("+1 0:1 2:1\n", row: 1, mentions: "feature index 0")
    }

    func testIndexBeyondTheFeatureCountIsRejected() {
        assertRejected("+1 1:1\n-1 124:1\n", row: 2, mentions: "feature index 124 is beyond the 123 features", features: 123)
    }

    func testNonNumericValuesAndIndicesAreRejected() {
        assertRejected("+1 1:abc\n", row: 1, mentions: "value 'abc' of feature 1")
        assertRejected("+1 1:inf\n", row: 1, mentions: "value 'inf'")
        assertRejected("+1 1:\n", row: 1, mentions: "value ''")
        assertRejected("+1 x:1\n", row: 1, mentions: "feature index 'x'")
        assertRejected("+1 -2:1\n", row: 1, mentions: "feature index '-2'")
        assertRejected("+1 1:1 2\n", row: 1, mentions: "entry '2' has no ':'")
    }

    func testIndicesMustIncreaseWithinARow() {
        assertRejected("+1 3:1 2:1\n", row: 1, mentions: "feature index 2 follows 3")
        assertRejected("+1 3:1 3:1\n", row: 1, mentions: "feature index 3 follows 3")
    }

    func testBlankRowsInsideTheFileAreRejected() {
        assertRejected("+1 1:1\n\n-1 2:1\n", row: 2, mentions: "the row is empty")
    }

    func testAnEmptyFileIsRejected() {
        XCTAssertTrue(datasetError { _ = try parse("") }?.message.contains("no rows") == true)
    }
}

final class OfficialA9ATests: XCTestCase {
    /// The committed copy under data/a9a (found from this file's path, not the current folder).
    private var repositoryData: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data").path
    }

    func testCommittedA9AHasTheOfficialShape() throws {
        let train = try LIBSVM.load(.a9a, dataDirectory: repositoryData)
        XCTAssertEqual(train.rowCount, 32_561)
        XCTAssertEqual(train.nonZeroCount, 451_592)
        XCTAssertEqual(train.featureCount, 123)
        XCTAssertEqual(Set(train.labels), [1, -1])
        XCTAssertEqual(train.sha256, ["a9a": LIBSVMFile.a9a.officialSHA256])
        let test = try LIBSVM.load(.a9aTest, dataDirectory: repositoryData)
        XCTAssertEqual(test.rowCount, 16_281)
        XCTAssertLessThan(test.columns.max() ?? 0, 122, "a9a.t never uses feature 123")
    }

    func testACopyWithOtherContentIsRejectedBySHA256() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.write(Array("+1 1:1\n".utf8), as: "a9a")
        let error = datasetError { _ = try LIBSVM.load(.a9a, dataDirectory: folder.url.path) }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertTrue(error?.message.contains("is not the official LIBSVM a9a") == true, error?.message ?? "")
    }
}
