import Foundation
import Plot
import XCTest

/// Every plot example is a test: its PNG and SVG must match golden/plot/<name>.png and .svg.
/// Goldens are only written by the explicit bless step (`make golden-plot`, which sets
/// WNFIGURES_BLESS_PLOT=1); a plain test run never records them, and a missing golden fails.
final class PlotExampleGoldenTests: XCTestCase {
    /// Pixel RMS (0–255) a PNG may drift, as for the figures; the SVG is compared byte for byte.
    static let imageRMSTolerance = 1.0

    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    private var goldenFolder: URL { root.appendingPathComponent("golden/plot") }
    private var resultsFolder: URL { root.appendingPathComponent("results/plot") }
    private var blessing: Bool { ProcessInfo.processInfo.environment["WNFIGURES_BLESS_PLOT"] == "1" }

    func testEveryExampleMatchesItsPNGAndSVGGolden() throws {
        for example in PlotExample.all {
            let png = try render(example.chart, as: .png)
            let svg = try render(example.chart, as: .svg)
            if blessing {
                try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
                try Data(png).write(to: golden(example, "png"), options: .atomic)
                try Data(svg).write(to: golden(example, "svg"), options: .atomic)
                continue
            }
            checkPNG(png, of: example)
            checkSVG(svg, of: example)
        }
    }

    func testTheGoldenFolderHoldsExactlyTheExamples() throws {
        let names = PlotExample.all.map(\.name)
        XCTAssertEqual(Set(names).count, names.count, "two examples share a name")
        let onDisk = (try? FileManager.default.contentsOfDirectory(atPath: goldenFolder.path)) ?? []
        let expected = names.flatMap { ["\($0).png", "\($0).svg"] }
        XCTAssertEqual(Set(onDisk), Set(expected), "golden/plot differs from PlotExample.all; bless with 'make golden-plot'")
    }

    private func golden(_ example: PlotExample, _ format: String) -> URL {
        goldenFolder.appendingPathComponent("\(example.name).\(format)")
    }

    private func missing(_ example: PlotExample, _ format: String) -> String {
        "plot example \(example.name): no golden \(golden(example, format).path); look at the example, then run 'make golden-plot'"
    }

    private func checkPNG(_ png: [UInt8], of example: PlotExample) {
        guard let expected = try? Data(contentsOf: golden(example, "png")) else { return XCTFail(missing(example, "png")) }
        do {
            let comparison = try ImageComparison(actualPNG: png, expectedPNG: [UInt8](expected))
            guard let mismatch = comparison.mismatch(tolerance: Self.imageRMSTolerance) else { return }
            let written = try comparison.artifacts().map { name, bytes in try write(bytes, "\(example.name)-\(name).png") }
            XCTFail("plot example \(example.name) PNG: \(mismatch); see \(written.joined(separator: ", "))")
        } catch {
            XCTFail("plot example \(example.name) PNG: cannot compare (\(error))")
        }
    }

    private func checkSVG(_ svg: [UInt8], of example: PlotExample) {
        guard let expected = try? Data(contentsOf: golden(example, "svg")) else { return XCTFail(missing(example, "svg")) }
        guard svg != [UInt8](expected) else { return }
        let actualLines = String(decoding: svg, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(actualLines.count, expectedLines.count)
        let written = [try? write(svg, "\(example.name)-actual.svg"), try? write([UInt8](expected), "\(example.name)-expected.svg")]
        XCTFail("plot example \(example.name) SVG: \(svg.count) bytes vs golden \(expected.count), first difference on line \(line + 1) "
                + "(\(actualLines.count) vs \(expectedLines.count) lines); see \(written.compactMap { $0 }.joined(separator: ", "))")
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        try FileManager.default.createDirectory(at: resultsFolder, withIntermediateDirectories: true)
        let url = resultsFolder.appendingPathComponent(name)
        try Data(bytes).write(to: url, options: .atomic)
        return url.path
    }
}
