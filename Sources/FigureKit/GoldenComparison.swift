import Foundation
import Plot

/// The outcome of comparing one figure's image and data with its golden copies.
public struct GoldenResult: Sendable {
    public let id: String
    /// Pixel RMS over RGB on the 0–255 scale (nil when the images could not be compared).
    public let imageRMS: Double?
    public let worstData: DataDeviation?
    public let tolerance: GoldenTolerance
    /// Problems found, one line each; empty when the figure matches.
    public let problems: [String]
    /// actual / expected / diff images written for a failed image comparison.
    public let artifacts: [URL]

    public var passed: Bool { problems.isEmpty }

    /// One line for the figures table: "match (rms 0.00)" or what failed.
    public var summary: String {
        if passed { return "match (rms \(String(format: "%.2f", imageRMS ?? 0)))" }
        return "MISMATCH: " + problems.joined(separator: "; ")
    }
}

/// Golden comparison of a figure: its PNG judged by Plot's `ImageComparison` (RMS over RGB on the
/// 0–255 scale, as matplotlib does), its data number by number with a relative tolerance.
public enum GoldenComparison {
    /// Compare `actualPNG`/`actualJSON` with `golden/<id>.png|json`; on an image failure write
    /// `<id>-actual.png`, `<id>-expected.png` and `<id>-diff.png` into `resultsFolder`.
    public static func compare(
        id: String, actualPNG: URL, actualJSON: URL, goldenFolder: URL, resultsFolder: URL,
        tolerance: GoldenTolerance
    ) -> GoldenResult {
        var problems: [String] = []
        var artifacts: [URL] = []
        var rmsValue: Double?
        var worst: DataDeviation?
        let goldenPNG = goldenFolder.appendingPathComponent("\(id).png")
        let goldenJSON = goldenFolder.appendingPathComponent("\(id).json")
        let bless = "if the change is intended, run 'wnfig bless \(id)' (or 'make golden')"

        if let expectedBytes = try? Data(contentsOf: goldenPNG) {
            do {
                let comparison = try ImageComparison(
                    actualPNG: [UInt8](try Data(contentsOf: actualPNG)), expectedPNG: [UInt8](expectedBytes))
                rmsValue = comparison.rms
                if let mismatch = comparison.mismatch(tolerance: tolerance.imageRMS) {
                    problems.append(mismatch)
                    artifacts = writeArtifacts(id: id, comparison, into: resultsFolder)
                }
            } catch {
                problems.append("cannot compare images (\(error))")
            }
        } else {
            problems.append("no golden image \(goldenPNG.path) (\(bless))")
        }

        if let expectedData = try? Data(contentsOf: goldenJSON) {
            do {
                let expected = try JSONValue.parse(expectedData)
                let actual = try JSONValue.parse(try Data(contentsOf: actualJSON))
                worst = DataDeviation.worst(actual: actual, expected: expected, absoluteFloor: tolerance.dataAbsolute)
                if let w = worst, w.relative > tolerance.dataRelative {
                    problems.append("data at \(w.path): \(w.actual) vs golden \(w.expected) (relative \(formatNumber(w.relative)) > \(formatNumber(tolerance.dataRelative)))")
                }
            } catch {
                problems.append("cannot compare data (\(error))")
            }
        } else {
            problems.append("no golden data \(goldenJSON.path) (\(bless))")
        }
        if !problems.isEmpty && !artifacts.isEmpty {
            problems.append("see " + artifacts.map(\.path).joined(separator: ", "))
        }
        return GoldenResult(id: id, imageRMS: rmsValue, worstData: worst, tolerance: tolerance, problems: problems, artifacts: artifacts)
    }

    private static func writeArtifacts(id: String, _ comparison: ImageComparison, into folder: URL) -> [URL] {
        var written: [URL] = []
        for (name, png) in (try? comparison.artifacts()) ?? [] {
            let url = folder.appendingPathComponent("\(id)-\(name).png")
            if (try? AtomicFile.write(png, to: url)) != nil { written.append(url) }
        }
        return written
    }
}

extension GoldenComparison {
    /// Compare `figure`'s files in `folder` with its goldens for `scale`, leaving any diff images in
    /// the workspace's results folder.
    public static func compare(_ figure: AnyFigure, in folder: URL, scale: Scale, workspace: Workspace) -> GoldenResult {
        compare(
            id: figure.id, actualPNG: folder.appendingPathComponent("\(figure.id).png"),
            actualJSON: folder.appendingPathComponent("\(figure.id).json"),
            goldenFolder: workspace.goldenFolder(for: scale), resultsFolder: workspace.results,
            tolerance: figure.tolerance)
    }
}
