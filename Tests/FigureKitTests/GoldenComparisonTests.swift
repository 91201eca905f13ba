import FigureKit
import Foundation
import Plot
import XCTest

final class GoldenComparisonTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("golden"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func image(_ width: Int, _ height: Int, value: (Int, Int) -> UInt8) -> RasterImage {
        var rgba = [UInt8](repeating: 255, count: width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let v = value(x, y)
                rgba[4 * (y * width + x)] = v
                rgba[4 * (y * width + x) + 1] = v
                rgba[4 * (y * width + x) + 2] = v
            }
        }
        return RasterImage(width: width, height: height, rgba: rgba)
    }

    private func write(_ image: RasterImage, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try AtomicFile.write(try image.encodePNG(), to: url)
        return url
    }

    private func writeJSON(_ text: String, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try AtomicFile.write(Data(text.utf8), to: url)
        return url
    }

    func testIdenticalFigureMatches() throws {
        let picture = image(20, 10) { x, y in UInt8((x * 7 + y * 3) % 256) }
        let png = try write(picture, "fig.png")
        _ = try write(picture, "golden/fig.png")
        let json = try writeJSON(#"{"y":[1,2,3]}"#, "fig.json")
        _ = try writeJSON(#"{"y":[1,2,3.0000000001]}"#, "golden/fig.json")
        let result = GoldenComparison.compare(
            id: "fig", actualPNG: png, actualJSON: json, goldenFolder: folder.appendingPathComponent("golden"),
            resultsFolder: folder.appendingPathComponent("results"), tolerance: GoldenTolerance())
        XCTAssertTrue(result.passed, result.summary)
        XCTAssertEqual(result.imageRMS, 0)
    }

    func testChangedImageFailsAndWritesActualExpectedAndDiff() throws {
        let png = try write(image(20, 10) { x, _ in x < 10 ? 0 : 255 }, "fig.png")
        _ = try write(image(20, 10) { _, _ in 255 }, "golden/fig.png")
        let json = try writeJSON(#"{"y":[1]}"#, "fig.json")
        _ = try writeJSON(#"{"y":[1]}"#, "golden/fig.json")
        let results = folder.appendingPathComponent("results")
        let result = GoldenComparison.compare(
            id: "fig", actualPNG: png, actualJSON: json, goldenFolder: folder.appendingPathComponent("golden"),
            resultsFolder: results, tolerance: GoldenTolerance(imageRMS: 1))
        XCTAssertFalse(result.passed)
        XCTAssertGreaterThan(result.imageRMS!, 100)
        XCTAssertTrue(result.summary.contains("image RMS"), result.summary)
        for name in ["fig-actual.png", "fig-expected.png", "fig-diff.png"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: results.appendingPathComponent(name).path), name)
        }
        let diff = try RasterImage.decodePNG([UInt8](Data(contentsOf: results.appendingPathComponent("fig-diff.png"))))
        XCTAssertEqual(diff.rgba[0], 255, "a difference of 255 stays saturated")
        XCTAssertEqual(diff.rgba[4 * 15], 0, "equal pixels are black in the diff")
    }

    func testChangedDataFailsNamingThePathAndTheDeviation() throws {
        let picture = image(4, 4) { _, _ in 0 }
        let png = try write(picture, "fig.png")
        _ = try write(picture, "golden/fig.png")
        let json = try writeJSON(#"{"series":[{"y":[1,2]},{"y":[3,4.5]}]}"#, "fig.json")
        _ = try writeJSON(#"{"series":[{"y":[1,2]},{"y":[3,4]}]}"#, "golden/fig.json")
        let result = GoldenComparison.compare(
            id: "fig", actualPNG: png, actualJSON: json, goldenFolder: folder.appendingPathComponent("golden"),
            resultsFolder: folder.appendingPathComponent("results"), tolerance: GoldenTolerance())
        XCTAssertFalse(result.passed)
        XCTAssertEqual(result.worstData?.path, "series[1].y[1]")
        XCTAssertEqual(result.worstData!.relative, 0.5 / 4.5, accuracy: 1e-12)
    }

    func testMissingGoldenFails() throws {
        let png = try write(image(2, 2) { _, _ in 0 }, "fig.png")
        let json = try writeJSON("{}", "fig.json")
        let result = GoldenComparison.compare(
            id: "fig", actualPNG: png, actualJSON: json, goldenFolder: folder.appendingPathComponent("golden"),
            resultsFolder: folder.appendingPathComponent("results"), tolerance: GoldenTolerance())
        XCTAssertFalse(result.passed)
        XCTAssertTrue(result.summary.contains("no golden image"), result.summary)
    }

    func testShapeChangeInDataIsAnInfiniteDeviation() throws {
        let worst = DataDeviation.worst(
            actual: try JSONValue.parse(Data(#"{"a":[1,2,3]}"#.utf8)), expected: try JSONValue.parse(Data(#"{"a":[1,2]}"#.utf8)),
            absoluteFloor: 0)
        XCTAssertEqual(worst?.relative, .infinity)
        XCTAssertEqual(worst?.path, "a")
    }
}
