import Foundation

/// `wnfig run -j N`: the experiments that worker processes compute into the cache before the
/// figures are rendered in order. Results do not depend on how many processes or threads compute
/// them (panel boundaries depend on sizes only), so the outputs are those of `-j 1`.
public enum RunSchedule {
    /// One task per figure whose result is missing from `cache` (every figure when `recomputeAll`),
    /// longest first by the run time recorded in its manifest in `manifestFolder` at this scale and
    /// these parameters: the long experiments start at once instead of being left for last, when
    /// one worker would run alone. Figures never measured there go first (they may be long).
    public static func tasks(
        figures: [AnyFigure], scale: Scale, seed: UInt64?, overrides: [String], cache: ResultCache,
        recomputeAll: Bool, manifestFolder: URL
    ) throws -> [SweepPlan.Task] {
        var pending: [(task: SweepPlan.Task, expected: Double, index: Int)] = []
        for (index, figure) in figures.enumerated() {
            let runSeed = seed ?? figure.defaultSeed
            let key = cache.key(id: figure.id, params: try figure.parameters(scale, overrides: overrides), seed: runSeed)
            if !recomputeAll && cache.isComplete(key) { continue }
            let recorded = try Manifest.recorded(for: figure, scale: scale, overrides: overrides, in: [manifestFolder])
            pending.append((SweepPlan.Task(figure: figure.id, seed: runSeed), recorded?.manifest.timings.run_s ?? .infinity, index))
        }
        pending.sort { $0.expected != $1.expected ? $0.expected > $1.expected : $0.index < $1.index }
        return pending.map(\.task)
    }
}
