import COpenBLAS
import Foundation

/// The OpenBLAS this process computes with, loaded once, with its kernel fixed first.
///
/// OpenBLAS chooses a compute kernel from the CPU when it loads, and its kernels round
/// differently (measured with 0.3.21: Haswell and Zen agree bit for bit; SkylakeX, Cooperlake
/// and Sandybridge do not), which the chaotic MNIST training amplifies into another trajectory.
/// So wherever the CPU can run it, OpenBLAS runs its Haswell kernel (AVX2 + FMA, present on
/// every x86-64 CPU since 2013), whatever OPENBLAS_CORETYPE requests: the same commit then gives
/// the same bytes on every such machine. The thread count does not matter: each call is
/// single-threaded and `ParallelPanels` splits the work at size-only boundaries.
public enum OpenBLASLibrary {
    /// The kernel the goldens were recorded under.
    public static let referenceKernel = "Haswell"

    /// Set to `auto` to let OpenBLAS choose, or to a kernel name to force that one (results may
    /// then differ from the goldens; the manifest records it).
    public static let overrideVariable = "WNFIGURES_BLAS_KERNEL"

    /// What was loaded, for manifests and `wnfig run`'s first line. Loading happens here.
    public static var provenance: BLASProvenance { loaded }

    /// Called before every product; after the first call this is one load of a flag.
    @inline(__always)
    static func ensureLoaded() { _ = loaded }

    private static let loaded: BLASProvenance = {
        let environment = ProcessInfo.processInfo.environment
        let requested = environment["OPENBLAS_CORETYPE"]
        let alreadyMapped = wn_openblas_is_mapped() != 0
        let plan = KernelPlan.choose(
            cpu: .current, override: environment[overrideVariable], alreadyMapped: alreadyMapped)
        let failure = plan.kernel.map { $0.withCString { wn_openblas_load($0) } } ?? wn_openblas_load(nil)
        let error = failure.map { String(cString: $0) }
        if let error {
            FileHandle.standardError.write(Data("wnfig: error: \(error)\n".utf8))
            exit(2)
        }
        wn_openblas_set_num_threads(1)
        let config = String(cString: wn_openblas_config())
        return BLASProvenance(
            library: "OpenBLAS", version: BLASProvenance.version(fromConfig: config), config: config,
            path: String(cString: wn_openblas_path()), kernel: String(cString: wn_openblas_corename()),
            requested_kernel: requested, pinned_kernel: plan.kernel,
            threads_per_call: Int(wn_openblas_get_num_threads()), panel_threads: ParallelPanels.defaultThreads,
            note: plan.note)
    }()
}

/// Which kernel to ask OpenBLAS for, and what to tell the user when it cannot be the reference.
public struct KernelPlan: Equatable, Sendable {
    /// The CPU features the choice depends on.
    public struct CPU: Equatable, Sendable {
        public var isX86_64: Bool
        public var hasAVX2AndFMA: Bool
        public var hasAVX512: Bool

        public init(isX86_64: Bool, hasAVX2AndFMA: Bool, hasAVX512: Bool) {
            self.isX86_64 = isX86_64
            self.hasAVX2AndFMA = hasAVX2AndFMA
            self.hasAVX512 = hasAVX512
        }

        public static var current: CPU {
            #if arch(x86_64)
                CPU(isX86_64: true, hasAVX2AndFMA: wn_cpu_has_avx2_fma() != 0, hasAVX512: wn_cpu_has_avx512f() != 0)
            #else
                CPU(isX86_64: false, hasAVX2AndFMA: false, hasAVX512: false)
            #endif
        }
    }

    /// OPENBLAS_CORETYPE to load with (nil: OpenBLAS chooses).
    public var kernel: String?
    /// One line for stderr when the results may differ from the goldens (nil: they will not).
    public var note: String?

    public init(kernel: String?, note: String?) {
        self.kernel = kernel
        self.note = note
    }

    public static func choose(cpu: CPU, override: String?, alreadyMapped: Bool) -> KernelPlan {
        let differ = "BLAS-bound figures may differ from the goldens (recorded under \(OpenBLASLibrary.referenceKernel)); the golden comparison reports by how much"
        if alreadyMapped {
            return KernelPlan(kernel: nil, note: "OpenBLAS was loaded before wnfig could fix its kernel, so \(differ)")
        }
        switch override?.trimmingCharacters(in: .whitespaces) {
        case let name? where name.lowercased() == "auto":
            return KernelPlan(kernel: nil, note: "\(OpenBLASLibrary.overrideVariable)=auto lets OpenBLAS choose its kernel, so \(differ)")
        case let name? where !name.isEmpty && name.lowercased() != OpenBLASLibrary.referenceKernel.lowercased():
            return KernelPlan(kernel: name, note: "\(OpenBLASLibrary.overrideVariable)=\(name) forces that kernel, so \(differ)")
        default:
            break
        }
        guard cpu.isX86_64 else {
            return KernelPlan(kernel: nil, note: "not an x86-64 CPU, so OpenBLAS runs its own kernel and \(differ)")
        }
        guard cpu.hasAVX2AndFMA else {
            // Forcing Haswell here would die of an illegal instruction.
            return KernelPlan(kernel: nil, note: "this CPU lacks AVX2 or FMA, so OpenBLAS cannot run its \(OpenBLASLibrary.referenceKernel) kernel and \(differ)")
        }
        return KernelPlan(kernel: OpenBLASLibrary.referenceKernel, note: nil)
    }
}

/// The BLAS a figure was computed with (manifest key `blas`).
public struct BLASProvenance: Codable, Equatable, Sendable {
    public var library: String
    public var version: String
    /// openblas_get_config(), e.g. "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64".
    public var config: String
    public var path: String
    /// The kernel actually running (openblas_get_corename()).
    public var kernel: String
    /// OPENBLAS_CORETYPE as the process found it (nil: unset).
    public var requested_kernel: String?
    /// The kernel wnfig asked for (nil: OpenBLAS chose).
    public var pinned_kernel: String?
    /// OpenBLAS's own threads per call (1: parallelism comes from `panel_threads`).
    public var threads_per_call: Int
    public var panel_threads: Int
    public var note: String?

    /// "0.3.21" from "OpenBLAS 0.3.21 DYNAMIC_ARCH ...".
    static func version(fromConfig config: String) -> String {
        let words = config.split(separator: " ")
        guard words.count >= 2, words[0] == "OpenBLAS" else { return "unknown" }
        return String(words[1])
    }

    /// One line for `wnfig run`.
    public var summary: String {
        var text = "BLAS: \(library) \(version) (\(path)), kernel \(kernel)"
        if let pinned_kernel { text += " (pinned to \(pinned_kernel)" } else { text += " (chosen by OpenBLAS" }
        if let requested_kernel, requested_kernel != kernel { text += "; OPENBLAS_CORETYPE=\(requested_kernel) overridden" }
        text += "), \(threads_per_call) thread per call, panels on \(panel_threads) cores"
        return text
    }
}
