import Foundation
import XCTest

/// `wnfig sweep --executor slurm|local` and `wnfig task` as processes: the sbatch scripts a dry
/// run prints, local workers giving the serial sweep's bytes, and a cache shared by processes.
final class SweepExecutorTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-sweep-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func sweep(_ ids: [String], seeds: String, _ extra: [String], cache: String = "cache", out: String = "out") throws -> WNFigResult {
        try WNFigProcess.run(["sweep"] + ids + ["--seeds", seeds, "--scale", "smoke", "--cache-dir", path(cache), "--out", path(out)] + extra)
    }

    private func dryRun(_ ids: [String], seeds: String, _ extra: [String] = [], cache: String = "cache", out: String = "out") throws -> String {
        let result = try sweep(ids, seeds: seeds, ["--executor", "slurm", "--dry-run"] + extra, cache: cache, out: out)
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout
    }

    private func lines(_ text: String, starting prefix: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter { $0.hasPrefix(prefix) }
    }

    // MARK: sbatch scripts

    func testSlurmDryRunHasOneArrayJobPerFigureOneTaskPerSeedAndACollectJobAfterThem() throws {
        let text = try dryRun(["wu2020-fig2", "morwani2021-fig4"], seeds: "0-3")
        XCTAssertEqual(lines(text, starting: "#SBATCH --array="), ["#SBATCH --array=0-3", "#SBATCH --array=0-3"])
        XCTAssertEqual(lines(text, starting: "seeds=("), ["seeds=(0 1 2 3)", "seeds=(0 1 2 3)"])
        XCTAssertEqual(lines(text, starting: "#SBATCH --dependency="), ["#SBATCH --dependency=afterok:<wu2020-fig2>:<morwani2021-fig4>"])
        XCTAssertEqual(lines(text, starting: "#SBATCH --kill-on-invalid-dep="), ["#SBATCH --kill-on-invalid-dep=yes"])
        // No manifest at smoke scale: the per-scale default, two cores as measured on the reference machine.
        XCTAssertEqual(lines(text, starting: "#SBATCH --cpus-per-task="), ["#SBATCH --cpus-per-task=2", "#SBATCH --cpus-per-task=2", "#SBATCH --cpus-per-task=1"])
        XCTAssertEqual(Array(lines(text, starting: "#SBATCH --mem=").prefix(2)), ["#SBATCH --mem=1024M", "#SBATCH --mem=1024M"])
        XCTAssertEqual(Array(lines(text, starting: "#SBATCH --time=").prefix(2)), ["#SBATCH --time=0-00:10:00", "#SBATCH --time=0-00:10:00"])
        let execs = lines(text, starting: "exec ")
        XCTAssertEqual(execs.count, 3)
        XCTAssertTrue(execs[0].contains(" task wu2020-fig2 --scale smoke "), execs[0])
        XCTAssertTrue(execs[0].hasSuffix("--seed \"$seed\""), execs[0])
        XCTAssertTrue(execs[2].contains(" sweep wu2020-fig2 morwani2021-fig4 --seeds 0-3 --scale smoke --out \(path("out")) "), execs[2])
        XCTAssertTrue(execs[2].hasSuffix("--render --cached-only"), execs[2])
        XCTAssertTrue(text.contains("--cache-dir \(path("cache"))"), text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("cache") + "/slurm"), "a dry run writes nothing")
    }

    func testPartitionTimeAccountAndPassThroughArgumentsOverrideTheMeasuredResources() throws {
        let text = try dryRun(
            ["wu2020-fig2"], seeds: "0-1",
            ["--partition", "short", "--account", "lab7", "--time", "4:00:00", "--sbatch-arg=--qos=long", "--sbatch-arg", "--mem=9G"])
        XCTAssertEqual(lines(text, starting: "#SBATCH --partition="), ["#SBATCH --partition=short", "#SBATCH --partition=short"])
        XCTAssertEqual(lines(text, starting: "#SBATCH --account="), ["#SBATCH --account=lab7", "#SBATCH --account=lab7"])
        XCTAssertEqual(lines(text, starting: "#SBATCH --time=").first, "#SBATCH --time=4:00:00")
        XCTAssertEqual(lines(text, starting: "#SBATCH --qos="), ["#SBATCH --qos=long", "#SBATCH --qos=long"])
        // Pass-through options come after the measured ones: the later #SBATCH line wins.
        let script = text.split(separator: "\n").map(String.init)
        let measured = try XCTUnwrap(script.firstIndex(of: "#SBATCH --mem=1024M"))
        let passed = try XCTUnwrap(script.firstIndex(of: "#SBATCH --mem=9G"))
        XCTAssertLessThan(measured, passed)
    }

    func testResourcesComeFromAManifestAtTheSameScaleAndParameters() throws {
        let run = try WNFigProcess.run(["run", "wu2020-fig2", "--scale", "smoke", "--format", "png", "--out", path("out"), "--cache-dir", path("cache")])
        XCTAssertEqual(run.status, 0, run.stderr)
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/wu2020-fig2.manifest.json"))) as? [String: Any]
        let timings = try XCTUnwrap(manifest?["timings"] as? [String: Any])
        let peak = try XCTUnwrap(timings["peak_rss_mb"] as? Double, "the run records its peak memory")
        let text = try dryRun(["wu2020-fig2"], seeds: "5-6", cache: "other-cache")
        XCTAssertTrue(text.contains("Resources from \(path("out"))/wu2020-fig2.manifest.json"), text)
        XCTAssertEqual(lines(text, starting: "#SBATCH --mem=").first, "#SBATCH --mem=\(Int((1.5 * peak).rounded(.up)) + 512)M")
        // A smoke run takes well under a minute: 3 × run_s rounds up to 1 minute, plus 10.
        XCTAssertEqual(lines(text, starting: "#SBATCH --time=").first, "#SBATCH --time=0-00:11:00")
        // Other parameters can cost anything: the manifest does not apply.
        let other = try dryRun(["wu2020-fig2"], seeds: "5-6", ["--set", "timeStep=0.0005"], cache: "other-cache")
        XCTAssertTrue(other.contains("Resources from smoke-scale default"), other)
    }

    func testASubmissionListsOnlyTheSeedsMissingFromTheCache() throws {
        let task = try WNFigProcess.run(["task", "wu2020-fig2", "--seed", "1", "--scale", "smoke", "--cache-dir", path("cache")])
        XCTAssertEqual(task.status, 0, task.stderr)
        let text = try dryRun(["wu2020-fig2", "morwani2021-fig4"], seeds: "0-2")
        XCTAssertEqual(lines(text, starting: "seeds=("), ["seeds=(0 2)", "seeds=(0 1 2)"])
        XCTAssertEqual(lines(text, starting: "#SBATCH --array="), ["#SBATCH --array=0-1", "#SBATCH --array=0-2"])
    }

    func testSlurmOptionsWithoutSlurmAndSlurmWithoutSbatchAreOneLineErrors() throws {
        assertOneLineError(try sweep(["wu2020-fig2"], seeds: "0", ["--partition", "x"]), containing: "apply to --executor slurm")
        assertOneLineError(try sweep(["wu2020-fig2"], seeds: "0", ["-j", "0"]), containing: "at least 1 worker")
        assertOneLineError(try sweep(["wu2020-fig2"], seeds: "0", ["--executor", "slurm", "-j", "2"]), containing: "drop -j")
        let noSbatch = try WNFigProcess.run(
            ["sweep", "wu2020-fig2", "--seeds", "0", "--scale", "smoke", "--executor", "slurm", "--cache-dir", path("cache"), "--out", path("out")],
            environment: ["PATH": folder.path])
        assertOneLineError(noSbatch, containing: "sbatch is not on PATH")
    }

    // MARK: local workers

    func testTwoLocalWorkersWriteTheSerialSweepsSeedsFilesByteForByte() throws {
        let ids = ["wu2020-fig2", "morwani2021-fig4"]
        let serial = try sweep(ids, seeds: "0-2", [], cache: "serial-cache", out: "serial")
        XCTAssertEqual(serial.status, 0, serial.stderr)
        let parallel = try sweep(ids, seeds: "0-2", ["-j", "2"], cache: "parallel-cache", out: "parallel")
        XCTAssertEqual(parallel.status, 0, parallel.stderr)
        XCTAssertTrue(parallel.stderr.contains("6 of 6 tasks to run on 2 worker processes"), parallel.stderr)
        for id in ids {
            let a = try Data(contentsOf: folder.appendingPathComponent("serial/\(id).seeds.json"))
            let b = try Data(contentsOf: folder.appendingPathComponent("parallel/\(id).seeds.json"))
            XCTAssertEqual(a, b, "\(id).seeds.json")
        }
        let again = try sweep(ids, seeds: "0-2", ["-j", "2"], cache: "parallel-cache", out: "parallel")
        XCTAssertTrue(again.stderr.contains("0 of 6 tasks to run"), "a complete sweep runs nothing again: \(again.stderr)")
    }

    func testRunWithTwoWorkersWritesTheSerialRunsFilesByteForByte() throws {
        // Figs. 7 and 11 share one MNIST training: the workers must agree on it, not race for it.
        let ids = ["morwani2021-fig7", "morwani2021-fig11", "wu2020-fig2", "morwani2021-fig4"]
        func run(_ extra: [String], cache: String, out: String) throws -> WNFigResult {
            try WNFigProcess.run(["run"] + ids + ["--scale", "smoke", "--cache-dir", path(cache), "--out", path(out)] + extra)
        }
        let serial = try run([], cache: "serial-cache", out: "serial")
        XCTAssertEqual(serial.status, 0, serial.stderr)
        let parallel = try run(["-j", "2"], cache: "parallel-cache", out: "parallel")
        XCTAssertEqual(parallel.status, 0, parallel.stderr)
        XCTAssertTrue(parallel.stderr.contains("4 of 4 experiments to compute on 2 worker processes"), parallel.stderr)
        for id in ids {
            for suffix in ["json", "png", "svg", "pdf"] {
                let a = try Data(contentsOf: folder.appendingPathComponent("serial/\(id).\(suffix)"))
                let b = try Data(contentsOf: folder.appendingPathComponent("parallel/\(id).\(suffix)"))
                XCTAssertEqual(a, b, "\(id).\(suffix)")
            }
        }
        XCTAssertFalse(parallel.stdout.contains("c  "), "computed by this run's workers, not cached earlier: \(parallel.stdout)")
        let again = try run(["-j", "2"], cache: "parallel-cache", out: "parallel")
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertFalse(again.stderr.contains("worker processes"), "everything is cached: no worker starts: \(again.stderr)")
    }

    func testRunRefusesWorkersForACheckpointedRun() throws {
        let result = try WNFigProcess.run(["run", "morwani2021-fig7", "--scale", "smoke", "-j", "2", "--resume", "--out", path("out"), "--cache-dir", path("cache")])
        assertOneLineError(result, containing: "drop -j")
    }

    func testTheCollectStepNamesASeedMissingFromTheCache() throws {
        let result = try sweep(["wu2020-fig2"], seeds: "0-1", ["--cached-only"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("wu2020-fig2 seed 0 has no complete result"), result.stderr)
        XCTAssertEqual(result.stderr.split(separator: "\n").filter { $0.hasPrefix("wnfig: error") }.count, 1, result.stderr)
    }

    // MARK: one cache, many processes

    private func entries(_ cache: String) throws -> [String] {
        let runs = folder.appendingPathComponent("\(cache)/runs")
        return ((try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []).sorted()
    }

    func testTwoProcessesWritingTheSameKeyLeaveOneCompleteEntryAndNoTemporaries() throws {
        let arguments = ["task", "morwani2021-fig4", "--seed", "3", "--scale", "smoke", "--no-cache", "--cache-dir", path("cache")]
        let writers = try (0..<4).map { _ in try WNFigProcess.start(arguments) }
        for writer in writers { writer.waitUntilExit() }
        XCTAssertEqual(writers.map(\.terminationStatus), [0, 0, 0, 0])
        let files = try entries("cache")
        XCTAssertEqual(files.filter { $0.hasSuffix(".data.json") }.count, 1, "\(files)")
        XCTAssertEqual(files.filter { $0.hasSuffix(".meta.json") }.count, 1, "\(files)")
        XCTAssertEqual(files.count, 2, "no temporary files left: \(files)")
        let again = try WNFigProcess.run(Array(arguments.dropLast(3)) + ["--cache-dir", path("cache")])
        XCTAssertTrue(again.stdout.contains("nothing to do"), "the entry is complete: \(again.stdout)")
    }

    func testAKilledTaskLeavesNoEntryAndItsKeyRunsAgain() throws {
        // 100 × more RK4 steps than smoke: about 15 s, killed long before it ends.
        let slow = ["task", "wu2020-fig2", "--seed", "0", "--scale", "smoke", "--set", "timeStep=0.00001", "--cache-dir", path("cache")]
        let writer = try WNFigProcess.start(slow)
        Thread.sleep(forTimeInterval: 1)
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        XCTAssertEqual(writer.terminationReason, .uncaughtSignal)
        XCTAssertTrue(try entries("cache").filter { $0.hasSuffix(".meta.json") }.isEmpty, "no visible entry")
        let text = try dryRun(["wu2020-fig2"], seeds: "0", ["--set", "timeStep=0.00001"])
        XCTAssertEqual(lines(text, starting: "seeds=("), ["seeds=(0)"], "the killed task's key is still missing")
    }
}
