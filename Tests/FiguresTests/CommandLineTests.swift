import Datasets
import Foundation
import XCTest

/// The `wnfig` executable as a user meets it: exit statuses and one-line errors for bad input.
final class CommandLineTests: XCTestCase {
    private func wnfig(_ arguments: [String], whileRunning: (Process) throws -> Void = { _ in }) throws -> WNFigResult {
        try WNFigProcess.run(arguments, whileRunning: whileRunning)
    }

    func testUnknownFigureIdListsTheNearestIds() throws {
        let result = try wnfig(["run", "plot-galery", "--scale", "smoke", "--out", NSTemporaryDirectory()])
        assertOneLineError(result, containing: "nearest: plot-gallery")
    }

    func testUnknownParameterListsTheValidKeys() throws {
        let result = try wnfig(["run", "plot-gallery", "--scale", "smoke", "--set", "nope=1", "--out", NSTemporaryDirectory()])
        assertOneLineError(result, containing: "valid keys")
    }

    func testUnwritableOutputFolderIsOneLineAndWritesNothing() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-blocker-\(getpid())")
        try Data("x".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let result = try wnfig(["run", "plot-gallery", "--scale", "smoke", "--out", blocker.appendingPathComponent("out").path])
        assertOneLineError(result, containing: "writable --out")
    }

    func testDataDirReachesTheLIBSVMAndCIFARReaders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-data-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("+1 1:1\n".utf8).write(to: folder.appendingPathComponent("a9a"))
        let a9a = try wnfig(["run", "kohler2019-fig2", "--scale", "smoke", "--no-cache", "--data-dir", folder.path, "--out", NSTemporaryDirectory()])
        assertOneLineError(a9a, containing: "is not the official LIBSVM a9a")
        try Data([10] + [UInt8](repeating: 0, count: 3072)).write(to: folder.appendingPathComponent("data_batch_1.bin"))
        let cifar = try wnfig(["run", "kohler2019-fig3", "--scale", "smoke", "--no-cache", "--data-dir", folder.path, "--out", NSTemporaryDirectory()])
        assertOneLineError(cifar, containing: "data_batch_1.bin, row 1: label byte 10 is not a class 0–9")
    }

    func testBadScaleIsAUsageError() throws {
        let result = try wnfig(["run", "plot-gallery", "--scale", "huge"])
        assertOneLineError(result, containing: "huge")
    }

    func testListNamesEveryFigureAndVersionPrints() throws {
        let list = try wnfig(["list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertTrue(list.stdout.contains("plot-gallery"))
        let version = try wnfig(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
    }

    func testListShowsTheParametersOfTheScaleAskedForWithIntegersAsIntegers() throws {
        let paper = try wnfig(["list", "--parameters", "--scale", "paper"])
        XCTAssertEqual(paper.status, 0, paper.stderr)
        XCTAssertTrue(paper.stdout.contains("    hiddenUnits (integer) = 10000\n"), paper.stdout)
        XCTAssertTrue(paper.stdout.contains("    lowLogLoss (number) = -300\n"), paper.stdout)
        let defaults = try wnfig(["list", "--parameters"])
        XCTAssertTrue(defaults.stdout.contains("    hiddenUnits (integer) = 1000\n"), defaults.stdout)
        XCTAssertFalse(defaults.stdout.contains(".0000"), "no integer printed as a float: \(defaults.stdout)")
    }

    func testTheGallerySaysWhatEachFiguresPaperScaleRunTook() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-gallery-\(getpid())")
        defer { try? FileManager.default.removeItem(at: root) }
        let figures = root.appendingPathComponent("figures")
        let cache = root.appendingPathComponent("cache").path
        for (id, scale, out) in [("wu2020-fig1", "smoke", figures), ("wu2020-fig2", "smoke", figures),
                                 ("plot-gallery", "smoke", figures), ("wu2020-fig2", "paper", figures.appendingPathComponent("paper"))] {
            let run = try wnfig(["run", id, "--scale", scale, "--format", "png", "--out", out.path, "--cache-dir", cache])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let gallery = try wnfig(["gallery", "--root", root.path])
        XCTAssertEqual(gallery.status, 0, gallery.stderr)
        let text = try String(contentsOf: figures.appendingPathComponent("README.md"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| [") }.map(String.init)
        XCTAssertEqual(rows.count, 3, text)
        XCTAssertTrue(rows.contains { $0.hasPrefix("| [wu2020-fig2]") && $0.contains("s ([run](paper/wu2020-fig2.manifest.json))") }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("| [plot-gallery]") && $0.contains("| the default run |") }, "\(rows)")
        XCTAssertTrue(rows.contains { $0.hasPrefix("| [wu2020-fig1]") && $0.contains("not run yet") }, "\(rows)")
    }

    func testCiteGivesMarkdownAndBibTeX() throws {
        let cite = try wnfig(["cite", "plot-gallery"])
        XCTAssertEqual(cite.status, 0)
        XCTAssertTrue(cite.stdout.contains("![plot-gallery]"))
        XCTAssertTrue(cite.stdout.contains("@misc{wnfigures"))
    }

    // MARK: resumable MNIST runs (need the official MNIST files, like the smoke goldens)

    private func mnistRun(_ out: URL, _ extra: [String] = [], whileRunning: (Process) throws -> Void = { _ in }) throws -> WNFigResult {
        let result = try wnfig(
            ["run", "morwani2021-fig7", "--scale", "smoke", "--no-cache", "--format", "png", "--out", out.path] + extra,
            whileRunning: whileRunning)
        if result.status == 2 && result.stderr.contains("MNIST") { throw XCTSkip("official MNIST not found; run `make data`") }
        return result
    }

    private func checkpoint(in folder: URL) -> URL {
        folder.appendingPathComponent("morwani2021-mnist-pruning.smoke.seed0.checkpoint.json.gz")
    }

    private func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-\(name)-\(getpid())")
    }

    func testAStoppedMNISTRunResumedWithResumeWritesTheBytesOfAnUninterruptedRun() throws {
        let whole = temporaryFolder("whole"), parts = temporaryFolder("parts")
        defer { for f in [whole, parts] { try? FileManager.default.removeItem(at: f) } }
        XCTAssertEqual(try mnistRun(whole).status, 0)

        // Stopped twice by the test hook (as Ctrl-C stops it: checkpoint written, exit 130), then finished.
        let first = try mnistRun(parts, ["--stop-after-epochs", "700"])
        XCTAssertEqual(first.status, 130, first.stderr)
        XCTAssertTrue(first.stderr.contains("--resume"), first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: checkpoint(in: parts).path))
        XCTAssertEqual(try mnistRun(parts, ["--resume", "--stop-after-epochs", "700"]).status, 130)
        let last = try mnistRun(parts, ["--resume"])
        XCTAssertEqual(last.status, 0, last.stderr)
        let name = "morwani2021-fig7.json"
        XCTAssertEqual(
            try Data(contentsOf: parts.appendingPathComponent(name)), try Data(contentsOf: whole.appendingPathComponent(name)))
        XCTAssertFalse(FileManager.default.fileExists(atPath: checkpoint(in: parts).path), "a finished run removes its checkpoint")

        // --resume with no checkpoint is a one-line error.
        assertOneLineError(try mnistRun(parts, ["--resume"]), containing: "no checkpoint")
    }

    func testCtrlCLeavesAValidCheckpointFromWhichTheRunResumes() throws {
        let whole = temporaryFolder("whole-int"), parts = temporaryFolder("parts-int")
        defer { for f in [whole, parts] { try? FileManager.default.removeItem(at: f) } }
        XCTAssertEqual(try mnistRun(whole).status, 0)
        // A checkpoint at every epoch attempt; SIGINT once the first one exists.
        let stopped = try mnistRun(parts, ["--checkpoint-minutes", "0.00001"]) { process in
            let deadline = Date().addingTimeInterval(120)
            while !FileManager.default.fileExists(atPath: checkpoint(in: parts).path) && Date() < deadline && process.isRunning {
                usleep(20_000)
            }
            usleep(200_000)
            process.interrupt()
        }
        XCTAssertEqual(stopped.status, 130, "stopped by SIGINT after writing its checkpoint: \(stopped.stderr)")
        let saved = try Gzip.decompress([UInt8](try Data(contentsOf: checkpoint(in: parts))), file: "checkpoint")
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(saved)), "the checkpoint left behind is whole")
        let resumed = try mnistRun(parts, ["--resume"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let name = "morwani2021-fig7.json"
        XCTAssertEqual(
            try Data(contentsOf: parts.appendingPathComponent(name)), try Data(contentsOf: whole.appendingPathComponent(name)))
    }
}
