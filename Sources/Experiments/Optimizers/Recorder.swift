/// Records a figure's chosen quantities during a run: every `every`-th step plus the final one,
/// and separately the first step at which log L falls to or below each level in `logLossLevels`
/// (e.g. −200, −250, −300 for Morwani fig3's snapshots at L = e^-200, e^-250, e^-300).
/// With `maxEntries`, a run of unknown length keeps O(maxEntries) entries: whenever more would be
/// kept, `every` doubles and only the steps that are multiples of it stay (the final step always
/// stays). The snapshot closure is only called when something is recorded.
public struct Recorder<Snapshot> {
    public struct Entry {
        public let step: Int
        public let logLoss: Double
        public let snapshot: Snapshot
    }

    public struct Crossing {
        public let level: Double
        public let step: Int
        public let logLoss: Double
        public let snapshot: Snapshot
    }

    public private(set) var every: Int
    public let logLossLevels: [Double]
    /// At most this many entries are kept before thinning (nil: keep every `every`-th step).
    public let maxEntries: Int?
    public private(set) var entries: [Entry] = []
    public private(set) var crossings: [Crossing] = []

    public init(every: Int = 1, logLossLevels: [Double] = [], maxEntries: Int? = nil) {
        precondition(every >= 1, "Recorder: every must be ≥ 1")
        precondition(maxEntries.map { $0 >= 2 } ?? true, "Recorder: maxEntries must be ≥ 2")
        self.every = every
        self.logLossLevels = logLossLevels
        self.maxEntries = maxEntries
    }

    public mutating func observe(_ observation: DescentObservation, snapshot: () -> Snapshot) {
        observe(step: observation.step, logLoss: observation.logLoss, isFinal: observation.isFinal, snapshot: snapshot)
    }

    public mutating func observe(step: Int, logLoss: Double, isFinal: Bool, snapshot: () -> Snapshot) {
        var taken: Snapshot?
        func take() -> Snapshot {
            if let value = taken { return value }
            let value = snapshot()
            taken = value
            return value
        }
        for level in logLossLevels where logLoss <= level && !crossings.contains(where: { $0.level == level }) {
            crossings.append(Crossing(level: level, step: step, logLoss: logLoss, snapshot: take()))
        }
        if step % every == 0 || isFinal {
            entries.append(Entry(step: step, logLoss: logLoss, snapshot: take()))
            if let limit = maxEntries, entries.count > limit, !isFinal { thin() }
        }
    }

    /// Doubles `every` and keeps the entries at its multiples.
    private mutating func thin() {
        every *= 2
        entries.removeAll { $0.step % every != 0 }
    }

    /// The snapshot at the first crossing of `level`, if it was reached.
    public func crossing(_ level: Double) -> Crossing? {
        crossings.first { $0.level == level }
    }
}

extension Recorder.Entry: Sendable where Snapshot: Sendable {}
extension Recorder.Crossing: Sendable where Snapshot: Sendable {}
extension Recorder: Sendable where Snapshot: Sendable {}
