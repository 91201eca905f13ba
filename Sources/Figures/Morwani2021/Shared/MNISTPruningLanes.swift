import Experiments
import FigureKit
import Foundation

/// The three MNIST trainings as work for side-by-side lanes: which are still to start, the latest
/// state of each one under way, the finished ones and every training's wall seconds, behind one
/// lock, so that a checkpoint written by any lane holds all of them as of their last epoch attempt.
final class PruningLanes: @unchecked Sendable {
    private let lock = NSLock()
    private let order: [WeightParameterization]
    private let checkpoints: CheckpointSession<PruningCheckpoint>?
    private var queue: [WeightParameterization]
    private var saved: [WeightParameterization: PruningTrainingState]
    private var inProgress: [WeightParameterization: PruningTrainingState] = [:]
    private var finished: [WeightParameterization: PruningRun]
    private var times: [String: Double]
    /// The first error of any lane (a failed write, Ctrl-C): every lane stops at its next attempt.
    private var failure: Error?
    /// Panel threads to share, and the lanes still training.
    private let threads: Int
    private var active: Int

    init(
        _ checkpoint: PruningCheckpoint?, order: [WeightParameterization], lanes: Int, threads: Int,
        checkpoints: CheckpointSession<PruningCheckpoint>?
    ) {
        self.order = order
        self.threads = threads
        active = max(1, lanes)
        self.checkpoints = checkpoints
        let done = Dictionary(checkpoint?.finished.map { ($0.parameterization, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        finished = done
        saved = Dictionary(checkpoint?.inProgress.map { ($0.parameterization, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        times = checkpoint?.seconds ?? [:]
        queue = pruningQueue(
            order.filter { done[$0] == nil }, logLosses: saved.compactMapValues { $0.training.logLoss })
    }

    /// Each training lane's panel threads: all of them shared by the lanes still training.
    var share: Int {
        lock.lock()
        defer { lock.unlock() }
        return shareNow
    }

    /// Under the lock.
    private var shareNow: Int { max(1, threads / max(1, active)) }

    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    /// The next training to run, in the paper's order, with its saved state when it was under way;
    /// nil when none is left or a lane has failed.
    func next() -> (WeightParameterization, PruningTrainingState?)? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil, !queue.isEmpty else {
            active -= 1
            return nil
        }
        let parameterization = queue.removeFirst()
        let state = saved.removeValue(forKey: parameterization)
        if let state { inProgress[parameterization] = state }
        return (parameterization, state)
    }

    /// A lane's state between two attempts, with the seconds since its last report and the share
    /// of threads it trains on; writes the checkpoint when one is due. True: pause this lane,
    /// because a lane failed (`failed`) or because its share has grown.
    func publish(_ state: PruningTrainingState, seconds: Double, share: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        inProgress[state.parameterization] = state
        times[state.parameterization.paperName, default: 0] += seconds
        guard failure == nil else { return true }
        do {
            try checkpoints?.tick { checkpoint }
        } catch {
            failure = error
            return true
        }
        return share != shareNow
    }

    func finish(_ run: PruningRun, seconds: Double) {
        lock.lock()
        defer { lock.unlock() }
        inProgress[run.parameterization] = nil
        finished[run.parameterization] = run
        times[run.name, default: 0] += seconds
    }

    /// Every training's wall seconds so far, all sessions.
    var seconds: [String: Double] {
        lock.lock()
        defer { lock.unlock() }
        return times
    }

    /// The finished runs in the paper's order, once every lane has returned. After Ctrl-C the
    /// checkpoint is written once more, now that every lane has stopped, so that it holds each
    /// lane's last attempt; then the failure is rethrown.
    func result() throws -> [PruningRun] {
        lock.lock()
        defer { lock.unlock() }
        if let failure {
            if (failure as? FigureKitError)?.kind == .interrupted { try checkpoints?.save(checkpoint) }
            throw failure
        }
        precondition(finished.count == order.count, "PruningLanes: a lane stopped without a reason")
        return order.compactMap { finished[$0] }
    }

    /// Under the lock.
    private var checkpoint: PruningCheckpoint {
        PruningCheckpoint(
            finished: order.compactMap { finished[$0] },
            inProgress: order.compactMap { inProgress[$0] ?? saved[$0] }, seconds: times)
    }
}

/// The trainings still to run (`left`, in the paper's order), nearest its target first: those under
/// way by their log L (`logLosses`, lowest first; all three share the target), then the fresh ones
/// in the paper's order. With fewer lanes than trainings, the runs that can finish do so first.
public func pruningQueue(
    _ left: [WeightParameterization], logLosses: [WeightParameterization: Double]
) -> [WeightParameterization] {
    let position = Dictionary(uniqueKeysWithValues: left.enumerated().map { ($1, $0) })
    func loss(_ p: WeightParameterization) -> Double { logLosses[p] ?? .infinity }
    return left.sorted { a, b in loss(a) != loss(b) ? loss(a) < loss(b) : position[a]! < position[b]! }
}
