import Experiments
import Foundation
import XCTest

/// LibmExp is exp bit for bit: the same kernel, without the wrapper that only sets errno.
final class LibmExpTests: XCTestCase {
    func testLibmExpIsExpBitForBit() {
        #if canImport(Glibc)
        XCTAssertTrue(LibmExp.usesKernel, "glibc exports __exp_finite@GLIBC_2.15")
        #endif
        var special: [Double] = [0, -0.0, 1, -1, 1e-300, -1e-300, 5e-324, -5e-324, 1e-17, -708.39, -708.4, -745.1, -745.2, -1000,
                                 709.78, 709.79, 1000, .infinity, -.infinity, .nan, .leastNormalMagnitude, -.leastNormalMagnitude]
        var generator = SeededGenerator(seed: 17, stream: "exp")
        // −|t| over the margins' range, and wider, uniformly and on a log scale.
        for _ in 0..<200_000 { special.append(-abs(generator.normal() * 30)) }
        for _ in 0..<200_000 { special.append(-exp(generator.normal() * 8)) }
        for _ in 0..<50_000 { special.append((generator.normal() * 400)) }
        let kernel = LibmExp.function
        for x in special {
            let expected = Double.exp(x), got = kernel(x)
            XCTAssertEqual(got.bitPattern, expected.bitPattern, "exp(\(x))")
            if got.bitPattern != expected.bitPattern && !(got.isNaN && expected.isNaN) { break }
        }
    }
}
