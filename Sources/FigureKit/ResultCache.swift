import Experiments
import Foundation

/// Experiment results keyed by a content hash of (figure id, parameters, seed, code version), so that
/// re-rendering never re-runs an experiment. The code version is the hash of the running executable
/// and the BLAS kernel it computes with: any rebuild with changed code, or a run under another
/// kernel (`WNFIGURES_BLAS_KERNEL`), misses the cache.
///
/// Many processes may fill one cache at once (a `sweep -j N`, a Slurm array on a shared folder),
/// so an entry is two files written in order: the data, then the meta, each by write-then-rename,
/// and the meta names the sha256 of its data. A reader counts an entry only when the meta exists
/// and matches the data beside it: a writer killed between the two files leaves no entry (its
/// key runs again), and two writers of one key can interleave without a reader ever pairing one
/// writer's meta with a torn file.
public struct ResultCache: Sendable {
    public struct Entry: Codable, Sendable {
        public let run_s: Double
        public var render_s: Double?
        /// Achieved GEMM rate of the run and the machine's dgemm rate measured right after it
        /// (GEMM-bound figures only), kept so that a re-render reports the run's own numbers.
        public var gflops: Double?
        public var dgemm_gflops: Double?
        /// The process's peak resident memory during the run, in MiB (what a cluster task asks for).
        public var peak_rss_mb: Double?
        /// Wall seconds of the run's named parts (`RunContext.notePartSeconds`), if it has any.
        public var parts_s: [String: Double]?
        /// sha256 of the data file this meta completes (set by `store`).
        public var data_sha256: String?

        public init(run_s: Double, render_s: Double? = nil, gflops: Double? = nil, dgemm_gflops: Double? = nil, peak_rss_mb: Double? = nil) {
            self.run_s = run_s
            self.render_s = render_s
            self.gflops = gflops
            self.dgemm_gflops = dgemm_gflops
            self.peak_rss_mb = peak_rss_mb
        }
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

    /// The complete entry of `key`, nil when there is none (never run, or its writer was killed).
    public func load(_ key: String) -> (data: Data, entry: Entry)? {
        // Meta first: it is written last, so once it is there its data is too.
        guard let meta = try? Data(contentsOf: metaURL(key)),
            let entry = try? FigureCoding.decoder().decode(Entry.self, from: meta),
            let expected = entry.data_sha256,
            let data = try? Data(contentsOf: dataURL(key)),
            Digest.sha256(data) == expected
        else { return nil }
        return (data, entry)
    }

    /// Whether `key` has a complete entry (a sweep task then has nothing to do).
    public func isComplete(_ key: String) -> Bool { load(key) != nil }

    public func store(_ key: String, data: Data, entry: Entry) throws {
        var entry = entry
        entry.data_sha256 = Digest.sha256(data)
        try AtomicFile.write(data, to: dataURL(key))
        try AtomicFile.write(try FigureCoding.encoder(pretty: false).encode(entry), to: metaURL(key))
    }

    public func dataURL(_ key: String) -> URL { folder.appendingPathComponent("\(key).data.json") }
    public func metaURL(_ key: String) -> URL { folder.appendingPathComponent("\(key).meta.json") }

    public static func executableDigest() -> String {
        let url = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return (try? Digest.sha256(file: url)) ?? "unknown-\(Versions.wnfig)"
    }
}
