#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation

/// A split of 0..<length into panels whose boundaries depend only on the problem size (never on
/// the number of threads), run concurrently. Panel sizes are multiples of 16 except the last, so
/// every panel starts on the same micro-kernel boundaries for a given size.
public struct ParallelPanels: Sendable {
    /// All cores of the machine (2 on the project's reference machine), or `WNFIGURES_THREADS`
    /// when set: a Slurm task or a `sweep -j N` worker gets a share of a node's cores, and
    /// starting a thread per core of a 64-core node would fight the other tasks on it. The
    /// results do not depend on the count (the panel boundaries depend on sizes only).
    public static let defaultThreads = System.threads(
        requested: ProcessInfo.processInfo.environment[threadsVariable], cores: System.processorCount)

    /// The environment variable that caps the panel threads.
    public static let threadsVariable = "WNFIGURES_THREADS"

    /// The panel threads a product started here may use: `defaultThreads`, or the share that an
    /// enclosing `withThreads` gave this part of the work.
    public static var currentThreads: Int { threadShare ?? defaultThreads }

    /// Runs `body` with products and element-wise passes limited to `threads` panel threads, on
    /// this thread and whatever it calls: independent trainings run side by side each take a share
    /// of the cores instead of all of them. Results do not change (panels depend on sizes only).
    public static func withThreads<R>(_ threads: Int, _ body: () throws -> R) rethrows -> R {
        try $threadShare.withValue(max(1, threads)) { try body() }
    }

    @TaskLocal private static var threadShare: Int?

    /// Below this many multiply-adds a product is one panel: dispatch would cost more than it saves.
    public static let minimumProductWork = 1 << 21
    /// The same for element-wise passes (about a nanosecond per element).
    public static let minimumElementWork = 1 << 16
    /// Four panels: enough for two cores to balance when one is also busy elsewhere, few enough
    /// that the repeated packing of the shared factor stays small (measured on the 1000×784×1000
    /// product: 2 or 4 panels run at OpenBLAS's own 2-thread rate, 8 panels ≈ 7 % slower).
    static let maximumPanels = 4
    static let alignment = 16

    public let length: Int
    public let panelSize: Int

    /// Panels for `work` units spread over 0..<length, at least `minimumWork` units per panel.
    public init(length: Int, work: Int, minimumWork: Int = minimumProductWork) {
        self.length = length
        let wanted = min(Self.maximumPanels, max(1, work / minimumWork), max(1, length / Self.alignment))
        let raw = (length + wanted - 1) / wanted
        panelSize = max(Self.alignment, (raw + Self.alignment - 1) / Self.alignment * Self.alignment)
    }

    public var count: Int { (length + panelSize - 1) / panelSize }

    /// Calls body(start, count) for every panel: in order on the calling thread when `threads` is 1,
    /// otherwise handed out to all cores by Dispatch as they become free (a core slowed by another
    /// process then takes fewer panels; the panels themselves, and so the result, do not change).
    public func run(threads: Int, _ body: (Int, Int) -> Void) {
        let panels = count
        let size = panelSize
        let total = length
        if panels == 1 || threads <= 1 {
            for p in 0..<panels { body(p * size, min(size, total - p * size)) }
            return
        }
        withoutActuallyEscaping(body) { body in
            DispatchQueue.concurrentPerform(iterations: panels) { p in
                body(p * size, min(size, total - p * size))
            }
        }
    }
}

extension ParallelPanels {
    /// Runs body(range) over chunks of 0..<count on all cores; for element-wise passes whose result
    /// does not depend on the split. Small counts run inline (no dispatch, no allocation).
    public static func forEachChunk(of count: Int, workPerItem: Int = 1, _ body: (Range<Int>) -> Void) {
        // What the split below comes to for small work (one panel), without its divisions: the toy
        // nets run several of these passes a step.
        if count * workPerItem < minimumElementWork {
            body(0..<count)
            return
        }
        let panels = ParallelPanels(length: count, work: count * workPerItem, minimumWork: minimumElementWork)
        panels.run(threads: currentThreads) { start, length in body(start..<(start + length)) }
    }
}

enum System {
    /// A positive `requested` count, else every core.
    static func threads(requested: String?, cores: Int) -> Int {
        if let requested, let count = Int(requested.trimmingCharacters(in: .whitespaces)), count > 0 { return count }
        return max(1, cores)
    }

    static var processorCount: Int {
        #if canImport(Glibc)
        return Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        #else
        return 2
        #endif
    }
}
