import Dispatch
import Foundation

extension ParallelPanels {
    /// Runs body(index) once for every index in 0..<count on at most `currentThreads` workers, each
    /// taking the next index when it is free. For independent jobs (each with its own random
    /// stream), whose results do not depend on which worker ran them: unlike a bare
    /// `concurrentPerform`, `WNFIGURES_THREADS` (or an enclosing `withThreads`) caps the workers, so
    /// a Slurm task or a `sweep -j N` worker keeps to its share of the node.
    public static func forEachJob(_ count: Int, _ body: (Int) -> Void) {
        let workers = min(count, currentThreads)
        if workers <= 1 {
            for index in 0..<count { body(index) }
            return
        }
        let next = JobCounter()
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = next.claim(below: count) { body(index) }
            }
        }
    }
}

/// The next unclaimed job index, shared by the workers of `forEachJob`.
private final class JobCounter: @unchecked Sendable {
    private var next = 0
    private let lock = NSLock()

    func claim(below count: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }
}
