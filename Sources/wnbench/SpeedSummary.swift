import Experiments

/// The speed summary of issue 4 §7, printed as a small table:
///   1. steps/s of a 20-neuron XOR EWN training step (and heap allocations inside its loop);
///   2. the machine's OpenBLAS dgemm rate, for the shape of the MNIST-sized step;
///   3. GFLOP/s of one full-batch step of a 784-1000-1 ReLU EWN net on 1000 samples, and its
///      ratio to (2) — target ≥ 85 %.
func runSpeedSummary() {
    let cores = ParallelPanels.defaultThreads
    print("wnbench — experiment core speed (\(cores) cores)")
    print(OpenBLASLibrary.provenance.summary)
    print("")

    let xor = XORBenchmark()
    let xorRate = xor.stepsPerSecond()
    let allocations = AllocationProbe.countInLoop(steps: 10_000)

    // The three MNIST-sized measurements are interleaved, best of 8 rounds each, so that a burst of
    // load from other processes does not land on one of them only.
    let mnist = MNISTStepBenchmark(samples: 1000, inputs: 784, hidden: 1000)
    var ourGemm = 0.0
    var nativeGemm = 0.0
    var step = (gflops: 0.0, secondsPerStep: Double.infinity)
    for _ in 0..<8 {
        nativeGemm = max(nativeGemm, mnist.openBLASGemmRate(threads: cores))
        ourGemm = max(ourGemm, mnist.experimentsGemmRate())
        let round = mnist.stepRate()
        if round.gflops > step.gflops { step = round }
    }
    let ratio = step.gflops / nativeGemm

    var table = Table()
    table.add("XOR 20-neuron EWN training step", String(format: "%.0f", xorRate), "steps/s")
    table.add("  heap allocations in 10 000 XOR steps", allocations.map(String.init) ?? "not measured", "")
    table.add("dgemm \(mnist.shapeLabel), OpenBLAS \(cores) threads", String(format: "%.1f", nativeGemm), "GFLOP/s")
    table.add("dgemm \(mnist.shapeLabel), Experiments.gemm", String(format: "%.1f", ourGemm), "GFLOP/s")
    table.add(
        "784-1000-1 ReLU EWN full-batch step, n=1000", String(format: "%.1f", step.gflops),
        String(format: "GFLOP/s (%.1f ms/step)", step.secondsPerStep * 1000))
    table.add("step rate / OpenBLAS dgemm rate", String(format: "%.1f %%", 100 * ratio), "target ≥ 85 %")
    table.print()
}
