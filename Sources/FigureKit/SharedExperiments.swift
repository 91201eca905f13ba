import Dispatch
import Foundation

/// Experiment results that several figures draw from — Morwani's Figs. 7 and 11 plot the same
/// three MNIST trainings — computed once per (experiment name, parameters, seed, code version)
/// and kept beside the figure cache, so the second figure re-uses the first one's run.
public struct SharedExperiments: Sendable {
    public let folder: URL
    public let codeVersion: String

    public init(folder: URL, codeVersion: String = ResultCache.executableDigest()) {
        self.folder = folder.appendingPathComponent("shared")
        self.codeVersion = codeVersion
    }

    private struct Stored<T: Codable>: Codable {
        /// Wall seconds the computation took when it ran.
        let run_s: Double
        let result: T
    }

    func key(_ name: String, parameters: Data, seed: UInt64) -> String {
        Digest.sha256(Data("\(name)\n\(String(decoding: parameters, as: UTF8.self))\n\(seed)\n\(codeVersion)".utf8))
    }

    /// The stored result and the seconds it took, if there is one that decodes.
    func load<T: Codable>(_ key: String, as type: T.Type) -> (T, Double)? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("\(key).json")),
            let stored = try? FigureCoding.decoder().decode(Stored<T>.self, from: data)
        else { return nil }
        return (stored.result, stored.run_s)
    }

    func store<T: Codable>(_ key: String, result: T, seconds: Double) throws {
        let data = try FigureCoding.encoder(pretty: false).encode(Stored(run_s: seconds, result: result))
        try AtomicFile.write(data, to: folder.appendingPathComponent("\(key).json"))
    }
}

/// Seconds of shared computations a run re-used instead of repeating: the pipeline adds them to
/// the figure's `run_s`, which stays the time its experiment took to compute.
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

extension RunContext {
    /// `compute()`, or the result a figure stored under the same name, `parameters` and seed with
    /// this build. Without a store (tests, `--no-cache`) it always computes.
    public func shared<T: Codable, P: Encodable>(_ name: String, parameters: P, compute: () throws -> T) throws -> T {
        guard let store = sharedExperiments else { return try compute() }
        let key = store.key(name, parameters: try FigureCoding.encoder(pretty: false).encode(parameters), seed: seed)
        if let (result, seconds) = store.load(key, as: T.self) {
            reused.add(seconds)
            return result
        }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = try compute()
        try store.store(key, result: result, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return result
    }
}
