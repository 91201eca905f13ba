import Foundation
import XCTest

/// The `wnfig` executable as a user meets it: exit statuses and one-line errors for bad input.
final class CommandLineTests: XCTestCase {
    private func wnfig(_ arguments: [String]) throws -> WNFigResult { try WNFigProcess.run(arguments) }

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

    func testCiteGivesMarkdownAndBibTeX() throws {
        let cite = try wnfig(["cite", "plot-gallery"])
        XCTAssertEqual(cite.status, 0)
        XCTAssertTrue(cite.stdout.contains("![plot-gallery]"))
        XCTAssertTrue(cite.stdout.contains("@misc{wnfigures"))
    }
}
