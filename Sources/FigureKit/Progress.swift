#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Progress of a long run (steps, loss, ETA). Experiments report into it; where it goes is the
/// caller's choice: nowhere, or one self-overwriting line on stderr when stderr is a terminal.
public struct Progress: Sendable {
    public struct Event: Sendable {
        public let label: String
        public let step: Int
        public let total: Int
        public let loss: Double?
        /// For runs that go to a loss level rather than a step count: what to show instead of
        /// "step i/n", with `step`/`total` the thousandths of the way done.
        public let detail: String?
    }

    private let sink: @Sendable (Event) -> Void

    public init(sink: @escaping @Sendable (Event) -> Void) { self.sink = sink }

    public static let silent = Progress { _ in }

    /// Report step `step` of `total` (with the current loss, if any) of the part named `label`.
    public func report(_ label: String, step: Int, of total: Int, loss: Double? = nil) {
        sink(Event(label: label, step: step, total: total, loss: loss, detail: nil))
    }

    /// Report a run that ends at a loss level: `detail` (e.g. "epoch 120  log L −42.1  k 0.0083")
    /// and the fraction of the way from its first log L to the target (the ETA assumes the rest
    /// goes at the average speed so far, in log L).
    public func report(_ label: String, detail: String, fractionDone: Double, finished: Bool = false) {
        let done = finished ? 1000 : min(999, max(0, Int((fractionDone * 1000).rounded(.down))))
        sink(Event(label: label, step: done, total: 1000, loss: nil, detail: detail))
    }

    /// Seconds left if the rest goes at this session's pace: `elapsed` seconds took the run from
    /// `first` (where this session found it, e.g. a resumed run's share done) to `step` of `total`;
    /// nil before it has moved.
    public static func eta(elapsed: Double, from first: Int, to step: Int, of total: Int) -> Double? {
        guard step > first else { return nil }
        return elapsed / Double(step - first) * Double(total - step)
    }

    /// A terminal progress line for figure `id` on stderr, at most ten updates a second; silent when
    /// stderr is not a TTY (CI logs, pipes).
    public static func terminal(figure id: String) -> Progress {
        guard isatty(STDERR_FILENO) != 0 else { return .silent }
        let meter = TerminalMeter(figure: id)
        return Progress { meter.show($0) }
    }
}

/// What a terminal meter shows: one line per part still running (Morwani's MNIST trainings run
/// side by side), in the order they first reported, each cut to the terminal's width so that none
/// wraps; a part that finishes leaves its last line above the block. `render` gives the bytes that
/// redraw it in place.
public struct ProgressBoard: Sendable {
    private var order: [String] = []
    private var lines: [String: String] = [:]
    private var finishedLines: [String] = []
    /// Lines of the block now on the screen.
    private var drawn = 0

    public init() {}

    public mutating func update(_ label: String, line: String, finished: Bool) {
        if finished {
            order.removeAll { $0 == label }
            lines[label] = nil
            finishedLines.append(line)
        } else {
            if lines[label] == nil { order.append(label) }
            lines[label] = line
        }
    }

    public mutating func render(width: Int) -> String {
        func cut(_ line: String) -> String { line.count < width ? line : String(line.prefix(max(1, width - 1))) }
        var out = "\r" + (drawn > 1 ? "\u{1B}[\(drawn - 1)A" : "")
        for line in finishedLines { out += "\u{1B}[K" + cut(line) + "\n" }
        finishedLines = []
        let live = order.compactMap { lines[$0] }
        out += live.map { "\u{1B}[K" + cut($0) }.joined(separator: "\n")
        // Whatever a longer block left below.
        out += "\u{1B}[J"
        drawn = live.count
        return out
    }
}

private final class TerminalMeter: @unchecked Sendable {
    private let figure: String
    private let lock = NSLock()
    /// When each label was first reported, and how far along it was then: a resumed run starts
    /// part of the way, and its ETA must come from this session's pace alone.
    private var started: [String: (time: Date, step: Int)] = [:]
    private var board = ProgressBoard()
    private var lastDraw = Date.distantPast

    init(figure: String) { self.figure = figure }

    func show(_ event: Progress.Event) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let start = started[event.label] ?? (now, event.step)
        if started[event.label] == nil { started[event.label] = start }
        let finished = event.step >= event.total
        var line = "\(figure) \(event.label): " + (event.detail ?? "step \(event.step)/\(event.total)")
        if let loss = event.loss { line += "  loss \(formatNumber(loss))" }
        if !finished, let eta = Progress.eta(
            elapsed: now.timeIntervalSince(start.time), from: start.step, to: event.step, of: event.total) {
            line += String(format: "  ETA %.0fs", eta)
        }
        board.update(event.label, line: line, finished: finished)
        guard finished || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        FileHandle.standardError.write(Data(board.render(width: terminalWidth()).utf8))
    }

    private func terminalWidth() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 200 }
        return Int(size.ws_col)
    }
}
