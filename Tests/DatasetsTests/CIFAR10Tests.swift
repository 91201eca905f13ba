import Datasets
import Foundation
import XCTest

final class CIFAR10BatchTests: XCTestCase {
    /// A batch whose row i has label labels[i] and pixel j equal to (i + j) mod 256.
    static func batch(_ labels: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (i, label) in labels.enumerated() {
            bytes.append(label)
            bytes += (0..<CIFAR10.pixelsPerImage).map { UInt8(truncatingIfNeeded: i + $0) }
        }
        return bytes
    }

    func testRowsSplitIntoLabelsAndColourPlanes() throws {
        let batch = try CIFAR10.parseBatch(Self.batch([3, 9, 0]), file: "b.bin")
        XCTAssertEqual(batch.labels, [3, 9, 0])
        XCTAssertEqual(batch.pixels.count, 3 * 3072)
        XCTAssertEqual(batch.pixels[3072], 1, "image 1 starts with its own red plane, not with a label byte")
        XCTAssertEqual(batch.pixels[3072 + 1024], UInt8(truncatingIfNeeded: 1 + 1024), "green plane follows red")
    }

    private func assertRejected(_ bytes: [UInt8], mentions: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let error = datasetError({ _ = try CIFAR10.parseBatch(bytes, file: "b.bin") }, file: file, line: line) else { return }
        XCTAssertEqual(error.kind, .corrupt, file: file, line: line)
        XCTAssertTrue(error.message.hasPrefix("b.bin"), error.message, file: file, line: line)
        XCTAssertTrue(error.message.contains(mentions), error.message, file: file, line: line)
        XCTAssertFalse(error.message.contains("\n"), file: file, line: line)
    }

    func testARaggedBatchNamesTheRowThatIsCutShort() {
        assertRejected(Array(Self.batch([1, 2, 3]).dropLast(5)), mentions: "row 3: cut short (3068 of 3073 bytes")
    }

    func testALabelAboveNineIsRejected() {
        assertRejected(Self.batch([1, 2, 10]), mentions: "row 3: label byte 10 is not a class 0–9")
    }

    func testAnEmptyBatchIsRejected() {
        assertRejected([], mentions: "empty")
    }
}

final class CIFAR10LoaderTests: XCTestCase {
    private var repositoryData: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("data").path
    }

    func testCommittedSubsetHasItsRecordedRowsAndClasses() throws {
        let set = try CIFAR10.loadTraining(preferFull: true, dataDirectory: repositoryData)
        XCTAssertEqual(set.kind, .subset, "no full archive under data/, so the subset is used")
        XCTAssertEqual(set.count, 914)
        var counts = [Int](repeating: 0, count: 10)
        for label in set.labels { counts[Int(label)] += 1 }
        XCTAssertEqual(counts, [75, 106, 87, 90, 97, 90, 104, 88, 86, 91])
        XCTAssertEqual(set.sha256["data_batch_3.bin"], CIFAR10.subsetSHA256["data_batch_3.bin"])
    }

    func testBatchesThatAreNeitherTheSubsetNorTheFullSetAreRejected() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        for name in CIFAR10.trainingBatches { try folder.write(CIFAR10BatchTests.batch([1, 2]), as: name) }
        let error = datasetError { _ = try CIFAR10.loadTraining(preferFull: false, dataDirectory: folder.url.path) }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertTrue(error?.message.contains("neither the official ones") == true, error?.message ?? "")
    }

    func testAMissingBatchIsNamed() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.write(CIFAR10BatchTests.batch([1]), as: "data_batch_1.bin")
        let error = datasetError { _ = try CIFAR10.loadTraining(preferFull: false, dataDirectory: folder.url.path) }
        XCTAssertEqual(error?.kind, .missing)
        XCTAssertTrue(error?.message.contains("data_batch_2.bin") == true, error?.message ?? "")
    }
}
