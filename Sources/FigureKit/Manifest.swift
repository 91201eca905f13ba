import Experiments
import Foundation

/// `<id>.manifest.json`: everything needed to say how a figure was made. Its top-level keys are
/// stable (README.md documents them): id, citation, caption, scale, seed, params, git_commit,
/// versions, blas, sha256, timings, claims.
public struct Manifest: Codable, Sendable {
    public struct CitationEntry: Codable, Sendable {
        public let key: String
        public let paper: String
        public let title: String
        public let figure: String
    }

    public struct Timings: Codable, Sendable {
        /// Wall seconds of the experiment (recorded when it ran; a re-render from the cache keeps it).
        public let run_s: Double
        /// Wall seconds of drawing all formats.
        public let render_s: Double
        /// GEMM-bound figures only: the run's floating-point operations over `run_s`, in GFLOP/s,
        /// and the machine's OpenBLAS dgemm rate (all cores) measured right after the run.
        public let gflops: Double?
        public let dgemm_gflops: Double?
        /// Peak resident memory of the run in MiB (nil in manifests written before it was
        /// recorded): with `run_s` and `blas.panel_threads`, what a Slurm task of it requests.
        public let peak_rss_mb: Double?
        /// Wall seconds of named parts of the run, all sessions of a resumed run included (each
        /// of the MNIST trainings, which may run side by side: they need not add up to `run_s`).
        public let parts_s: [String: Double]?

        public init(
            run_s: Double, render_s: Double, gflops: Double? = nil, dgemm_gflops: Double? = nil, peak_rss_mb: Double? = nil,
            parts_s: [String: Double]? = nil
        ) {
            self.run_s = run_s
            self.render_s = render_s
            self.gflops = gflops
            self.dgemm_gflops = dgemm_gflops
            self.peak_rss_mb = peak_rss_mb
            self.parts_s = parts_s
        }

        /// Achieved rate as a share of the dgemm rate.
        public var dgemmFraction: Double? {
            guard let gflops, let dgemm_gflops, dgemm_gflops > 0 else { return nil }
            return gflops / dgemm_gflops
        }
    }

    public let id: String
    public let citation: CitationEntry
    public let caption: String
    public let scale: Scale
    public let seed: UInt64
    public let params: JSONValue
    public let git_commit: String
    public let versions: [String: String]
    /// The BLAS library, version, kernel and threads the run computed with (nil in manifests
    /// written before it was recorded).
    public let blas: BLASProvenance?
    /// sha256 of the font, of the data file and of every input data set.
    public let sha256: [String: String]
    public let timings: Timings
    public let claims: [Claim]
}

extension Manifest {
    /// The first manifest in `folders` of `figure` at `scale` with exactly these parameters (another
    /// parameter set can cost anything), with its location: what earlier runs measured, for a
    /// Slurm task's resources and the order of `run -j N`.
    public static func recorded(
        for figure: AnyFigure, scale: Scale, overrides: [String], in folders: [URL]
    ) throws -> (url: URL, manifest: Manifest)? {
        let params = try JSONValue.parse(try figure.parameters(scale, overrides: overrides))
        for folder in folders {
            let url = folder.appendingPathComponent("\(figure.id).manifest.json")
            guard let bytes = try? Data(contentsOf: url),
                let manifest = try? FigureCoding.decoder().decode(Manifest.self, from: bytes),
                manifest.id == figure.id, manifest.scale == scale, manifest.params == params
            else { continue }
            return (url, manifest)
        }
        return nil
    }
}
