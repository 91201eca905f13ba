import Foundation

/// One sweep's work: every (figure, seed) at one scale with one parameter set. `wnfig sweep` runs
/// it in-process, hands it to local worker processes (`-j N`) or to Slurm, and its collect step
/// reads the results back from the cache; all of them see the same list.
public struct SweepPlan {
    /// One unit of work: one `wnfig task` process, one Slurm array task.
    public struct Task: Equatable, Sendable, CustomStringConvertible {
        public let figure: String
        public let seed: UInt64

        public init(figure: String, seed: UInt64) {
            self.figure = figure
            self.seed = seed
        }

        public var description: String { "\(figure) seed \(seed)" }
    }

    public let figures: [AnyFigure]
    public let seeds: [UInt64]
    public let scale: Scale
    public let overrides: [String]

    public init(figures: [AnyFigure], seeds: [UInt64], scale: Scale, overrides: [String]) {
        self.figures = figures
        self.seeds = seeds
        self.scale = scale
        self.overrides = overrides
    }

    /// Figure by figure, seeds in the order given.
    public var tasks: [Task] { figures.flatMap { figure in seeds.map { Task(figure: figure.id, seed: $0) } } }

    /// The tasks with no complete result in `cache`: what a (re)submission still has to run.
    public func missing(in cache: ResultCache) throws -> [Task] {
        var missing: [Task] = []
        for figure in figures {
            let params = try figure.parameters(scale, overrides: overrides)
            for seed in seeds where !cache.isComplete(cache.key(id: figure.id, params: params, seed: seed)) {
                missing.append(Task(figure: figure.id, seed: seed))
            }
        }
        return missing
    }

    /// The seed the collect step renders `figure` at: its own default seed when swept (the figure
    /// `wnfig run` makes), else the first seed of the sweep.
    public func renderSeed(for figure: AnyFigure) -> UInt64 {
        seeds.contains(figure.defaultSeed) ? figure.defaultSeed : seeds[0]
    }

    /// A short name for this sweep's Slurm folder: the same command lands in the same folder, so
    /// a resubmission finds its earlier logs beside the new ones.
    public var tag: String {
        let text = [figures.map(\.id).joined(separator: ","), SeedRange.describe(seeds), scale.rawValue, overrides.joined(separator: "\n")]
        return String(Digest.sha256(Data(text.joined(separator: "\n").utf8)).prefix(12))
    }
}

/// How a sweep's processes find everything, as absolute paths: a worker or a Slurm task starts in
/// another process, possibly on another node, and must read the same cache and data.
public struct SweepInvocation: Sendable {
    public let executable: String
    public let root: String
    /// The folder given as `--cache-dir` (it holds `runs/`).
    public let cacheFolder: String
    public let dataDirectory: String?
    public let out: String
    /// Recompute even complete keys (`sweep --no-cache`).
    public var noCache: Bool

    public init(executable: String, root: String, cacheFolder: String, dataDirectory: String?, out: String, noCache: Bool = false) {
        self.executable = Self.absolute(executable)
        self.root = Self.absolute(root)
        self.cacheFolder = Self.absolute(cacheFolder)
        self.dataDirectory = dataDirectory.map(Self.absolute)
        self.out = Self.absolute(out)
        self.noCache = noCache
    }

    /// The running wnfig, for workers and Slurm tasks (on a cluster it must sit on a shared folder).
    public static var currentExecutable: String {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
    }

    private static func absolute(_ path: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL.path
    }

    private var folderArguments: [String] {
        ["--root", root, "--cache-dir", cacheFolder] + (dataDirectory.map { ["--data-dir", $0] } ?? [])
    }

    private func settings(_ plan: SweepPlan) -> [String] {
        ["--scale", plan.scale.rawValue] + plan.overrides.flatMap { ["--set", $0] }
    }

    /// `wnfig task …` for one (figure, seed), without the seed when `seed` is nil (a Slurm array
    /// script appends the seed of its array index).
    public func taskArguments(figure: String, seed: UInt64?, plan: SweepPlan) -> [String] {
        ["task", figure] + (seed.map { ["--seed", String($0)] } ?? []) + settings(plan) + folderArguments
            + (noCache ? ["--no-cache"] : [])
    }

    /// `wnfig sweep … --cached-only --render`: the seeds files and figures from a warm cache.
    public func collectArguments(plan: SweepPlan) -> [String] {
        ["sweep"] + plan.figures.map(\.id) + ["--seeds", SeedRange.describe(plan.seeds)] + settings(plan)
            + ["--out", out] + folderArguments + ["--render", "--cached-only"]
    }
}

/// `-j N`: the sweep's tasks as `wnfig task` processes, N at a time, on this machine. Each writes
/// its log to `<log folder>/<figure>-seed<s>.log`; the logs of failed tasks are kept and named.
public enum LocalExecutor {
    public struct Failure: Sendable {
        public let task: SweepPlan.Task
        public let status: Int32
        public let log: URL

        /// The worker's error line (the last non-empty line of its log), for the caller's message.
        public var reason: String? {
            guard let text = try? String(contentsOf: log, encoding: .utf8) else { return nil }
            return text.split(separator: "\n").last.map(String.init)
        }
    }

    /// `run` on at most `jobs` workers (no more than there are tasks), the machine's cores shared
    /// out among them, logs in `<cache folder>/logs`; `announce(workers, threads)` hears the split
    /// before the first worker starts.
    public static func run(
        _ tasks: [SweepPlan.Task], plan: SweepPlan, invocation: SweepInvocation, jobs: Int,
        announce: (_ workers: Int, _ threads: Int) -> Void, log: (String) -> Void
    ) throws -> [Failure] {
        let workers = min(jobs, max(1, tasks.count))
        let threads = max(1, ProcessInfo.processInfo.activeProcessorCount / workers)
        announce(workers, threads)
        let logs = URL(fileURLWithPath: invocation.cacheFolder).appendingPathComponent("logs")
        return try run(tasks, plan: plan, invocation: invocation, jobs: workers, threads: threads, logFolder: logs, log: log)
    }

    /// Runs `tasks` and returns those that failed (an empty list: all complete in the cache).
    /// Each worker computes with `threads` panel threads so that N workers share the cores
    /// instead of each starting one thread per core.
    public static func run(
        _ tasks: [SweepPlan.Task], plan: SweepPlan, invocation: SweepInvocation, jobs: Int, threads: Int,
        logFolder: URL, log: (String) -> Void
    ) throws -> [Failure] {
        try AtomicFile.requireWritableFolder(logFolder)
        var environment = ProcessInfo.processInfo.environment
        environment["WNFIGURES_THREADS"] = String(threads)
        let finished = DispatchSemaphore(value: 0)
        var pending = tasks[...]
        var running: [(process: Process, task: SweepPlan.Task, log: URL, start: Date)] = []
        var failures: [Failure] = []
        var done = 0
        while !pending.isEmpty || !running.isEmpty {
            while running.count < jobs, let task = pending.popFirst() {
                let url = logFolder.appendingPathComponent("\(task.figure)-seed\(task.seed).log")
                guard FileManager.default.createFile(atPath: url.path, contents: nil),
                    let handle = FileHandle(forWritingAtPath: url.path)
                else {
                    throw FigureKitError(.io, "cannot write the task log \(url.path); choose a writable --cache-dir")
                }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: invocation.executable)
                process.arguments = invocation.taskArguments(figure: task.figure, seed: task.seed, plan: plan)
                process.environment = environment
                process.standardOutput = handle
                process.standardError = handle
                process.standardInput = FileHandle.nullDevice
                process.terminationHandler = { _ in finished.signal() }
                do {
                    try process.run()
                } catch {
                    throw FigureKitError(.io, "cannot start \(invocation.executable): \(AtomicFile.reason(error)); rebuild wnfig or run the sweep with -j 1")
                }
                try? handle.close()
                running.append((process, task, url, Date()))
            }
            // Bounded: a termination signalled just before its status became visible is
            // picked up on the next round instead of waiting for another worker to end.
            _ = finished.wait(timeout: .now() + 0.5)
            for (index, worker) in running.enumerated().reversed() where !worker.process.isRunning {
                running.remove(at: index)
                done += 1
                let status = worker.process.terminationStatus
                let seconds = String(format: "%.1f s", Date().timeIntervalSince(worker.start))
                if status == 0 && worker.process.terminationReason == .exit {
                    try? FileManager.default.removeItem(at: worker.log)
                    log("\(worker.task): done in \(seconds) (\(done)/\(tasks.count))")
                } else {
                    failures.append(Failure(task: worker.task, status: status, log: worker.log))
                    log("\(worker.task): FAILED with status \(status) after \(seconds); log: \(worker.log.path)")
                }
            }
        }
        return failures
    }
}
