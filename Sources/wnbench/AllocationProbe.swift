import Experiments
import Foundation

/// Counts heap allocations inside a training loop with glibc's mtrace: a child copy of this
/// program runs with libc_malloc_debug preloaded, traces only the loop (mtrace() … muntrace()),
/// and the parent counts the "+" (allocation) lines of the trace. The loop is the XOR benchmark's,
/// or a peer case's `advance` (`caseName`).
enum AllocationProbe {
    static let childFlag = "--allocation-probe"
    static let debugLibrary = "/lib/x86_64-linux-gnu/libc_malloc_debug.so.0"

    /// nil when glibc's malloc debugger is not available on this machine.
    static func countInLoop(steps: Int, caseName: String? = nil, dataDirectory: String? = nil) -> Int? {
        guard FileManager.default.fileExists(atPath: debugLibrary) else { return nil }
        let trace = FileManager.default.temporaryDirectory.appendingPathComponent("wnbench-mtrace-\(getpid()).txt")
        defer { try? FileManager.default.removeItem(at: trace) }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        child.arguments = [childFlag, String(steps)] + (caseName.map { [$0] } ?? []) + (dataDirectory.map { [$0] } ?? [])
        var environment = ProcessInfo.processInfo.environment
        environment["LD_PRELOAD"] = debugLibrary
        environment["MALLOC_TRACE"] = trace.path
        child.environment = environment
        do {
            try child.run()
            child.waitUntilExit()
        } catch {
            return nil
        }
        guard child.terminationStatus == 0, let text = try? String(contentsOf: trace, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").filter { $0.contains(" + ") }.count
    }

    /// In the child: build and warm up, then trace exactly the training loop — `runAdaptiveDescent`
    /// itself (or the case's `advance`), so the driver is covered too.
    static func runChild() throws {
        let arguments = Array(CommandLine.arguments.dropFirst(2))
        let steps = Int(arguments.first ?? "") ?? 10_000
        let startTrace = traceFunction("mtrace")
        let stopTrace = traceFunction("muntrace")
        if arguments.count > 1 {
            let run = try PeerCases.make(arguments[1], dataDirectory: arguments.count > 2 ? arguments[2] : nil).prepare()
            run.advance(2)
            startTrace()
            run.advance(steps)
            stopTrace()
            return
        }
        var model = XORBenchmark().model
        var rule = AdaptiveStepRule(exponent: 0.9, maxK: 0.01)
        runAdaptiveDescent(&model, rule: &rule, stopping: StoppingRule(maxSteps: 2))
        startTrace()
        let summary = runAdaptiveDescent(&model, rule: &rule, stopping: StoppingRule(maxSteps: steps))
        stopTrace()
        precondition(summary.finalLogLoss.isFinite && summary.steps == steps, "XOR probe did not run")
    }

    /// mtrace/muntrace from <mcheck.h> (not in Swift's Glibc module), looked up at run time.
    private static func traceFunction(_ name: String) -> @convention(c) () -> Void {
        // The debug library exports them only as the non-default version mtrace@GLIBC_2.2.5, so a
        // plain lookup finds libc's no-op stub; ask for the version explicitly (dlvsym, a GNU extension
        // Swift's Glibc module does not import).
        typealias VersionedLookup = @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>, UnsafePointer<CChar>) -> UnsafeMutableRawPointer?
        guard let library = dlopen(debugLibrary, RTLD_NOW | RTLD_NOLOAD),
            let lookupSymbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "dlvsym"),
            let symbol = unsafeBitCast(lookupSymbol, to: VersionedLookup.self)(library, name, "GLIBC_2.2.5")
        else {
            fatalError("wnbench: \(name) not found in \(debugLibrary)")
        }
        return unsafeBitCast(symbol, to: (@convention(c) () -> Void).self)
    }
}
