import Foundation
import XCTest

/// The `wnfig` executable as a user meets it, started as a separate process.
struct WNFigResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

enum WNFigProcess {
    /// The wnfig product, built into the same folder as the test bundle.
    static func executable() throws -> URL {
        let binFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [binFolder, binFolder.deletingLastPathComponent()].map { $0.appendingPathComponent("wnfig") }
        guard let executable = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("wnfig is not built next to the tests (run 'make test', which builds it)")
        }
        return executable
    }

    /// A started, not yet awaited, wnfig process (its output discarded), for tests that race or kill it.
    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Runs wnfig to its end; `environment` entries replace the inherited ones. `whileRunning` is
    /// handed the running process (to signal it) before its output is collected.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], whileRunning: (Process) throws -> Void = { _ in }
    ) throws -> WNFigResult {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // stderr read on its own thread: a full pipe would block the child while we read stdout.
        let errData = LockedData()
        let reader = Thread { errData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        try whileRunning(process)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.isSet { Thread.sleep(forTimeInterval: 0.005) }
        return WNFigResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: errData.value, as: UTF8.self))
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ value: Data) { lock.lock(); data = value; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
    var value: Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
}

/// Usage errors: status 2 and one line on stderr that contains `text`.
func assertOneLineError(_ result: WNFigResult, containing text: String, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(result.status, 2, "usage errors exit with 2", file: file, line: line)
    let lines = result.stderr.split(separator: "\n")
    XCTAssertEqual(lines.count, 1, "one error line, got: \(result.stderr)", file: file, line: line)
    XCTAssertTrue(result.stderr.contains(text), result.stderr, file: file, line: line)
}
