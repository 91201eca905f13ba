import Dispatch
import Experiments
import Foundation

// wnbench
//   (no arguments)   the speed summary of issue 4 §7: XOR steps/s and allocations, the dgemm
//                    rate, a 784-1000-1 EWN step against it (`SpeedSummary.swift`).
//   cases            the peer cases, one per line ("name<TAB>available|reason").
//   export NAME DIR  writes the case's data and start (config.json + .npy) into DIR.
//   peer NAME DIR [--repeats N] [--data-dir D]
//                    export, then time our run N times (default 5) from that start; writes
//                    DIR/ours/result.json (seconds of every repeat, dgemm rate of a comparable
//                    shape measured right after for gemm cases, heap allocations in the loop for
//                    toys) and DIR/ours/<final>.npy for the harness to compare with the peers.
//   dgemm M N K      the OpenBLAS dgemm rate of one M×K·(N×K)ᵀ product (its own threading on all
//                    cores), and of the same product through `Experiments.gemm` (single-threaded
//                    panels): the ceiling of a run whose products have that shape.
// `make bench` runs bench/run.py, which drives `peer` and the numpy and JAX peers.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == AllocationProbe.childFlag {
    do { try AllocationProbe.runChild() } catch { fatalError("wnbench probe: \(error)") }
    exit(0)
}

/// The value after `flag`, if given.
func option(_ flag: String) -> String? {
    guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("wnbench: \(message)\n".utf8))
    exit(2)
}

let dataDirectory = option("--data-dir")
do {
    switch arguments.first {
    case nil:
        runSpeedSummary()
    case "cases":
        for name in PeerCases.names { print("\(name)\t\(PeerCases.unavailable[name] ?? "available")") }
    case "export":
        guard arguments.count >= 3 else { fail("usage: wnbench export NAME DIR [--data-dir D]") }
        try PeerCases.make(arguments[1], dataDirectory: dataDirectory).export(to: URL(fileURLWithPath: arguments[2]))
    case "peer":
        guard arguments.count >= 3 else { fail("usage: wnbench peer NAME DIR [--repeats N] [--data-dir D]") }
        let repeats = Int(option("--repeats") ?? "5") ?? 5
        try timeOurs(arguments[1], folder: URL(fileURLWithPath: arguments[2]), repeats: repeats)
    case "dgemm":
        let sizes = arguments.dropFirst().prefix(3).compactMap { Int($0) }
        guard sizes.count == 3, sizes.allSatisfy({ $0 > 0 }) else { fail("usage: wnbench dgemm M N K (positive sizes)") }
        printShapeRates(m: sizes[0], n: sizes[1], k: sizes[2])
    default:
        fail("unknown command \(arguments[0]); commands: (none), cases, export, peer, dgemm")
    }
} catch {
    fail("\(error)")
}

/// Exports the case, times `repeats` fresh runs of it, and writes what the harness compares.
func timeOurs(_ name: String, folder: URL, repeats: Int) throws {
    let peerCase = try PeerCases.make(name, dataDirectory: dataDirectory)
    try peerCase.export(to: folder.appendingPathComponent("export"))
    var seconds: [Double] = []
    var finals: [String: NPYArray] = [:]
    for repeatIndex in 0..<max(1, repeats) {
        let run = peerCase.prepare()
        let start = DispatchTime.now().uptimeNanoseconds
        run.advance(peerCase.steps)
        seconds.append(Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
        let these = run.finals()
        // Every repeat starts from the same export, so it must end at the same bits.
        if repeatIndex > 0 {
            for (key, array) in these where array.values != finals[key]?.values {
                throw BenchError("\(name): repeat \(repeatIndex) ended at different \(key) — the run is not deterministic")
            }
        }
        finals = these
    }
    var result: [String: Any] = [
        "name": name, "kind": peerCase.kind.rawValue, "steps": peerCase.steps, "seconds": seconds,
        "summary": peerCase.summary, "blas": OpenBLASLibrary.provenance.summary, "cores": ParallelPanels.defaultThreads,
    ]
    if let flops = peerCase.flops, let shape = peerCase.dgemmShape {
        // Measured in the same process right after our runs, so both see the same machine load.
        result["flops"] = flops
        result["dgemm_shape"] = [shape.m, shape.n, shape.k]
        result["dgemm_gflops"] = measuredDGEMMRate(
            threads: ParallelPanels.defaultThreads, m: shape.m, n: shape.n, k: shape.k, minimumSeconds: 0.3)
    }
    if peerCase.kind == .toy {
        let probeSteps = min(peerCase.steps, 10_000)
        result["allocation_probe_steps"] = probeSteps
        result["allocations"] = AllocationProbe.countInLoop(steps: probeSteps, caseName: name, dataDirectory: dataDirectory) ?? NSNull()
    }
    let ours = folder.appendingPathComponent("ours")
    try writeArrays(finals, to: ours)
    try writeJSON(result, to: ours.appendingPathComponent("result.json"))
}

/// `wnbench dgemm M N K`.
func printShapeRates(m: Int, n: Int, k: Int) {
    let openBLAS = measuredDGEMMRate(m: m, n: n, k: k, minimumSeconds: 0.3)
    var rng = SeededGenerator(seed: 0, stream: "dgemm-shape")
    let a = Matrix(rows: m, columns: k, elements: (0..<(m * k)).map { _ in rng.uniform() })
    let b = Matrix(rows: n, columns: k, elements: (0..<(n * k)).map { _ in rng.uniform() })
    var c = Matrix(rows: m, columns: n)
    let seconds = secondsPerCall(repeats: 3, minimumSeconds: 0.3) { gemm(a, b, into: &c, transposeB: true) }
    let panels = 2 * Double(m) * Double(n) * Double(k) / seconds * 1e-9
    print(String(format: "%d×%d×%d: OpenBLAS dgemm %.1f GFLOP/s (%d threads), Experiments.gemm %.1f GFLOP/s (%.0f%%)",
                 m, n, k, openBLAS, ParallelPanels.defaultThreads, panels, 100 * panels / openBLAS))
}
