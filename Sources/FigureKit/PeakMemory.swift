import Foundation

/// The process's peak resident memory, measured around one experiment so that a cluster task can
/// ask for what the figure needs (Linux: VmHWM, reset through /proc/self/clear_refs).
enum PeakMemory {
    /// Starts a new peak at the current resident size, so that a process running several figures
    /// (`wnfig run --all`) records each one's own peak rather than the largest so far. Where the
    /// kernel refuses, the peak stays the process's, an upper bound.
    static func reset() {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return }
        // "5" resets the peak resident set size (Linux ≥ 4.0, proc(5)).
        try? handle.write(contentsOf: Data("5".utf8))
        try? handle.close()
    }

    /// MiB, nil where /proc is not there to read.
    static func peakMegabytes() -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Double(fields[1]) else { return nil }
            return (kilobytes / 1024).rounded()
        }
        return nil
    }
}
