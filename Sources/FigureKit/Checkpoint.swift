#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Datasets
import Dispatch
import Foundation

/// Where a long experiment keeps its checkpoint, and when it writes one. Only experiments that
/// can continue from a saved state use it (Morwani's MNIST trainings); the result of a run
/// continued from a checkpoint is byte for byte that of the uninterrupted run.
public struct Checkpointing: Sendable {
    /// The folder of the checkpoint files (the run's output folder).
    public let folder: URL
    /// Continue from a matching checkpoint in `folder` (`wnfig run … --resume`).
    public let resume: Bool
    /// Seconds of computing between two checkpoint writes.
    public let interval: Double
    /// Test hook: after this many units of work in this process (epoch attempts), write a
    /// checkpoint and stop with `FigureKitError.interrupted`, as Ctrl-C does.
    public let stopAfter: Int?

    public init(folder: URL, resume: Bool = false, interval: Double = 120, stopAfter: Int? = nil) {
        self.folder = folder
        self.resume = resume
        self.interval = interval
        self.stopAfter = stopAfter
    }

    /// `<folder>/<name>.<scale>.seed<seed>.checkpoint.json.gz` (gzip: a paper-scale MNIST checkpoint
    /// holds every training's parameters bit for bit, several MB of JSON).
    public func url(name: String, scale: Scale, seed: UInt64) -> URL {
        folder.appendingPathComponent("\(name).\(scale.rawValue).seed\(seed).checkpoint.json.gz")
    }

    /// The uncompressed `.checkpoint.json` that earlier versions wrote: still read, removed once
    /// its successor is written.
    func uncompressedURL(name: String, scale: Scale, seed: UInt64) -> URL {
        folder.appendingPathComponent("\(name).\(scale.rawValue).seed\(seed).checkpoint.json")
    }
}

/// The file: which run it belongs to (experiment name, parameters, seed) and its state.
struct CheckpointFile<State: Codable>: Codable {
    var format = 1
    var name: String
    var seed: UInt64
    /// The parameters as the cache key encodes them: a checkpoint of other parameters is refused.
    var parameters: String
    /// Wall-clock seconds the run had computed when this was written (all earlier sessions).
    var seconds: Double
    var state: State
}

/// One long run's checkpoints: load at the start (with `--resume`), save every `interval` seconds
/// and on interruption (atomically: the previous file stays valid until the new one replaces it),
/// remove when the run is done.
public final class CheckpointSession<State: Codable>: @unchecked Sendable {
    public let url: URL
    private let uncompressedURL: URL
    private let name: String
    private let seed: UInt64
    private let parameters: String
    private let interval: Double
    private let stopAfter: Int?
    private let started = DispatchTime.now().uptimeNanoseconds
    private var lastWrite = DispatchTime.now().uptimeNanoseconds
    private var earlierSeconds = 0.0
    private var work = 0

    /// nil when `checkpointing` is nil (tests, `wnfig sweep`): the run then never writes one.
    public init?<P: Encodable>(_ checkpointing: Checkpointing?, name: String, scale: Scale, seed: UInt64, parameters: P) throws {
        guard let checkpointing else { return nil }
        url = checkpointing.url(name: name, scale: scale, seed: seed)
        uncompressedURL = checkpointing.uncompressedURL(name: name, scale: scale, seed: seed)
        self.name = name
        self.seed = seed
        self.parameters = String(decoding: try FigureCoding.encoder(pretty: false).encode(parameters), as: UTF8.self)
        interval = checkpointing.interval
        stopAfter = checkpointing.stopAfter
        InterruptFlag.install()
    }

    /// The saved state, or nil when there is no checkpoint file; a file of another run is an error.
    public func load() throws -> State? {
        guard let (path, bytes) = [url, uncompressedURL].lazy.compactMap({ u in (try? Data(contentsOf: u)).map { (u.path, $0) } }).first
        else { return nil }
        let file: CheckpointFile<State>
        do {
            let json = Gzip.isCompressed(bytes) ? Data(try Gzip.decompress([UInt8](bytes), file: path)) : bytes
            file = try FigureCoding.decoder().decode(CheckpointFile<State>.self, from: json)
        } catch {
            throw FigureKitError(.input, "\(path) is not a readable checkpoint (\(error)); delete it or run without --resume")
        }
        guard file.name == name, file.seed == seed, file.parameters == parameters else {
            throw FigureKitError(.input, "\(path) was written for other parameters or another seed; run without --resume to start over")
        }
        earlierSeconds = file.seconds
        return file.state
    }

    /// Seconds computed by the sessions before this one (from the loaded checkpoint).
    public var secondsBefore: Double { earlierSeconds }

    /// Called after every unit of work with the state to save: writes it when `interval` seconds
    /// have passed since the last write, and writes it and throws `.interrupted` after Ctrl-C or
    /// when the test hook's count is reached.
    public func tick(_ state: () -> State) throws {
        work += 1
        let now = DispatchTime.now().uptimeNanoseconds
        let stop = InterruptFlag.isSet || stopAfter.map { work >= $0 } == true
        if stop || Double(now - lastWrite) / 1e9 >= interval {
            try save(state())
            lastWrite = now
        }
        if stop {
            throw FigureKitError(.interrupted, "interrupted; checkpoint written to \(url.path): continue with --resume")
        }
    }

    public func save(_ state: State) throws {
        let seconds = earlierSeconds + Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let file = CheckpointFile(name: name, seed: seed, parameters: parameters, seconds: seconds, state: state)
        try AtomicFile.write(Gzip.compress([UInt8](try FigureCoding.encoder(pretty: false).encode(file))), to: url)
        try? FileManager.default.removeItem(at: uncompressedURL)
    }

    /// The run finished: its result replaces the checkpoint.
    public func finish() {
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.removeItem(at: uncompressedURL)
    }
}

/// Ctrl-C during a checkpointed run: the handler only sets a flag; the run sees it at its next
/// checkpoint tick, writes the checkpoint and stops. A second Ctrl-C ends the process at once
/// (the default action), which still leaves the previous checkpoint whole, as every write is a rename.
enum InterruptFlag {
    nonisolated(unsafe) private static var flag: sig_atomic_t = 0
    nonisolated(unsafe) private static var installed = false

    static var isSet: Bool { flag != 0 }

    static func install() {
        guard !installed else { return }
        installed = true
        signal(SIGINT) { _ in
            if InterruptFlag.flag != 0 { _exit(130) }
            InterruptFlag.flag = 1
        }
    }
}

extension RunContext {
    /// Seconds that earlier sessions of a resumed run computed: the manifest's run time is the
    /// whole run's, not only this session's share.
    public func addEarlierSeconds(_ seconds: Double) { reused.add(seconds) }

    /// Wall seconds of named parts of the run (e.g. ["EWN": 7600]), all sessions included: the
    /// manifest's `timings.parts_s`.
    public func notePartSeconds(_ seconds: [String: Double]) { parts.add(seconds) }
}
