import Experiments
import Foundation
import Plot

/// What to produce: one figure at one scale, with an optional seed and `--set` overrides.
public struct FigureRequest {
    public var figure: AnyFigure
    public var scale: Scale
    public var seed: UInt64?
    public var overrides: [String]
    public var formats: [OutputFormat]
    /// Re-use a cached experiment result when one matches.
    public var useCache: Bool
    public var showProgress: Bool
    /// PNG resolution; goldens are recorded at the default 144 dpi.
    public var dpi: Double
    /// The data-set folder given on the command line (nil: the data sets' own search order).
    public var dataDirectory: String?
    /// The machine's dgemm rate in GFLOP/s, measured when a GEMM-bound experiment has just run
    /// (nil: not reported). FigureKit knows no BLAS; the caller supplies the measurement.
    public var referenceGemmRate: (@Sendable () -> Double)?
    /// Checkpoints of long experiments (nil: none written, none read).
    public var checkpointing: Checkpointing?

    public init(
        figure: AnyFigure, scale: Scale = .default, seed: UInt64? = nil, overrides: [String] = [],
        formats: [OutputFormat] = OutputFormat.allCases, useCache: Bool = true, showProgress: Bool = false,
        dpi: Double = RenderOptions().dpi, referenceGemmRate: (@Sendable () -> Double)? = nil,
        dataDirectory: String? = nil, checkpointing: Checkpointing? = nil
    ) {
        self.checkpointing = checkpointing
        self.dpi = dpi
        self.dataDirectory = dataDirectory
        self.referenceGemmRate = referenceGemmRate
        self.figure = figure
        self.scale = scale
        self.seed = seed
        self.overrides = overrides
        self.formats = formats
        self.useCache = useCache
        self.showProgress = showProgress
    }
}

/// What a produced figure left behind.
public struct FigureOutcome {
    public let id: String
    public let scale: Scale
    public let manifest: Manifest
    public let fromCache: Bool
    /// Every file written, images first, then data and manifest.
    public let files: [URL]

    public var claimsPassed: Bool { manifest.claims.allSatisfy(\.passed) }
    public var failedClaims: [Claim] { manifest.claims.filter { !$0.passed } }
    public func file(_ suffix: String) -> URL? { files.first { $0.lastPathComponent.hasSuffix(suffix) } }
}

/// A figure's experiment result: its data file's bytes, as computed now or found in the cache.
public struct ExperimentResult {
    public let params: Data
    public let seed: UInt64
    public let data: Data
    public var entry: ResultCache.Entry
    public let fromCache: Bool
    let key: String?
}

/// Runs the figure's experiment for `request`, or loads it from `cache` when a result matches.
public func obtainResult(_ request: FigureRequest, cache: ResultCache?, progressLabel: String? = nil) throws -> ExperimentResult {
    let figure = request.figure
    let params = try figure.parameters(request.scale, overrides: request.overrides)
    let seed = request.seed ?? figure.defaultSeed
    let key = cache?.key(id: figure.id, params: params, seed: seed)
    if request.useCache, let cache, let key, let hit = cache.load(key) {
        return ExperimentResult(params: params, seed: seed, data: hit.data, entry: hit.entry, fromCache: true, key: key)
    }
    let progress = request.showProgress ? Progress.terminal(figure: progressLabel ?? figure.id) : .silent
    let context = RunContext(
        seed: seed, scale: request.scale, progress: progress, sharedResults: request.useCache ? cache : nil,
        dataDirectory: request.dataDirectory, checkpointing: request.checkpointing)
    PeakMemory.reset()
    let start = DispatchTime.now()
    let data = try figure.runJSON(params, context)
    // A shared computation re-used from another figure counts with the time it took when it ran.
    var entry = ResultCache.Entry(
        run_s: seconds(since: start) + context.reused.seconds, peak_rss_mb: PeakMemory.peakMegabytes())
    entry.parts_s = context.parts.all
    if let flops = try figure.gemmFlopsJSON(data), let measure = request.referenceGemmRate, entry.run_s > 0 {
        entry.gflops = flops / entry.run_s * 1e-9
        entry.dgemm_gflops = measure()
    }
    if let cache, let key { try cache.store(key, data: data, entry: entry) }
    return ExperimentResult(params: params, seed: seed, data: data, entry: entry, fromCache: false, key: key)
}

/// experiment → data → chart → files: run (or load from the cache), render every format, check the
/// claims, write data, images and manifest atomically into `folder`.
public func produceFigure(_ request: FigureRequest, into folder: URL, workspace: Workspace, cache: ResultCache?) throws -> FigureOutcome {
    let figure = request.figure
    // Read before the run: a run can take hours, and the commit must be the one its code came from.
    let commit = Versions.gitCommit(in: workspace.root)
    let result = try obtainResult(request, cache: cache)
    let (params, seed, data, fromCache) = (result.params, result.seed, result.data, result.fromCache)
    var entry = result.entry

    let start = DispatchTime.now()
    let chart = try figure.renderJSON(data, params)
    var options = RenderOptions()
    options.dpi = request.dpi
    var images: [(OutputFormat, [UInt8])] = []
    for format in request.formats {
        images.append((format, try render(chart, as: format, options: options)))
    }
    let renderSeconds = seconds(since: start)
    let firstRender = entry.render_s == nil
    if firstRender { entry.render_s = renderSeconds }
    if let cache, let key = result.key, firstRender {
        try cache.store(key, data: data, entry: entry)
    }

    let claims = try figure.claimsJSON(data, params, request.scale)
    var digests = try figure.inputDigestsJSON(params, request.dataDirectory)
    digests["font"] = try Digest.sha256(file: URL(fileURLWithPath: FontInfo.defaultFontPath))
    digests["\(figure.id).json"] = Digest.sha256(data)
    let manifest = Manifest(
        id: figure.id,
        citation: .init(key: figure.citation.key, paper: figure.citation.short, title: figure.citation.title, figure: figure.citation.figure),
        caption: try figure.captionJSON(data, params),
        scale: request.scale, seed: seed, params: try JSONValue.parse(params),
        git_commit: commit, versions: Versions.all, blas: OpenBLASLibrary.provenance, sha256: digests,
        timings: .init(
            run_s: rounded(entry.run_s), render_s: rounded(entry.render_s ?? renderSeconds),
            gflops: entry.gflops.map(roundedRate), dgemm_gflops: entry.dgemm_gflops.map(roundedRate),
            peak_rss_mb: entry.peak_rss_mb, parts_s: entry.parts_s?.mapValues(rounded)),
        claims: claims)

    var files: [URL] = []
    for (format, bytes) in images {
        let url = folder.appendingPathComponent("\(figure.id).\(format.rawValue)")
        try AtomicFile.write(bytes, to: url)
        files.append(url)
    }
    let dataURL = folder.appendingPathComponent("\(figure.id).json")
    try AtomicFile.write(data, to: dataURL)
    let manifestURL = folder.appendingPathComponent("\(figure.id).manifest.json")
    try AtomicFile.write(try FigureCoding.encoder(pretty: true).encode(manifest), to: manifestURL)
    files += [dataURL, manifestURL]
    return FigureOutcome(id: figure.id, scale: request.scale, manifest: manifest, fromCache: fromCache, files: files)
}

private func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

/// Timings to the millisecond: more digits are noise.
private func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

/// Rates to 0.1 GFLOP/s.
private func roundedRate(_ x: Double) -> Double { (x * 10).rounded() / 10 }
