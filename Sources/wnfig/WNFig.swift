import ArgumentParser
import Experiments
import FigureKit
import FigureRegistry
import Foundation
import Plot

struct WNFig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wnfig",
        abstract: "Re-run the experiments behind figures of weight- and batch-normalization papers and render them.",
        version: Versions.wnfig,
        subcommands: [List.self, Run.self, Check.self, Sweep.self, Bless.self, GalleryCommand.self, Cite.self])
}

/// Options every command that touches the figure folders shares.
struct FolderOptions: ParsableArguments {
    @Option(help: "Repository root holding figures/ and golden/ (default: the nearest folder above the current one with Package.swift).")
    var root: String?

    @Option(help: "Folder holding the data sets (MNIST IDX files); default: $WNFIGURES_DATA_DIR, then data/mnist.")
    var dataDir: String?


    var workspace: Workspace {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let base = root.map { URL(fileURLWithPath: $0) } ?? Workspace.findRoot(from: cwd) ?? cwd
        return Workspace(root: base)
    }
}

struct Selection: ParsableArguments {
    @Argument(help: "Figure ids (see 'wnfig list').")
    var ids: [String] = []

    @Flag(help: "Every registered figure.")
    var all = false

    func figures() throws -> [AnyFigure] {
        if all { return registeredFigures }
        guard !ids.isEmpty else {
            throw FigureKitError(.usage, "name at least one figure id or pass --all (run 'wnfig list' for the ids)")
        }
        return try ids.map { try FigureLookup.find($0, in: registeredFigures) }
    }
}

extension Scale: ExpressibleByArgument {}

func parseFormats(_ text: String) throws -> [OutputFormat] {
    try text.split(separator: ",").map { name in
        guard let format = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw FigureKitError(.usage, "unknown format '\(name)'; use any of png,pdf,svg separated by commas")
        }
        return format
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the registered figures.")

    @Flag(help: "Also list each figure's parameters with their default values.")
    var parameters = false

    func run() throws {
        for figure in registeredFigures {
            print("\(figure.id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(figure.citation.text)")
            if parameters {
                let defaults = try JSONValue.parse(try figure.parameters(.default))
                for (key, type) in figure.parameterKeys {
                    print("    \(key) (\(type)) = \(describe(defaults[key]))")
                }
            }
        }
    }

    private func describe(_ value: JSONValue?) -> String {
        switch value {
        case .number(let x)?: return formatNumber(x)
        case .bool(let b)?: return String(b)
        case .string(let s)?: return s
        case .array(let items)?: return items.map { describe($0) }.joined(separator: ",")
        default: return "?"
        }
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run figures' experiments (or re-use cached results) and render PNG, PDF, SVG, data and manifest.")

    @OptionGroup var selection: Selection
    @OptionGroup var folders: FolderOptions

    @Option(help: "smoke, default or paper.")
    var scale: Scale = .default

    @Option(help: "Seed for every random stream (default: the figure's own).")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: "Override a parameter: key=value (repeatable; 'wnfig list --parameters' shows the keys).")
    var assignments: [String] = []

    @Option(help: "Image formats, comma-separated.")
    var format = "png,pdf,svg"

    @Option(help: "Output folder (default: figures/).")
    var out: String?

    @Option(help: "PNG resolution in dots per inch (goldens are recorded at 144).")
    var dpi: Double = 144

    @Flag(help: "Run the experiment even when a cached result matches.")
    var noCache = false

    @Flag(help: "Compare each figure with its golden copy and fail (exit 1) on a mismatch or failed claim.")
    var check = false

    @Flag(help: "Continue a long run (Morwani MNIST) from its checkpoint in the output folder; the result is that of an uninterrupted run.")
    var resume = false

    @Option(help: "Minutes of computing between two checkpoints of a long run (written also on Ctrl-C).")
    var checkpointMinutes: Double = 2

    @Option(help: ArgumentHelp("Test hook: stop with a checkpoint after this many epoch attempts.", visibility: .hidden))
    var stopAfterEpochs: Int?

    func run() throws {
        let workspace = folders.workspace
        let figures = try selection.figures()
        let formats = try parseFormats(format)
        guard dpi.isFinite, dpi >= 18, dpi <= 2400 else {
            throw FigureKitError(.usage, "--dpi \(dpi) is out of range; use a value between 18 and 2400 (default 144)")
        }
        if check && dpi != 144 {
            throw FigureKitError(.usage, "--check compares with goldens recorded at 144 dpi: drop --dpi or --check")
        }
        if check && !formats.contains(.png) {
            throw FigureKitError(.usage, "--check compares PNG images: include png in --format")
        }
        let folder = out.map { URL(fileURLWithPath: $0) } ?? workspace.figures
        guard checkpointMinutes.isFinite, checkpointMinutes > 0 else {
            throw FigureKitError(.usage, "--checkpoint-minutes \(checkpointMinutes) must be a positive number, e.g. 2")
        }
        if let n = stopAfterEpochs, n < 1 {
            throw FigureKitError(.usage, "--stop-after-epochs \(n) must be ≥ 1")
        }
        let checkpointing = Checkpointing(
            folder: folder, resume: resume, interval: 60 * checkpointMinutes, stopAfter: stopAfterEpochs)
        let cache = ResultCache(folder: workspace.cache)
        var failures = 0
        reportBLAS(printSummary: true)
        // Measured once per run, between experiments, never inside one.
        let dgemmRate = MeasuredOnce { measuredDGEMMRate() }
        print("figure                  seconds  golden                         claims")
        for figure in figures {
            let request = FigureRequest(
                figure: figure, scale: scale, seed: seed, overrides: assignments, formats: formats,
                useCache: !noCache, showProgress: true, dpi: dpi, referenceGemmRate: { dgemmRate.value },
                dataDirectory: folders.dataDir, checkpointing: checkpointing)
            let outcome = try produceFigure(request, into: folder, workspace: workspace, cache: cache)
            var golden = "not checked"
            var failed = !outcome.claimsPassed
            if check {
                let result = GoldenComparison.compare(figure, in: folder, scale: scale, workspace: workspace)
                golden = result.summary
                failed = failed || !result.passed
            }
            let timings = outcome.manifest.timings
            let seconds = String(format: "%7.1f%@", timings.run_s + timings.render_s, outcome.fromCache ? "c" : " ")
            let claims = outcome.manifest.claims
            var claimText = "\(claims.filter(\.passed).count)/\(claims.count) pass"
            if !outcome.failedClaims.isEmpty {
                claimText += " (failed: " + outcome.failedClaims.map { "\($0.id): \($0.measured)" }.joined(separator: "; ") + ")"
            }
            print("\(figure.id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(seconds)  \(golden.padding(toLength: 30, withPad: " ", startingAt: 0)) \(claimText)")
            if let gflops = timings.gflops, let dgemm = timings.dgemm_gflops, let share = timings.dgemmFraction {
                print(String(format: "%@ GEMM work at %.1f GFLOP/s = %.0f%% of this machine's dgemm rate (%.1f GFLOP/s)", String(repeating: " ", count: 22), gflops, 100 * share, dgemm))
            }
            if failed { failures += 1 }
        }
        print("(seconds: run + render; 'c' = experiment result from the cache, time as recorded when it ran)")
        if failures > 0 && check {
            throw FigureKitError(.check, "\(failures) of \(figures.count) figures failed their golden comparison or claims (details above; diff images in \(workspace.results.path))")
        }
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare figures in the output folder with their golden copies, and recompute their claims from their data.",
        discussion: "Claims are recomputed from <id>.json and the parameters in <id>.manifest.json; the pass flags stored in the manifest are not trusted. Nothing is re-run.")

    @OptionGroup var selection: Selection
    @OptionGroup var folders: FolderOptions

    @Option(help: "Which goldens: default (golden/) or smoke (golden/smoke/).")
    var scale: Scale = .default

    @Option(help: "Folder holding the figures to check (default: figures/).")
    var out: String?

    @Flag(help: "Recompute the claims only; skip the golden comparison (for folders with no goldens, e.g. figures/paper).")
    var claimsOnly = false

    func run() throws {
        let workspace = folders.workspace
        let folder = out.map { URL(fileURLWithPath: $0) } ?? workspace.figures
        var failures = 0
        let figures = try selection.figures()
        for figure in figures {
            let recheck = try ClaimRecheck.recheck(figure, in: folder)
            var line = "\(figure.id): "
            var passed = recheck.passed
            if !claimsOnly {
                let png = folder.appendingPathComponent("\(figure.id).png")
                guard FileManager.default.fileExists(atPath: png.path) else {
                    throw FigureKitError(.input, "\(png.path) does not exist; run 'wnfig run \(figure.id) --scale \(scale.rawValue)' first")
                }
                let result = GoldenComparison.compare(figure, in: folder, scale: scale, workspace: workspace)
                line += result.summary
                if let worst = result.worstData { line += ", worst data deviation \(formatNumber(worst.relative)) at \(worst.path)" }
                line += "; "
                passed = passed && result.passed
            }
            print(line + recheck.summary)
            if !passed { failures += 1 }
        }
        if failures > 0 {
            throw FigureKitError(.check, "\(failures) of \(figures.count) figures do not match their goldens or fail their recomputed claims")
        }
    }
}

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run figures once per seed (through the cache) and judge each claim over the seeds.",
        discussion: "Writes <out>/<id>.seeds.json (per claim: seeds tried, how many passed, what was measured for each) and prints the table. Images are not rendered.")

    @OptionGroup var selection: Selection
    @OptionGroup var folders: FolderOptions

    @Option(help: "Seeds: a range and/or list, e.g. 0-9 or 0,2,5-7.")
    var seeds: String = "0-4"

    @Option(help: "smoke, default or paper.")
    var scale: Scale = .default

    @Option(name: .customLong("set"), help: "Override a parameter: key=value (repeatable).")
    var assignments: [String] = []

    @Option(help: "Output folder for the seeds files (default: figures/).")
    var out: String?

    @Flag(help: "Run every seed's experiment even when a cached result matches.")
    var noCache = false

    func run() throws {
        let workspace = folders.workspace
        let seedList = try SeedRange.parse(seeds)
        let figures = try selection.figures()
        let folder = out.map { URL(fileURLWithPath: $0) } ?? workspace.figures
        try AtomicFile.requireWritableFolder(folder)
        reportBLAS(printSummary: true)
        let cache = ResultCache(folder: workspace.cache)
        for figure in figures {
            let request = FigureRequest(
                figure: figure, scale: scale, overrides: assignments, useCache: !noCache, showProgress: true,
                dataDirectory: folders.dataDir)
            let sweep = try sweepSeeds(request, seeds: seedList, workspace: workspace, cache: cache) { line in
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
            try AtomicFile.write(try FigureCoding.encoder(pretty: true).encode(sweep), to: SeedSweep.url(for: figure.id, in: folder))
            print(sweep.table)
            print("")
        }
    }
}

/// A value computed the first time it is asked for, then kept (for the dgemm rate of one run).
final class MeasuredOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: Double?
    private let measure: () -> Double

    init(_ measure: @escaping () -> Double) { self.measure = measure }

    var value: Double {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let measured = measure()
        cached = measured
        return measured
    }
}

/// Says once per process which BLAS computes, and, on stderr, when the results may differ from
/// the goldens because the reference kernel could not be used.
func reportBLAS(printSummary: Bool) {
    let blas = OpenBLASLibrary.provenance
    if printSummary { print(blas.summary) }
    if let note = blas.note { FileHandle.standardError.write(Data("wnfig: warning: \(note)\n".utf8)) }
}

struct Bless: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record figures' current PNG and data as their golden copies (the only way goldens change).")

    @OptionGroup var selection: Selection
    @OptionGroup var folders: FolderOptions

    @Option(help: "default (golden/) or smoke (golden/smoke/).")
    var scale: Scale = .default

    func run() throws {
        guard scale != .paper else {
            throw FigureKitError(.usage, "goldens exist for smoke and default scales only; use --scale smoke or --scale default")
        }
        let workspace = folders.workspace
        let staging = scale == .smoke ? workspace.cache.appendingPathComponent("smoke-figures") : workspace.figures
        let cache = ResultCache(folder: workspace.cache)
        let golden = workspace.goldenFolder(for: scale)
        for figure in try selection.figures() {
            let request = FigureRequest(
                figure: figure, scale: scale, formats: [.png, .pdf, .svg], showProgress: true, dataDirectory: folders.dataDir)
            let outcome = try produceFigure(request, into: staging, workspace: workspace, cache: cache)
            for suffix in ["png", "json"] {
                let source = staging.appendingPathComponent("\(figure.id).\(suffix)")
                try AtomicFile.write(try Data(contentsOf: source), to: golden.appendingPathComponent("\(figure.id).\(suffix)"))
            }
            let warning = outcome.claimsPassed ? "" : "  (warning: claims failing: \(outcome.failedClaims.map(\.id).joined(separator: ", ")))"
            print("blessed \(figure.id) at \(scale.rawValue) scale → \(golden.path)\(warning)")
        }
    }
}

struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery", abstract: "Regenerate figures/README.md (or <folder>/README.md) from the manifests.")

    @OptionGroup var folders: FolderOptions

    @Option(help: "Folder of figures to index (default: figures/; e.g. figures/paper for the paper-scale runs).")
    var folder: String?

    func run() throws {
        let folder = self.folder.map { URL(fileURLWithPath: $0) } ?? folders.workspace.figures
        let manifests = try Gallery.manifests(in: folder)
        let sweeps = try Gallery.sweeps(for: manifests, in: folder)
        let url = folder.appendingPathComponent("README.md")
        try AtomicFile.write(Data(Gallery.markdown(manifests: manifests, sweeps: sweeps).utf8), to: url)
        print("wrote \(url.path) (\(manifests.count) figures)")
    }
}

struct Cite: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a Markdown snippet that embeds a figure with its caption, and the paper's BibTeX entry.")

    @Argument(help: "Figure id.")
    var id: String

    @OptionGroup var folders: FolderOptions

    func run() throws {
        let figure = try FigureLookup.find(id, in: registeredFigures)
        let url = folders.workspace.figures.appendingPathComponent("\(id).manifest.json")
        let manifest = (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Manifest.self, from: $0) }
        print(Gallery.citeSnippet(figure: figure, manifest: manifest), terminator: "")
    }
}
