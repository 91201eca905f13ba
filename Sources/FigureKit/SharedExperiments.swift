import Dispatch
import Foundation

/// Seconds of shared computations a run re-used instead of repeating (and, negative, the time it
/// waited for another process to finish one): the pipeline adds them to the figure's `run_s`,
/// which stays the time its experiment took to compute.
final class ReusedSeconds: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0.0

    func add(_ seconds: Double) {
        lock.lock()
        total += seconds
        lock.unlock()
    }

    var seconds: Double {
        lock.lock()
        defer { lock.unlock() }
        return total
    }
}

/// Wall seconds of named parts of a run (each of Morwani's MNIST trainings), summed over the
/// sessions of a resumed run; the manifest's `timings.parts_s`.
final class PartSeconds: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String: Double] = [:]

    func add(_ seconds: [String: Double]) {
        lock.lock()
        parts.merge(seconds, uniquingKeysWith: +)
        lock.unlock()
    }

    var all: [String: Double]? {
        lock.lock()
        defer { lock.unlock() }
        return parts.isEmpty ? nil : parts
    }
}

extension RunContext {
    /// An experiment several figures draw from — Morwani's Figs. 7 and 11 plot the same three MNIST
    /// trainings: `compute()`, or the result stored in the figure cache under this experiment `name`
    /// (never a figure id), `parameters`, seed and build. Without a cache (tests, `--no-cache`) it
    /// always computes.
    public func shared<T: Codable, P: Encodable>(_ name: String, parameters: P, compute: () throws -> T) throws -> T {
        guard let cache = sharedResults else { return try compute() }
        let key = cache.key(id: name, params: try FigureCoding.encoder(pretty: false).encode(parameters), seed: seed)
        func cached() -> T? {
            guard let hit = cache.load(key), let result = try? FigureCoding.decoder().decode(T.self, from: hit.data) else { return nil }
            reused.add(hit.entry.run_s)
            if let parts = hit.entry.parts_s { self.parts.add(parts) }
            return result
        }
        if let result = cached() { return result }
        // Another process may be computing it right now: wait for it rather than compute it twice.
        let (result, waited) = try cache.withLock(key) { () throws -> T in
            if let result = cached() { return result }
            let start = DispatchTime.now().uptimeNanoseconds
            let earlier = reused.seconds
            let result = try compute()
            // With what earlier sessions of a resumed run computed: a figure that re-uses this
            // result reports the whole run's time, as the one that computed it does.
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 + reused.seconds - earlier
            var entry = ResultCache.Entry(run_s: seconds)
            entry.parts_s = parts.all
            try cache.store(key, data: try FigureCoding.encoder(pretty: false).encode(result), entry: entry)
            return result
        }
        // The wait is neither this figure's computation nor the shared one's (already counted).
        reused.add(-waited)
        return result
    }
}
