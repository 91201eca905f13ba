import Datasets
import Foundation
import XCTest

final class MNISTLoaderTests: XCTestCase {
    func testRawFilesLoadImagesAndLabelsInFileOrder() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [7, 2, 1])

        let set = try MNIST.load(.test, from: folder.url, check: .structure)
        XCTAssertEqual(set.count, 3)
        XCTAssertEqual(set.labels, [7, 2, 1])
        XCTAssertEqual(Array(set.image(1)), Array(IDXFolder.pixels(count: 3)[784..<1568]))
        XCTAssertEqual(set.image(2).first, 14)
        XCTAssertEqual(set.sha256.keys.sorted(), ["t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"])
    }

    func testCompressedBytesDecompressToTheInputAndAreTheSameEveryTime() throws {
        var bytes = [UInt8]()
        for i in 0..<200_000 { bytes.append(UInt8((i * 7919) % 251)) }
        for input in [bytes, [], Array("{\"k\":1.5}".utf8)] {
            let packed = Gzip.compress(input)
            XCTAssertTrue(Gzip.isCompressed(packed))
            XCTAssertEqual(try Gzip.decompress(packed, file: "test"), input)
            XCTAssertEqual(Gzip.compress(input), packed, "no time stamp in the header")
        }
        XCTAssertLessThan(Gzip.compress(bytes).count, bytes.count / 2)
    }

    func testGzipFilesGiveTheSameDataAsRawFiles() throws {
        let raw = try IDXFolder(), zipped = try IDXFolder()
        defer { raw.remove(); zipped.remove() }
        // 100 images = 78 400 pixel bytes: more than one stored deflate block.
        let labels = (0..<100).map { UInt8($0 % 10) }
        try raw.writeSplit(.train, labels: labels)
        try zipped.writeSplit(.train, labels: labels, gzip: true)

        let fromRaw = try MNIST.load(.train, from: raw.url, check: .structure)
        let fromGzip = try MNIST.load(.train, from: zipped.url, check: .structure)
        XCTAssertEqual(fromGzip.pixels, fromRaw.pixels)
        XCTAssertEqual(fromGzip.labels, fromRaw.labels)
        // The digest is of the uncompressed content, so both copies give the same one.
        XCTAssertEqual(fromGzip.sha256, fromRaw.sha256)
    }

    func testZlibCompressedStreamDecodes() throws {
        // gzip -9 (mtime 0) of the IDX label file 3 1 4 1 5 9 2 6 5 3 5 8.
        let stream: [UInt8] = [
            0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x63, 0x60, 0xe0, 0x60, 0x64, 0x60, 0x60, 0xe0,
            0x61, 0x66, 0x64, 0x61, 0x64, 0xe5, 0x64, 0x62, 0x63, 0x65, 0x66, 0xe5, 0x00, 0x00, 0x30, 0xd3, 0xdc, 0xf4,
            0x14, 0x00, 0x00, 0x00,
        ]
        let bytes = try Gzip.decompress(stream, file: "labels.gz")
        let array = try IDXArray(parsing: bytes, file: "labels")
        XCTAssertEqual(array.dimensions, [12])
        XCTAssertEqual(array.values, [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8])
    }

    func testTruncatedGzipIsReportedAsCorrupt() throws {
        let whole = StoredGzip.encode(IDXArray(dimensions: [4], values: [1, 2, 3, 4]).encoded())
        let error = datasetError { _ = try Gzip.decompress(Array(whole.dropLast(6)), file: "x.gz") }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertTrue(error?.message.contains("x.gz") == true)
        XCTAssertTrue(error?.message.contains("make data") == true)
    }

    func testGzipWithWrongChecksumIsReportedAsCorrupt() throws {
        var stream = StoredGzip.encode([0, 0, 8, 1, 0, 0, 0, 1, 5])
        stream[stream.count - 8] ^= 0xff
        XCTAssertEqual(datasetError { _ = try Gzip.decompress(stream, file: "x.gz") }?.kind, .corrupt)
    }

    func testIDXEncodingRoundTrips() throws {
        let array = IDXArray(dimensions: [2, 3, 1], values: [9, 8, 7, 6, 5, 4])
        XCTAssertEqual(try IDXArray(parsing: array.encoded(), file: "f"), array)
        XCTAssertEqual(Array(array.encoded().prefix(8)), [0, 0, 8, 3, 0, 0, 0, 2])
    }

    func testBadMagicNumberNamesTheFileAndTheFix() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1, 2])
        var bytes = IDXArray(dimensions: [2, 28, 28], values: IDXFolder.pixels(count: 2)).encoded()
        bytes[0] = 0x42
        try folder.write(bytes, as: "t10k-images-idx3-ubyte")

        let error = datasetError { _ = try MNIST.load(.test, from: folder.url, check: .structure) }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertEqual(error?.file, "t10k-images-idx3-ubyte")
        XCTAssertTrue(error?.message.contains("magic") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("make data") == true)
        XCTAssertFalse(error?.message.contains("\n") == true)
    }

    func testWrongElementTypeIsRejected() throws {
        var bytes = IDXArray(dimensions: [2], values: [1, 2]).encoded()
        bytes[2] = 0x0d  // float
        XCTAssertEqual(datasetError { _ = try IDXArray(parsing: bytes, file: "f") }?.kind, .corrupt)
    }

    func testTruncatedDataIsRejected() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1, 2])
        let bytes = IDXArray(dimensions: [2, 28, 28], values: IDXFolder.pixels(count: 2)).encoded()
        try folder.write(Array(bytes.dropLast(10)), as: "t10k-images-idx3-ubyte")

        let error = datasetError { _ = try MNIST.load(.test, from: folder.url, check: .structure) }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertTrue(error?.message.contains("1558") == true, error?.message ?? "")
    }

    func testLabelCountMustMatchImageCount() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1, 2, 3])
        try folder.write(IDXArray(dimensions: [2], values: [1, 2]).encoded(), as: "t10k-labels-idx1-ubyte")

        let error = datasetError { _ = try MNIST.load(.test, from: folder.url, check: .structure) }
        XCTAssertEqual(error?.file, "t10k-labels-idx1-ubyte")
        XCTAssertTrue(error?.message.contains("2 labels for 3 images") == true, error?.message ?? "")
    }

    func testImagesMustBe28By28() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1])
        try folder.write(IDXArray(dimensions: [1, 28, 27], values: [UInt8](repeating: 0, count: 756)).encoded(),
                         as: "t10k-images-idx3-ubyte")
        XCTAssertEqual(datasetError { _ = try MNIST.load(.test, from: folder.url, check: .structure) }?.file,
                       "t10k-images-idx3-ubyte")
    }

    func testLabelsMustBeDigits() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1, 10])
        let error = datasetError { _ = try MNIST.load(.test, from: folder.url, check: .structure) }
        XCTAssertTrue(error?.message.contains("label 10 at index 1") == true, error?.message ?? "")
    }

    func testMissingFileNamesTheFileAndTheFix() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1])
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("t10k-labels-idx1-ubyte"))

        let error = datasetError { _ = try MNIST.load(.test, from: folder.url) }
        XCTAssertEqual(error?.kind, .missing)
        XCTAssertEqual(error?.file, "t10k-labels-idx1-ubyte")
        XCTAssertTrue(error?.message.contains(folder.url.path) == true)
        XCTAssertTrue(error?.message.contains("make data") == true)
        XCTAssertTrue(error?.message.contains("WNFIGURES_DATA_DIR") == true)
    }

    func testOfficialCheckRejectsAFileWithAnotherDigest() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [1, 2])

        let error = datasetError { _ = try MNIST.load(.test, from: folder.url, check: .official) }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertEqual(error?.file, "t10k-images-idx3-ubyte")
        XCTAssertTrue(error?.message.contains("not the official") == true, error?.message ?? "")
        XCTAssertTrue(error?.message.contains("0fa7898d5092") == true)
    }

    func testFilesInAnMNISTSubfolderAndDottedNamesAreFound() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.writeSplit(.test, labels: [4, 9], in: "mnist")
        XCTAssertEqual(try MNIST.load(.test, from: folder.url, check: .structure).labels, [4, 9])

        let dotted = try IDXFolder()
        defer { dotted.remove() }
        try dotted.write(IDXArray(dimensions: [1], values: [3]).encoded(), as: "t10k-labels.idx1-ubyte")
        XCTAssertEqual(MNIST.locate(.testLabels, in: dotted.url)?.lastPathComponent, "t10k-labels.idx1-ubyte")
        XCTAssertNil(MNIST.locate(.testImages, in: dotted.url))
    }

    func testOfficialDescriptionsMatchTheDistribution() {
        XCTAssertEqual(MNISTFile.trainImages.officialDimensions, [60_000, 28, 28])
        XCTAssertEqual(MNISTFile.testLabels.officialDimensions, [10_000])
        XCTAssertEqual(Set(MNISTFile.allCases.map(\.officialSHA256)).count, 4)
        XCTAssertTrue(MNISTFile.allCases.allSatisfy { $0.officialSHA256.count == 64 })
    }
}
