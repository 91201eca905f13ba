import Datasets
import Experiments
import Kohler2019Fig2

extension PeerCases {
    /// Kohler fig2's GDNP on a9a at default scale: one run — the figure's run 0 start (stream 0 of
    /// "init-a9a", seed 0) — on the softplus panel, all 32 561 rows kept sparse and centered
    /// implicitly as the figure keeps them, its step sizes and T_s = 10 g-steps an iteration, for the
    /// figure's 300 iterations. `kind` toy: each iteration is four sparse products of the 451 592
    /// non-zeros with a vector and 11 passes of exp over the n margins, no dense BLAS product.
    static func kohlerGDNP(dataDirectory: String?) throws -> PeerCase {
        let p = Kohler2019Fig2Parameters.preset(.default)
        let (a9a, sample) = try kohler2019Fig2A9A(rows: p.a9aRows, dataDirectory: dataDirectory)
        let phi = MarginFunction.softplus
        // L is computed once per data set by the figure too, outside its descent: not timed (the peers read it).
        let settings = kohler2019Fig2Settings(phi, smoothness: kohler2019Fig2Smoothness(sample), lengthSteps: p.lengthSteps)
        let start = kohler2019Fig2Start(dataset: "a9a", dimension: sample.dimension, runs: 1, seed: 0)
        // Perturbing w̃₀ at random by 1e-13 relative moves w after 300 iterations by 3e-13 and f by
        // 6e-15 (measured with the numpy peer): the run is stable over the figure's whole length, so
        // it is benchmarked at that length, and 1e-8 agreement is a real check.
        let steps = p.a9aIterations
        return PeerCase(
            name: "kohler_gdnp", kind: .toy, steps: steps,
            summary: "Kohler fig2 GDNP on a9a (n = \(a9a.rowCount), d = \(a9a.featureCount), \(a9a.nonZeroCount) non-zeros, sparse, centered), "
                + "softplus, run 0's start, T_s = \(settings.lengthSteps) g-steps an iteration",
            config: [
                "phi": phi.rawValue, "smoothness": settings.smoothness, "length_step_size": settings.lengthStepSize,
                "length_steps": settings.lengthSteps, "rows": a9a.rowCount, "features": a9a.featureCount,
            ],
            arrays: [
                // The LIBSVM file's compressed rows as the figure reads them (indices exact as doubles).
                "row_starts": NPYArray(vector: a9a.rowStarts.map(Double.init)), "columns": NPYArray(vector: a9a.columns.map(Double.init)),
                "values": NPYArray(vector: a9a.values), "y": NPYArray(vector: a9a.labels), "start": NPYArray(start),
            ],
            prepare: {
                // Built on the first `advance`, so that g₀ = ‖w̃₀‖_S (one product) is timed as the peers time it.
                var run: NormalizedHalfspaceRun?
                return PeerCase.Run(
                    advance: { n in
                        if run == nil { run = NormalizedHalfspaceRun(.gdnp, phi: phi, sample: sample, start: start, settings: settings) }
                        run!.advance(n)
                    },
                    finals: {
                        let run = run!
                        // f(w̃_t) and ‖∇f(w̃_t)‖ for t = 0…steps, one row per run: what the figure plots, and the final loss.
                        func perRun(_ trace: [[Double]]) -> NPYArray {
                            NPYArray(shape: [trace.count, trace[0].count], values: trace.flatMap { $0 })
                        }
                        return [
                            "w": NPYArray(run.w), "g": NPYArray(vector: run.g),
                            "values": perRun(run.trace.values), "gradient_norms": perRun(run.trace.gradientNorms),
                        ]
                    })
            })
    }
}
