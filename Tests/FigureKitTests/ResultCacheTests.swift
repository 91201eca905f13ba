import FigureKit
import Foundation
import XCTest

/// The cache many processes fill at once: an entry counts only when complete.
final class ResultCacheTests: XCTestCase {
    private var folder: URL!
    private var cache: ResultCache!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-cache-\(getpid())-\(UUID().uuidString.prefix(8))")
        cache = ResultCache(folder: folder, codeVersion: "test")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder.path)) ?? []).sorted()
    }

    func testThreadsWritingTheSameKeyLeaveOneCompleteEntryAndNoTemporaries() throws {
        let key = cache.key(id: "same", params: Data("{}".utf8), seed: 0)
        let data = Data(repeating: 0x5a, count: 1 << 20)
        let errors = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 16) { writer in
            do {
                try cache.store(key, data: data, entry: .init(run_s: Double(writer)))
            } catch {
                errors.add(error)
            }
        }
        XCTAssertTrue(errors.all.isEmpty, "\(errors.all)")
        let hit = try XCTUnwrap(cache.load(key))
        XCTAssertEqual(hit.data, data)
        XCTAssertEqual(listing(), ["\(key).data.json", "\(key).meta.json"])
    }

    func testTwoThreadsNeedingOneSharedExperimentComputeItOnce() throws {
        let computations = Tally()
        let results = ErrorBox()
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            // Separate contexts, as two worker processes would have; only the cache folder is shared.
            let context = RunContext(seed: 7, scale: .smoke, sharedResults: cache)
            do {
                let value = try context.shared("experiment", parameters: ["n": 3]) { () -> [Int] in
                    computations.increment()
                    Thread.sleep(forTimeInterval: 0.3)
                    return [1, 2, 3]
                }
                if value != [1, 2, 3] { results.add(CocoaError(.coderReadCorrupt)) }
            } catch {
                results.add(error)
            }
        }
        XCTAssertEqual(computations.count, 1, "the second waited for the first and re-used its result")
        XCTAssertTrue(results.all.isEmpty, "\(results.all)")
    }

    func testAWriterKilledBetweenDataAndMetaLeavesNoEntry() throws {
        let key = cache.key(id: "killed", params: Data("{}".utf8), seed: 1)
        // What a writer killed after its first rename leaves: the data, no meta.
        try AtomicFile.write(Data("[1,2,3]".utf8), to: cache.dataURL(key))
        XCTAssertNil(cache.load(key))
        XCTAssertFalse(cache.isComplete(key))
        // And a writer killed before its rename: a hidden temporary, never read.
        try Data("[1,".utf8).write(to: cache.folder.appendingPathComponent(AtomicFile.temporaryName(for: cache.metaURL(key))))
        XCTAssertFalse(cache.isComplete(key))
        try cache.store(key, data: Data("[1,2,3]".utf8), entry: .init(run_s: 1))
        XCTAssertTrue(cache.isComplete(key))
    }

    func testAMetaWhoseDataWasReplacedByOtherBytesIsNotAnEntry() throws {
        let key = cache.key(id: "torn", params: Data("{}".utf8), seed: 2)
        try cache.store(key, data: Data("[1]".utf8), entry: .init(run_s: 1))
        try AtomicFile.write(Data("[2]".utf8), to: cache.dataURL(key))
        XCTAssertNil(cache.load(key), "the meta names the sha256 of the data it completes")
    }

    func testTemporaryNamesDifferWithinOneProcess() {
        let url = URL(fileURLWithPath: "/tmp/x.json")
        let names = Set((0..<100).map { _ in AtomicFile.temporaryName(for: url) })
        XCTAssertEqual(names.count, 100)
        XCTAssertTrue(names.allSatisfy { $0.hasPrefix(".x.json.") && $0.hasSuffix(".tmp") })
    }
}

private final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}

private final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.lock(); errors.append(error); lock.unlock() }
    var all: [Error] { lock.lock(); defer { lock.unlock() }; return errors }
}
