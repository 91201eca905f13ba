import COpenBLAS
import Dispatch

/// The machine's dgemm rate in GFLOP/s: one OpenBLAS call with its own threading on `threads`
/// cores, for C (m × n) = A (m × k) · Bᵀ, the best of three batches that each run ≥ `minimumSeconds`.
/// The yardstick a figure's achieved GEMM rate is reported against (manifest `timings`,
/// `make bench`). Leaves OpenBLAS on the single thread the experiments' `gemm` pins it to.
public func measuredDGEMMRate(
    threads: Int = ParallelPanels.defaultThreads, m: Int = 1000, n: Int = 1000, k: Int = 784,
    minimumSeconds: Double = 0.2
) -> Double {
    var rng = SeededGenerator(seed: 0, stream: "dgemm-rate")
    let a = (0..<(m * k)).map { _ in rng.uniform() }
    let b = (0..<(n * k)).map { _ in rng.uniform() }
    var c = [Double](repeating: 0, count: m * n)
    OpenBLASLibrary.ensureLoaded()
    wn_openblas_set_num_threads(Int32(max(1, threads)))
    defer { wn_openblas_set_num_threads(1) }
    func product() {
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    wn_cblas_dgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(k), 1,
                        pa.baseAddress, Int32(k), pb.baseAddress, Int32(k), 0, pc.baseAddress, Int32(n))
                }
            }
        }
    }
    let seconds = secondsPerCall(repeats: 3, minimumSeconds: minimumSeconds, product)
    return 2 * Double(m) * Double(n) * Double(k) / seconds * 1e-9
}

/// Seconds per call of `body` after one warm-up call: the best of `repeats` batches that each run
/// ≥ `minimumSeconds` (the best, because other load only ever slows a batch down).
public func secondsPerCall(repeats: Int = 5, minimumSeconds: Double = 0.3, _ body: () -> Void) -> Double {
    body()
    var best = Double.infinity
    for _ in 0..<repeats {
        var calls = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed = 0.0
        repeat {
            body()
            calls += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        } while elapsed < minimumSeconds
        best = min(best, elapsed / Double(calls))
    }
    return best
}
