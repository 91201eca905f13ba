import Datasets
import XCTest

/// Inputs on which `make fuzz` once crashed a reader; each must now be rejected with one line.
final class FuzzRegressionTests: XCTestCase {
    func testIDXHeaderWhoseSizeProductOverflowsIsRejected() {
        // .build/fuzz/artifacts/IDX-crash-2ccc3b31…: dimensions 0xffffffff and 0xffffff09; their product overflowed Int.
        let bytes: [UInt8] = [0x00, 0x00, 0x08, 0x02, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x09, 0x01, 0x02, 0x03, 0x04]
        let error = datasetError { _ = try IDXArray(parsing: bytes, file: "crash.idx") }
        XCTAssertEqual(error?.kind, .corrupt)
        XCTAssertTrue(error?.message.hasPrefix("crash.idx: header declares 4294967295×4294967049 elements") == true, error?.message ?? "")
    }
}
