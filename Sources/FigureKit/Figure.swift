import Plot

/// The three sizes every figure runs at (FIGURES.md, "Scales").
public enum Scale: String, Codable, CaseIterable, Sendable {
    /// Seconds; the same algorithm on a smaller problem, used by `make test`.
    case smoke
    /// What `make figures` commits: about a minute or less on 2 cores, shows the phenomenon.
    case `default`
    /// The paper's own settings, however long they take.
    case paper
}

/// A figure's parameters: plain stored properties (Int, Double, Bool, String, UInt64 or arrays of
/// numbers), so that `--set key=value` can override any of them by name.
public protocol FigureParameters: Codable, Equatable, Sendable {
    static func preset(_ scale: Scale) -> Self
}

/// What an experiment gets besides its parameters: the seed all its random streams derive from, a
/// progress sink for long runs, and where the data sets are.
public struct RunContext: Sendable {
    public let seed: UInt64
    public let scale: Scale
    public let progress: Progress
    /// The cache that keeps results several figures share (nil: every run computes its own).
    public let sharedResults: ResultCache?
    /// The folder given with `--data-dir` (nil: the data sets' own search order, see `DataDirectory`).
    public let dataDirectory: String?
    /// Where a long experiment checkpoints (nil: it never does; tests and sweeps).
    public let checkpointing: Checkpointing?
    let reused = ReusedSeconds()
    let parts = PartSeconds()

    public init(
        seed: UInt64, scale: Scale, progress: Progress = .silent, sharedResults: ResultCache? = nil,
        dataDirectory: String? = nil, checkpointing: Checkpointing? = nil
    ) {
        self.checkpointing = checkpointing
        self.seed = seed
        self.scale = scale
        self.progress = progress
        self.sharedResults = sharedResults
        self.dataDirectory = dataDirectory
    }
}

/// Golden-comparison tolerances: pixel RMS on the 0–255 scale (matplotlib's definition) and a
/// relative tolerance on every number of the data file.
public struct GoldenTolerance: Codable, Sendable, Equatable {
    public var imageRMS: Double
    public var dataRelative: Double
    public var dataAbsolute: Double

    public init(imageRMS: Double = 1.0, dataRelative: Double = 1e-6, dataAbsolute: Double = 1e-12) {
        self.imageRMS = imageRMS
        self.dataRelative = dataRelative
        self.dataAbsolute = dataAbsolute
    }
}

/// One figure of one paper. `run` computes (never draws), `render` draws (never computes anything
/// that needs the experiment), `claims` checks the paper's statements on the data.
public protocol Figure: Sendable {
    associatedtype Params: FigureParameters
    associatedtype Output: Codable

    /// The id from FIGURES.md, e.g. `wu2020-fig1`; names every file of the figure.
    var id: String { get }
    var citation: Citation { get }
    /// The seed used when none is given (FIGURES.md records one per figure; 0 otherwise).
    var defaultSeed: UInt64 { get }
    var tolerance: GoldenTolerance { get }

    func caption(_ data: Output, params: Params) -> String
    func run(_ params: Params, context: RunContext) throws -> Output
    func render(_ data: Output, params: Params) throws -> Chart
    /// The claims that apply at `scale`, each computed from `data`.
    func claims(_ data: Output, params: Params, scale: Scale) -> [Claim]
    /// sha256 of every input data set the run reads (file name → digest), for the manifest; the
    /// data sets are read from `dataDirectory` (nil: their own search order).
    func inputDigests(_ params: Params, dataDirectory: String?) throws -> [String: String]
    /// Floating-point operations of the run's GEMM-bound work, counted from the sizes, for
    /// figures whose run time is dominated by dense products (nil: not such a figure). The
    /// manifest then reports the achieved rate next to the machine's dgemm rate.
    func gemmFlops(_ data: Output) -> Double?
}

extension Figure {
    public var defaultSeed: UInt64 { 0 }
    public var tolerance: GoldenTolerance { GoldenTolerance() }
    public func inputDigests(_ params: Params, dataDirectory: String?) throws -> [String: String] { [:] }
    public func gemmFlops(_ data: Output) -> Double? { nil }
}

/// A figure assembled from its parts, so that registering one is a single declaration naming its
/// experiment, render, claims and caption functions instead of a type that forwards to them.
public struct FigureDefinition<Params: FigureParameters, Output: Codable>: Figure {
    public let id: String
    public let citation: Citation
    public let defaultSeed: UInt64
    public let tolerance: GoldenTolerance
    private let runBody: @Sendable (Params, RunContext) throws -> Output
    private let renderBody: @Sendable (Output, Params) throws -> Chart
    private let claimsBody: @Sendable (Output, Params, Scale) -> [Claim]
    private let captionBody: @Sendable (Output, Params) -> String
    private let digestsBody: @Sendable (Params, String?) throws -> [String: String]
    private let flopsBody: @Sendable (Output) -> Double?

    public init(
        id: String, citation: Citation, defaultSeed: UInt64 = 0, tolerance: GoldenTolerance = GoldenTolerance(),
        run: @escaping @Sendable (Params, RunContext) throws -> Output,
        render: @escaping @Sendable (Output, Params) throws -> Chart,
        claims: @escaping @Sendable (Output, Params, Scale) -> [Claim],
        caption: @escaping @Sendable (Output, Params) -> String,
        inputDigests: @escaping @Sendable (Params, String?) throws -> [String: String] = { _, _ in [:] },
        gemmFlops: @escaping @Sendable (Output) -> Double? = { _ in nil }
    ) {
        self.id = id
        self.citation = citation
        self.defaultSeed = defaultSeed
        self.tolerance = tolerance
        runBody = run
        renderBody = render
        claimsBody = claims
        captionBody = caption
        digestsBody = inputDigests
        flopsBody = gemmFlops
    }

    public func run(_ params: Params, context: RunContext) throws -> Output { try runBody(params, context) }
    public func render(_ data: Output, params: Params) throws -> Chart { try renderBody(data, params) }
    public func claims(_ data: Output, params: Params, scale: Scale) -> [Claim] { claimsBody(data, params, scale) }
    public func caption(_ data: Output, params: Params) -> String { captionBody(data, params) }
    public func inputDigests(_ params: Params, dataDirectory: String?) throws -> [String: String] {
        try digestsBody(params, dataDirectory)
    }
    public func gemmFlops(_ data: Output) -> Double? { flopsBody(data) }
}
