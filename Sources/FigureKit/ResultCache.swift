import Experiments
import Foundation

/// Experiment results keyed by a content hash of (figure id, parameters, seed, code version), so that
/// re-rendering never re-runs an experiment. The code version is the hash of the running executable
/// and the BLAS kernel it computes with: any rebuild with changed code, or a run under another
/// kernel (`WNFIGURES_BLAS_KERNEL`), misses the cache.
public struct ResultCache: Sendable {
    public struct Entry: Codable, Sendable {
        public let run_s: Double
        public var render_s: Double?
        /// Achieved GEMM rate of the run and the machine's dgemm rate measured right after it
        /// (GEMM-bound figures only), kept so that a re-render reports the run's own numbers.
        public var gflops: Double?
        public var dgemm_gflops: Double?
    }

    public let folder: URL
    public let codeVersion: String

    public init(folder: URL, codeVersion: String = ResultCache.executableDigest() + "+" + OpenBLASLibrary.provenance.kernel) {
        self.folder = folder.appendingPathComponent("runs")
        self.codeVersion = codeVersion
    }

    public func key(id: String, params: Data, seed: UInt64) -> String {
        Digest.sha256(Data("\(id)\n\(String(decoding: params, as: UTF8.self))\n\(seed)\n\(codeVersion)".utf8))
    }

    public func load(_ key: String) -> (data: Data, entry: Entry)? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("\(key).data.json")),
            let meta = try? Data(contentsOf: folder.appendingPathComponent("\(key).meta.json")),
            let entry = try? FigureCoding.decoder().decode(Entry.self, from: meta)
        else { return nil }
        return (data, entry)
    }

    public func store(_ key: String, data: Data, entry: Entry) throws {
        try AtomicFile.write(data, to: folder.appendingPathComponent("\(key).data.json"))
        try AtomicFile.write(try FigureCoding.encoder(pretty: false).encode(entry), to: folder.appendingPathComponent("\(key).meta.json"))
    }

    public static func executableDigest() -> String {
        let url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return (try? Digest.sha256(file: url)) ?? "unknown-\(Versions.wnfig)"
    }
}
