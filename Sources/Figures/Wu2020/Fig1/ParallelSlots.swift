import Foundation

/// One result slot per independent job of `ParallelPanels.forEachJob`, filled by index, so the output
/// order (and bytes) never depend on which worker finished first.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
    }

    /// The values in index order; the first failure (by index) is rethrown.
    func values() throws -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        return try slots.map { slot in
            guard let slot else { preconditionFailure("ResultSlots: a job did not report") }
            return try slot.get()
        }
    }
}

/// A shared count of finished jobs, for progress reports from several workers.
final class ProgressCounter: @unchecked Sendable {
    private var count = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
