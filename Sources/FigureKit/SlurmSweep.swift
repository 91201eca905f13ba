import Foundation

/// What one array task of a figure asks Slurm for, from the figure's own measured cost.
public struct TaskResources: Equatable, Sendable {
    public var cpus: Int
    public var memoryMB: Int
    public var minutes: Int
    /// Where the numbers come from, for the script's comment.
    public var basis: String

    /// The cores the committed figures were measured on (the project's reference machine).
    static let referenceCores = 2

    /// Used when no manifest measured this figure at these parameters: generous, because a task
    /// killed at its limit costs a resubmission, and a smaller request only queues sooner.
    public static func fallback(_ scale: Scale) -> TaskResources {
        switch scale {
        case .smoke: return TaskResources(cpus: referenceCores, memoryMB: 1024, minutes: 10, basis: "smoke-scale default")
        case .default: return TaskResources(cpus: referenceCores, memoryMB: 4096, minutes: 120, basis: "default-scale default")
        case .paper: return TaskResources(cpus: referenceCores, memoryMB: 16384, minutes: 48 * 60, basis: "paper-scale default")
        }
    }

    /// From the first manifest in `folders` of this figure at this scale and these exact
    /// parameters (another parameter set can cost anything): cores = the panel threads it ran
    /// on, time = 3 × run_s + 10 minutes (slower nodes, a loaded file system), memory = 1.5 ×
    /// its peak + 512 MiB. Without one, the per-scale default.
    public static func estimate(for figure: AnyFigure, scale: Scale, overrides: [String], manifestFolders: [URL]) throws -> TaskResources {
        let fallback = fallback(scale)
        if let (url, manifest) = try Manifest.recorded(for: figure, scale: scale, overrides: overrides, in: manifestFolders) {
            let cpus = max(1, manifest.blas?.panel_threads ?? referenceCores)
            let minutes = Int((3 * manifest.timings.run_s / 60).rounded(.up)) + 10
            var memory = fallback.memoryMB
            var basis = "\(url.path): run_s \(formatNumber(manifest.timings.run_s)) on \(cpus) panel threads"
            if let peak = manifest.timings.peak_rss_mb {
                memory = Int((1.5 * peak).rounded(.up)) + 512
                basis += ", peak \(formatNumber(peak)) MiB"
            } else {
                basis += ", no memory recorded (\(fallback.basis) memory)"
            }
            return TaskResources(cpus: cpus, memoryMB: memory, minutes: minutes, basis: basis)
        }
        return fallback
    }

    /// Slurm's D-HH:MM:SS.
    public var slurmTime: String {
        String(format: "%d-%02d:%02d:00", minutes / (24 * 60), minutes / 60 % 24, minutes % 60)
    }
}

/// Settings the user gives that win over the measured resources.
public struct SlurmOverrides: Sendable {
    public var partition: String?
    /// As Slurm writes it (e.g. 2:00:00 or 1-12:00:00); replaces the measured limit of the tasks.
    public var time: String?
    public var account: String?
    /// Extra `sbatch` options, written last so that they win over everything above them.
    public var extra: [String]


    public init(partition: String? = nil, time: String? = nil, account: String? = nil, extra: [String] = []) {
        self.partition = partition
        self.time = time
        self.account = account
        self.extra = extra
    }
}

/// The sbatch scripts of a sweep: one array job per figure (its own resources: Dukler's MNIST
/// run and Wu's schematic should not share one time limit), one array task per missing seed,
/// and one collect job that runs after all of them.
public struct SlurmSweep {
    public let plan: SweepPlan
    public let invocation: SweepInvocation
    public let overrides: SlurmOverrides
    /// `<cache>/slurm/<sweep tag>`: scripts and logs, on the folder every node reads.
    public let folder: URL

    public init(plan: SweepPlan, invocation: SweepInvocation, overrides: SlurmOverrides) {
        self.plan = plan
        self.invocation = invocation
        self.overrides = overrides
        folder = URL(fileURLWithPath: invocation.cacheFolder).appendingPathComponent("slurm").appendingPathComponent(plan.tag)
    }

    public var logFolder: URL { folder.appendingPathComponent("logs") }

    public func scriptURL(for figure: String) -> URL { folder.appendingPathComponent("\(figure).sbatch") }
    public var collectURL: URL { folder.appendingPathComponent("collect.sbatch") }

    /// The array script of `figure` over `seeds` (the ones still missing).
    public func arrayScript(figure: String, seeds: [UInt64], resources: TaskResources) -> String {
        var lines = [
            "#!/bin/bash",
            "# wnfig sweep: \(figure) at \(plan.scale.rawValue) scale, \(seeds.count) seed(s) still missing of \(plan.seeds.count), one array task each.",
            "# Resources from \(resources.basis): \(resources.cpus) cores, \(resources.memoryMB) MiB, \(resources.slurmTime).",
            "# A task whose result is already complete in the cache does nothing; a failed task's log is",
            "# \(logFolder.path)/\(figure)-<array job>_<index>.log (its first line names the seed).",
            "#SBATCH --job-name=wnfig-\(figure)",
            "#SBATCH --array=0-\(seeds.count - 1)",
            "#SBATCH --cpus-per-task=\(resources.cpus)",
            "#SBATCH --mem=\(resources.memoryMB)M",
            "#SBATCH --time=\(overrides.time ?? resources.slurmTime)",
        ]
        lines += common(output: "\(figure)-%A_%a.log")
        lines += [
            "set -euo pipefail",
            "seeds=(\(seeds.map(String.init).joined(separator: " ")))",
            "seed=\"${seeds[$SLURM_ARRAY_TASK_ID]}\"",
            "echo \"wnfig task \(figure) seed $seed (array task $SLURM_ARRAY_JOB_ID/$SLURM_ARRAY_TASK_ID on $(hostname))\"",
            "# The panel threads follow the allocation, a pass-through --cpus-per-task included.",
            "export WNFIGURES_THREADS=\"${SLURM_CPUS_PER_TASK:-\(resources.cpus)}\"",
            "exec " + shellWords([invocation.executable] + invocation.taskArguments(figure: figure, seed: nil, plan: plan)) + " --seed \"$seed\"",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The collect script: after every array job succeeded (`afterok`), the seeds files and
    /// figures from the cache. `dependencies` are job ids (placeholders in a dry run).
    public func collectScript(dependencies: [String], memoryMB: Int) -> String {
        var lines = [
            "#!/bin/bash",
            "# wnfig sweep: collect \(plan.figures.map(\.id).joined(separator: ", ")) (seeds \(SeedRange.describe(plan.seeds))) into \(invocation.out).",
            "# Runs nothing: a result missing from the cache is an error that names it.",
            "#SBATCH --job-name=wnfig-collect",
        ]
        if !dependencies.isEmpty {
            lines += [
                "#SBATCH --dependency=afterok:\(dependencies.joined(separator: ":"))",
                // A failed or cancelled task would otherwise leave this job pending forever.
                "#SBATCH --kill-on-invalid-dep=yes",
            ]
        }
        lines += ["#SBATCH --cpus-per-task=1", "#SBATCH --mem=\(memoryMB)M", "#SBATCH --time=0-00:30:00"]
        lines += common(output: "collect-%j.log")
        lines += [
            "set -euo pipefail",
            "export WNFIGURES_THREADS=1",
            "exec " + shellWords([invocation.executable] + invocation.collectArguments(plan: plan)),
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    private func common(output: String) -> [String] {
        var lines = [
            "#SBATCH --output=\(logFolder.path)/\(output)",
            // The folder sbatch ran in: relative defaults (data/mnist) resolve as they did there.
            "#SBATCH --chdir=\(FileManager.default.currentDirectoryPath)",
        ]
        if let partition = overrides.partition { lines.append("#SBATCH --partition=\(partition)") }
        if let account = overrides.account { lines.append("#SBATCH --account=\(account)") }
        lines += overrides.extra.map { "#SBATCH \($0)" }
        return lines
    }
}

/// Quotes words for bash: each in single quotes unless it is plainly safe.
func shellWords(_ words: [String]) -> String {
    let safe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
    return words.map { word in
        if !word.isEmpty, word.unicodeScalars.allSatisfy(safe.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }.joined(separator: " ")
}

/// `sbatch --parsable <script>` → the job id.
public enum Sbatch {
    /// The sbatch on PATH, or a one-line error saying what to do instead.
    public static func locate() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent("sbatch")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw FigureKitError(
            .usage, "sbatch is not on PATH; run this on a Slurm login node, or use --executor local -j N (add --dry-run to see the scripts)")
    }

    public static func submit(_ script: URL, sbatch: URL) throws -> String {
        let process = Process()
        process.executableURL = sbatch
        process.arguments = ["--parsable", script.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // --parsable prints "<id>" or "<id>;<cluster>".
        let id = stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ";").first.map(String.init) ?? ""
        guard process.terminationStatus == 0, !id.isEmpty, id.allSatisfy(\.isNumber) else {
            let reason = stderr.split(separator: "\n").last.map(String.init) ?? "exit status \(process.terminationStatus)"
            throw FigureKitError(.io, "sbatch \(script.path) failed: \(reason); fix the options (--partition, --account, --sbatch-arg) and submit again")
        }
        return id
    }
}
