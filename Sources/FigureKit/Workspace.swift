import Datasets
import Foundation

/// The folders a run reads and writes, all relative to the repository root by default.
public struct Workspace: Sendable {
    public var root: URL
    /// Committed outputs: `<id>.png|pdf|svg|json|manifest.json` and the gallery README.
    public var figures: URL
    /// Blessed copies: `<id>.png|json` (default scale) and `smoke/<id>.png|json`.
    public var golden: URL
    /// Git-ignored experiment cache.
    public var cache: URL
    /// Where failed comparisons leave actual / expected / diff images.
    public var results: URL

    public init(root: URL) {
        self.root = root
        figures = root.appendingPathComponent("figures")
        golden = root.appendingPathComponent("golden")
        cache = root.appendingPathComponent(".cache")
        results = root.appendingPathComponent("results")
    }

    /// The golden folder for `scale`: smoke goldens live apart, `make test` compares them.
    public func goldenFolder(for scale: Scale) -> URL {
        scale == .smoke ? golden.appendingPathComponent("smoke") : golden
    }

    /// The repository root: the nearest folder above `start` that holds Package.swift.
    public static func findRoot(from start: URL) -> URL? { DataDirectory.repositoryRoot(from: start) }
}
