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
        subcommands: [List.self, Run.self, Check.self, Sweep.self, TaskCommand.self, Bless.self, GalleryCommand.self, Cite.self])
}

/// Options every command that touches the figure folders shares.
struct FolderOptions: ParsableArguments {
    @Option(help: "Repository root holding figures/ and golden/ (default: the nearest folder above the current one with Package.swift).")
    var root: String?

    @Option(help: "Folder holding the data sets (MNIST IDX files, a9a, CIFAR-10 batches); default: $WNFIGURES_DATA_DIR, then data/<set>.")
    var dataDir: String?

    @Option(help: "Folder of the experiment cache (default: .cache/ under the root); on a cluster, one every node can read and write.")
    var cacheDir: String?

    var workspace: Workspace {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let base = root.map { URL(fileURLWithPath: $0) } ?? Workspace.findRoot(from: cwd) ?? cwd
        var workspace = Workspace(root: base)
        if let cacheDir { workspace.cache = URL(fileURLWithPath: cacheDir, relativeTo: cwd).standardizedFileURL }
        return workspace
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

    @Flag(help: "Also list each figure's parameters with their values at --scale.")
    var parameters = false

    @Option(help: "The scale whose parameter values --parameters shows: smoke, default or paper.")
    var scale: Scale = .default

    func run() throws {
        for figure in registeredFigures {
            print("\(figure.id.padding(toLength: 22, withPad: " ", startingAt: 0)) \(figure.citation.text)")
            if parameters {
                let defaults = try JSONValue.parse(try figure.parameters(scale))
                for (key, type) in figure.parameterKeys {
                    print("    \(key) (\(type)) = \(describe(defaults[key]))")
                }
            }
        }
    }

    private func describe(_ value: JSONValue?) -> String {
        switch value {
        // Integer parameters (step counts) read as integers, not as 1.000e+06.
        case .number(let x)? where x.rounded() == x && abs(x) < 1e15: return String(Int(x))
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

    @Option(
        name: [.customShort("j"), .customLong("jobs")],
        help: "Worker processes that compute the experiments concurrently, longest first, each on its share of the cores; the figures are then rendered in order. The outputs are the same bytes for any N.")
    var jobs = 1

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
        guard jobs >= 1 else { throw FigureKitError(.usage, "-j \(jobs) runs nothing; give at least 1 worker process") }
        if jobs > 1 && (resume || stopAfterEpochs != nil) {
            throw FigureKitError(.usage, "checkpointed runs (--resume, --stop-after-epochs) compute in this process; drop -j")
        }
        let checkpointing = Checkpointing(
            folder: folder, resume: resume, interval: 60 * checkpointMinutes, stopAfter: stopAfterEpochs)
        let cache = ResultCache(folder: workspace.cache)
        var failures = 0
        reportBLAS(printSummary: true)
        // Bad --set keys fail here, in one line, before any work is handed out.
        for figure in figures { _ = try figure.parameters(scale, overrides: assignments) }
        // Before minutes of work, not after: an unwritable --out fails now.
        try AtomicFile.requireWritableFolder(folder)
        let computedByWorkers = jobs > 1 ? try computeInWorkers(figures, folder: folder, workspace: workspace, cache: cache) : []
        // Measured once per run, between experiments, never inside one.
        let dgemmRate = MeasuredOnce { measuredDGEMMRate() }
        print("figure                  seconds  golden                         claims")
        for figure in figures {
            // After the workers, their results are in the cache: render them, never re-run them.
            let request = FigureRequest(
                figure: figure, scale: scale, seed: seed, overrides: assignments, formats: formats,
                useCache: !noCache || computedByWorkers.contains(figure.id), showProgress: true, dpi: dpi,
                referenceGemmRate: { dgemmRate.value }, dataDirectory: folders.dataDir, checkpointing: checkpointing)
            let outcome = try produceFigure(request, into: folder, workspace: workspace, cache: cache)
            var golden = "not checked"
            var failed = !outcome.claimsPassed
            if check {
                let result = GoldenComparison.compare(figure, in: folder, scale: scale, workspace: workspace)
                golden = result.summary
                failed = failed || !result.passed
            }
            let timings = outcome.manifest.timings
            let cached = outcome.fromCache && !computedByWorkers.contains(figure.id)
            let seconds = String(format: "%7.1f%@", timings.run_s + timings.render_s, cached ? "c" : " ")
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

    /// `-j N`: the experiments missing from the cache as `wnfig task` processes, N at a time;
    /// returns the ids they computed.
    private func computeInWorkers(_ figures: [AnyFigure], folder: URL, workspace: Workspace, cache: ResultCache) throws -> Set<String> {
        let tasks = try RunSchedule.tasks(
            figures: figures, scale: scale, seed: seed, overrides: assignments, cache: cache, recomputeAll: noCache,
            manifestFolder: folder)
        guard !tasks.isEmpty else { return [] }
        let plan = SweepPlan(figures: figures, seeds: tasks.map(\.seed), scale: scale, overrides: assignments)
        let invocation = SweepInvocation(
            executable: SweepInvocation.currentExecutable, root: workspace.root.path, cacheFolder: workspace.cache.path,
            dataDirectory: folders.dataDir, out: folder.path, noCache: noCache)
        let failures = try LocalExecutor.run(
            tasks, plan: plan, invocation: invocation, jobs: jobs,
            announce: { workers, threads in
                stderr("wnfig run: \(tasks.count) of \(figures.count) experiments to compute on \(workers) worker processes, \(threads) panel thread(s) each, longest first (the rest are in \(cache.folder.path))")
            }, log: stderr)
        if let first = failures.first {
            let reason = first.reason.map { ": \($0)" } ?? ""
            throw FigureKitError(
                .io, "\(failures.count) of \(tasks.count) experiments failed (first: \(first.task.figure)\(reason); log \(first.log.path)); fix the cause and run again: the finished ones are cached")
        }
        return Set(tasks.map(\.figure))
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

enum Executor: String, ExpressibleByArgument, CaseIterable {
    case local, slurm
}

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run figures once per seed (through the cache) and judge each claim over the seeds.",
        discussion: """
            Writes <out>/<id>.seeds.json (per claim: seeds tried, how many passed, what was measured for each) and prints the table; with --render also each figure (at its default seed when swept, else the first seed). --executor local runs the seeds in this process (-j 1) or in N worker processes; --executor slurm submits one array job per figure (one task per missing seed) and a collect job that writes the seeds files and figures after them. Only keys missing from the cache run, so the same command again resumes an interrupted sweep.
            """)

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

    @Flag(help: "Also render each figure (PNG, PDF, SVG, data, manifest) from the cache into the output folder.")
    var render = false

    @Option(help: "local (this machine) or slurm (sbatch array jobs).")
    var executor: Executor = .local

    @Option(name: [.customShort("j"), .customLong("jobs")], help: "Local worker processes (--executor local).")
    var jobs = 1

    @Flag(help: "Print the sbatch scripts instead of submitting them (--executor slurm).")
    var dryRun = false

    @Option(help: "Slurm partition of every job.")
    var partition: String?

    @Option(help: "Slurm time limit of each task, e.g. 4:00:00 (default: 3 × the measured run_s + 10 min, or a per-scale default).")
    var time: String?

    @Option(help: "Slurm account to charge.")
    var account: String?

    @Option(name: .customLong("sbatch-arg"), parsing: .unconditionalSingleValue, help: "Extra sbatch option for every job, e.g. --sbatch-arg=--qos=long (repeatable; wins over the measured resources).")
    var sbatchArguments: [String] = []

    @Flag(help: .hidden)
    var cachedOnly = false

    /// Not `validate()`: ArgumentParser would wrap its errors; these are one-line usage errors.
    func checkOptions() throws {
        guard jobs >= 1 else { throw FigureKitError(.usage, "-j \(jobs) runs nothing; give at least 1 worker process") }
        if executor == .slurm {
            if jobs != 1 { throw FigureKitError(.usage, "-j applies to --executor local; Slurm runs each task as an array task, drop -j") }
            if cachedOnly || render { throw FigureKitError(.usage, "the Slurm collect job renders from the cache itself; drop --render/--cached-only with --executor slurm") }
        } else {
            let slurmOnly = [dryRun ? "--dry-run" : nil, partition.map { _ in "--partition" }, time.map { _ in "--time" },
                             account.map { _ in "--account" }, sbatchArguments.isEmpty ? nil : "--sbatch-arg"].compactMap { $0 }
            if !slurmOnly.isEmpty {
                throw FigureKitError(.usage, "\(slurmOnly.joined(separator: ", ")) apply to --executor slurm; add --executor slurm or drop them")
            }
        }
    }

    func run() throws {
        try checkOptions()
        let workspace = folders.workspace
        let plan = SweepPlan(figures: try selection.figures(), seeds: try SeedRange.parse(seeds), scale: scale, overrides: assignments)
        // Bad --set keys fail here, in one line, before any work is handed out.
        for figure in plan.figures { _ = try figure.parameters(scale, overrides: assignments) }
        let folder = out.map { URL(fileURLWithPath: $0) } ?? workspace.figures
        let cache = ResultCache(folder: workspace.cache)
        let invocation = SweepInvocation(
            executable: SweepInvocation.currentExecutable, root: workspace.root.path, cacheFolder: workspace.cache.path,
            dataDirectory: folders.dataDir, out: folder.path, noCache: noCache)
        if executor == .slurm {
            try submit(plan, invocation: invocation, cache: cache, workspace: workspace, folder: folder)
            return
        }
        try AtomicFile.requireWritableFolder(folder)
        reportBLAS(printSummary: true)
        var workersRan = false
        if jobs > 1 && !cachedOnly {
            let tasks = noCache ? plan.tasks : try plan.missing(in: cache)
            let failures = try LocalExecutor.run(
                tasks, plan: plan, invocation: invocation, jobs: jobs,
                announce: { workers, threads in
                    stderr("wnfig sweep: \(tasks.count) of \(plan.tasks.count) tasks to run on \(workers) worker processes, \(threads) panel thread(s) each (the rest are complete in \(cache.folder.path))")
                }, log: stderr)
            if let first = failures.first {
                let reason = first.reason.map { ": \($0)" } ?? ""
                throw FigureKitError(
                    .io, "\(failures.count) of \(tasks.count) tasks failed (first: \(first.task)\(reason); log \(first.log.path)); fix the cause, then run the same sweep again: only the missing keys run")
            }
            workersRan = true
        }
        for figure in plan.figures {
            // After the workers, everything is in the cache: collect it, never re-run it.
            let request = FigureRequest(
                figure: figure, scale: scale, overrides: assignments, useCache: !noCache || workersRan, showProgress: true,
                dataDirectory: folders.dataDir)
            let sweep = try sweepSeeds(
                request, seeds: plan.seeds, workspace: workspace, cache: cache, cachedOnly: cachedOnly || workersRan, log: stderr)
            try AtomicFile.write(try FigureCoding.encoder(pretty: true).encode(sweep), to: SeedSweep.url(for: figure.id, in: folder))
            print(sweep.table)
            if render {
                var one = request
                one.seed = plan.renderSeed(for: figure)
                one.useCache = true
                _ = try produceFigure(one, into: folder, workspace: workspace, cache: cache)
                print("rendered \(figure.id) at seed \(one.seed!) → \(folder.path)")
            }
            print("")
        }
    }

    /// One array job per figure with missing seeds, then the collect job after them.
    private func submit(_ plan: SweepPlan, invocation: SweepInvocation, cache: ResultCache, workspace: Workspace, folder: URL) throws {
        let slurm = SlurmSweep(
            plan: plan, invocation: invocation,
            overrides: SlurmOverrides(partition: partition, time: time, account: account, extra: sbatchArguments))
        let missing = noCache ? plan.tasks : try plan.missing(in: cache)
        var manifestFolders = [folder]
        for candidate in [workspace.figures, workspace.figures.appendingPathComponent("paper")] where candidate.standardizedFileURL != folder.standardizedFileURL {
            manifestFolders.append(candidate)
        }
        var arrays: [(figure: String, seeds: [UInt64], script: String)] = []
        var collectMemory = 1024
        for figure in plan.figures {
            let resources = try TaskResources.estimate(for: figure, scale: scale, overrides: assignments, manifestFolders: manifestFolders)
            collectMemory = max(collectMemory, resources.memoryMB)
            let seeds = missing.filter { $0.figure == figure.id }.map(\.seed)
            if !seeds.isEmpty { arrays.append((figure.id, seeds, slurm.arrayScript(figure: figure.id, seeds: seeds, resources: resources))) }
        }
        if dryRun {
            for array in arrays {
                print("# ==> \(slurm.scriptURL(for: array.figure).path) (sbatch --parsable <this script>)")
                print(array.script)
            }
            print("# ==> \(slurm.collectURL.path) (<figure> below: the job id sbatch gives that figure's array, filled in at submission)")
            print(slurm.collectScript(dependencies: arrays.map { "<\($0.figure)>" }, memoryMB: collectMemory), terminator: "")
            return
        }
        let sbatch = try Sbatch.locate()
        try AtomicFile.requireWritableFolder(slurm.logFolder)
        try AtomicFile.requireWritableFolder(folder)
        print("\(missing.count) of \(plan.tasks.count) tasks missing from \(cache.folder.path)")
        var jobIDs: [String] = []
        for array in arrays {
            let url = slurm.scriptURL(for: array.figure)
            try AtomicFile.write(Data(array.script.utf8), to: url)
            let id = try Sbatch.submit(url, sbatch: sbatch)
            jobIDs.append(id)
            print("submitted \(array.figure): array job \(id), \(array.seeds.count) task(s) for seeds \(SeedRange.describe(array.seeds))")
        }
        try AtomicFile.write(Data(slurm.collectScript(dependencies: jobIDs, memoryMB: collectMemory).utf8), to: slurm.collectURL)
        let collect: String
        do {
            collect = try Sbatch.submit(slurm.collectURL, sbatch: sbatch)
        } catch let error as FigureKitError where !jobIDs.isEmpty {
            throw FigureKitError(error.kind, error.message + " (array jobs \(jobIDs.joined(separator: " ")) are queued: scancel them, or let them run and submit again)")
        }
        let after = jobIDs.isEmpty ? "now (every result is in the cache)" : "after \(jobIDs.joined(separator: ", ")) succeed"
        print("submitted collect: job \(collect), runs \(after); seeds files and figures → \(folder.path)")
        print("scripts and logs: \(slurm.folder.path)")
    }
}

/// One task of a sweep: fills the cache with one figure's result at one seed, and does nothing
/// when that result is already complete (a resubmitted or duplicated task costs a hash).
struct TaskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Fill the cache with one figure's result at one seed (what 'wnfig sweep' workers and Slurm tasks run).",
        shouldDisplay: false)

    @Argument(help: "Figure id.")
    var id: String

    @OptionGroup var folders: FolderOptions

    @Option(help: "Seed of the run.")
    var seed: UInt64

    @Option(help: "smoke, default or paper.")
    var scale: Scale = .default

    @Option(name: .customLong("set"), help: "Override a parameter: key=value (repeatable).")
    var assignments: [String] = []

    @Flag(help: "Run even when the cache holds a complete result.")
    var noCache = false

    func run() throws {
        let figure = try FigureLookup.find(id, in: registeredFigures)
        let cache = ResultCache(folder: folders.workspace.cache)
        let key = cache.key(id: figure.id, params: try figure.parameters(scale, overrides: assignments), seed: seed)
        if !noCache && cache.isComplete(key) {
            print("\(figure.id) seed \(seed): complete in \(cache.folder.path) (key \(key)), nothing to do")
            return
        }
        reportBLAS(printSummary: true)
        let dgemmRate = MeasuredOnce { measuredDGEMMRate() }
        let request = FigureRequest(
            figure: figure, scale: scale, seed: seed, overrides: assignments, useCache: !noCache, showProgress: true,
            referenceGemmRate: { dgemmRate.value }, dataDirectory: folders.dataDir)
        let result = try obtainResult(request, cache: cache)
        let peak = result.entry.peak_rss_mb.map { ", peak \(formatNumber($0)) MiB" } ?? ""
        print(String(format: "%@ seed %llu: ran in %.1f s%@ → key %@", figure.id, seed, result.entry.run_s, peak, key))
    }
}

private func stderr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
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
        let isDefaultGallery = folder.standardizedFileURL == folders.workspace.figures.standardizedFileURL
        let paperScale = isDefaultGallery ? try paperScaleRuns(manifests, folder: folder.appendingPathComponent("paper")) : nil
        try AtomicFile.write(Data(Gallery.markdown(manifests: manifests, sweeps: sweeps, paperScale: paperScale).utf8), to: url)
        print("wrote \(url.path) (\(manifests.count) figures)")
    }

    /// Per figure: the run time of its paper-scale run in `folder`, or that its default scale is
    /// the paper's, or that it has not been run there (bench/README.md estimates those).
    private func paperScaleRuns(_ manifests: [Manifest], folder: URL) throws -> [String: String] {
        var runs: [String: String] = [:]
        for m in manifests {
            guard let figure = registeredFigures.first(where: { $0.id == m.id }) else { continue }
            if let (_, paper) = try Manifest.recorded(for: figure, scale: .paper, overrides: [], in: [folder]) {
                runs[m.id] = String(format: "%.1f s ([run](paper/%@.manifest.json))", paper.timings.run_s, m.id)
            } else if try figure.parameters(.paper) == figure.parameters(.default) {
                runs[m.id] = "the default run"
            } else {
                runs[m.id] = "not run yet (estimate in [bench/README.md](../bench/README.md#figure-times))"
            }
        }
        return runs
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
