import Plot
import XCTest

final class ImageComparisonTests: XCTestCase {
    private func image(_ width: Int, _ height: Int, value: (Int, Int) -> UInt8) -> RasterImage {
        var rgba: [UInt8] = []
        for y in 0..<height { for x in 0..<width { let v = value(x, y); rgba += [v, v, v, 255] } }
        return RasterImage(width: width, height: height, rgba: rgba)
    }

    func testRMSIsMatplotlibsDefinitionOverRGB() {
        let a = image(4, 4) { _, _ in 100 }
        let b = image(4, 4) { x, _ in x == 0 ? 110 : 100 }
        // a quarter of the pixels differ by 10 in each of R, G, B: sqrt(100/4) = 5
        XCTAssertEqual(ImageComparison.rms(a, b)!, 5, accuracy: 1e-12)
        XCTAssertNil(ImageComparison.rms(a, image(4, 5) { _, _ in 0 }))
    }

    func testAMismatchSaysByHowMuchOrWhichSizes() {
        let white = image(4, 4) { _, _ in 255 }
        XCTAssertNil(ImageComparison(actual: white, expected: white).mismatch(tolerance: 0))
        let half = ImageComparison(actual: image(4, 4) { x, _ in x < 2 ? 0 : 255 }, expected: white)
        XCTAssertEqual(half.mismatch(tolerance: 1), "image RMS \(String(format: "%.3f", 255 / 2.0.squareRoot())) > 1.0")
        XCTAssertEqual(ImageComparison(actual: image(3, 4) { _, _ in 255 }, expected: white).mismatch(tolerance: 1),
                       "image size 3x4 differs from golden 4x4")
    }

    func testTheDiffAmplifiesSmallDifferencesAndMarksMissingPixelsMagenta() {
        let diff = ImageComparison.diffImage(image(2, 1) { x, _ in x == 0 ? 103 : 0 }, image(3, 1) { _, _ in 100 })
        XCTAssertEqual(Array(diff.rgba[0..<4]), [30, 30, 30, 255], "a difference of 3 shows as 30")
        XCTAssertEqual(Array(diff.rgba[4..<8]), [255, 255, 255, 255], "a difference of 100 saturates")
        XCTAssertEqual(Array(diff.rgba[8..<12]), [255, 0, 255, 255], "a pixel only one image has is magenta")
    }
}
