import Datasets
import FigureKit
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
    func testWriteReplacesContentAndLeavesNoTemporaryFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.json")
        try AtomicFile.write(Data("one".utf8), to: url)
        try AtomicFile.write(Data("two".utf8), to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "two")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out.json"])
    }

    func testUnwritableFolderIsOneClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A regular file where a folder is expected cannot be written into, even as root.
        let blocker = folder.appendingPathComponent("file")
        try Data("x".utf8).write(to: blocker)
        XCTAssertThrowsError(try AtomicFile.write(Data("y".utf8), to: blocker.appendingPathComponent("out.png"))) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("writable --out"), message)
            XCTAssertFalse(message.contains("\n"))
        }
    }
}

final class FigureLookupTests: XCTestCase {
    func testEditDistance() {
        XCTAssertEqual(FigureLookup.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(FigureLookup.editDistance("", "abc"), 3)
        XCTAssertEqual(FigureLookup.editDistance("wu2020-fig1", "wu2020-fig1"), 0)
    }
}

final class FormatNumberTests: XCTestCase {
    func testFourSignificantDigitsAndScientificOutsideTheMiddleRange() {
        XCTAssertEqual(formatNumber(2.5), "2.5")
        XCTAssertEqual(formatNumber(0.123456), "0.1235")
        XCTAssertEqual(formatNumber(1.23e-7), "1.230e-07")
        XCTAssertEqual(formatNumber(-Double.infinity), "-inf")
    }
}

final class ClaimTests: XCTestCase {
    func testBoundsDecidePassing() {
        XCTAssertTrue(Claim.atMost("a", "s", value: 1, bound: 1).passed)
        XCTAssertFalse(Claim.atMost("a", "s", value: 1.01, bound: 1).passed)
        XCTAssertFalse(Claim.atLeast("a", "s", value: .nan, bound: 0).passed, "NaN never passes")
        XCTAssertTrue(Claim.within("a", "s", value: 2, in: 1.6...2.6).passed)
    }
}

final class ProgressTests: XCTestCase {
    func testTheETAComesFromThisSessionsPaceNotFromWhereAResumedRunStarted() {
        // Resumed at 600/1000, now at 700 after 100 s: 300 left at 1 per second.
        XCTAssertEqual(Progress.eta(elapsed: 100, from: 600, to: 700, of: 1000), 300)
        XCTAssertEqual(Progress.eta(elapsed: 10, from: 0, to: 250, of: 1000), 30)
        XCTAssertNil(Progress.eta(elapsed: 10, from: 600, to: 600, of: 1000), "no pace yet")
    }

    func testPartsSideBySideGetALineEachRedrawnInPlaceAndAFinishedOneStaysAbove() {
        let (cr, up, clear, below) = ("\r", "\u{1B}[1A", "\u{1B}[K", "\u{1B}[J")
        var board = ProgressBoard()
        board.update("EWN", line: "EWN epoch 1", finished: false)
        XCTAssertEqual(board.render(width: 80), cr + clear + "EWN epoch 1" + below, "one part: one line, as before")
        board.update("SWN", line: "SWN epoch 1", finished: false)
        board.update("EWN", line: "EWN epoch 2", finished: false)
        XCTAssertEqual(board.render(width: 80), cr + clear + "EWN epoch 2\n" + clear + "SWN epoch 1" + below)
        board.update("EWN", line: "EWN done", finished: true)
        XCTAssertEqual(
            board.render(width: 80), cr + up + clear + "EWN done\n" + clear + "SWN epoch 1" + below,
            "back up to the block's first line; the finished line is printed there and stays")
        board.update("SWN", line: "SWN epoch 2 with a long line", finished: false)
        XCTAssertEqual(board.render(width: 10), cr + clear + "SWN epoch" + below, "cut short of the width: never wraps")
        board.update("SWN", line: "SWN done", finished: true)
        XCTAssertEqual(board.render(width: 80), cr + clear + "SWN done\n" + below)
        XCTAssertEqual(board.render(width: 80), cr + below)
    }
}

final class CheckpointSessionTests: XCTestCase {
    func testACheckpointIsWrittenCompressedAndAnOlderUncompressedOneStillLoadsThenGoes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func session() throws -> CheckpointSession<[Int]> {
            try XCTUnwrap(try CheckpointSession<[Int]>(
                Checkpointing(folder: folder, resume: true), name: "t", scale: .smoke, seed: 1, parameters: ["n": 2]))
        }
        let first = try session()
        XCTAssertTrue(first.url.lastPathComponent.hasSuffix(".checkpoint.json.gz"))
        try first.save([1, 2, 3])
        let written = try Data(contentsOf: first.url)
        XCTAssertTrue(Gzip.isCompressed(written))
        XCTAssertEqual(try session().load(), [1, 2, 3])

        // What an earlier version wrote: the same JSON, uncompressed, under .checkpoint.json.
        let old = folder.appendingPathComponent("t.smoke.seed1.checkpoint.json")
        try Data(try Gzip.decompress([UInt8](written), file: "t")).write(to: old)
        try FileManager.default.removeItem(at: first.url)
        let resumed = try session()
        XCTAssertEqual(try resumed.load(), [1, 2, 3])
        try resumed.save([4])
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path), "replaced by the compressed one")
        XCTAssertEqual(try session().load(), [4])
        resumed.finish()
        XCTAssertNil(try session().load())
    }
}
