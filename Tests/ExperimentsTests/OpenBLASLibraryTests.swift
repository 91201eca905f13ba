import Experiments
import XCTest

/// Which OpenBLAS kernel runs: the reference one wherever the CPU can execute it, whatever was
/// requested, and OpenBLAS's own choice (with a warning) where it cannot.
final class OpenBLASLibraryTests: XCTestCase {
    private let avx2 = KernelPlan.CPU(isX86_64: true, hasAVX2AndFMA: true, hasAVX512: false)
    private let avx512 = KernelPlan.CPU(isX86_64: true, hasAVX2AndFMA: true, hasAVX512: true)
    private let sse = KernelPlan.CPU(isX86_64: true, hasAVX2AndFMA: false, hasAVX512: false)
    private let arm = KernelPlan.CPU(isX86_64: false, hasAVX2AndFMA: false, hasAVX512: false)

    func testAnAVX2OrAVX512CPUIsPinnedToHaswellSilently() {
        for cpu in [avx2, avx512] {
            XCTAssertEqual(KernelPlan.choose(cpu: cpu, override: nil, alreadyMapped: false), KernelPlan(kernel: "Haswell", note: nil))
        }
    }

    func testACPUWithoutAVX2IsNeverForcedOntoHaswellAndIsWarnedAbout() {
        for cpu in [sse, arm] {
            let plan = KernelPlan.choose(cpu: cpu, override: nil, alreadyMapped: false)
            XCTAssertNil(plan.kernel, "forcing Haswell there would die of an illegal instruction")
            XCTAssertTrue(plan.note?.contains("may differ from the goldens") == true)
        }
    }

    func testTheOverrideVariableLetsOpenBLASChooseOrForcesAnotherKernelWithAWarning() {
        let auto = KernelPlan.choose(cpu: avx512, override: "auto", alreadyMapped: false)
        XCTAssertNil(auto.kernel)
        XCTAssertNotNil(auto.note)
        let forced = KernelPlan.choose(cpu: avx512, override: "SkylakeX", alreadyMapped: false)
        XCTAssertEqual(forced.kernel, "SkylakeX")
        XCTAssertNotNil(forced.note)
        XCTAssertEqual(KernelPlan.choose(cpu: avx512, override: "haswell", alreadyMapped: false).note, nil)
    }

    func testOpenBLASLoadedByOthersBeforeUsIsReportedNotPinned() {
        let plan = KernelPlan.choose(cpu: avx2, override: nil, alreadyMapped: true)
        XCTAssertNil(plan.kernel)
        XCTAssertTrue(plan.note?.contains("loaded before") == true)
    }

    /// This process (the test runner, started however `swift test` starts it) runs the reference
    /// kernel, single-threaded per call, and says so.
    func testThisProcessRunsTheReferenceKernelWhereTheCPUAllowsIt() throws {
        let blas = OpenBLASLibrary.provenance
        XCTAssertEqual(blas.library, "OpenBLAS")
        XCTAssertTrue(blas.version.first?.isNumber == true, blas.config)
        XCTAssertEqual(blas.threads_per_call, 1)
        XCTAssertTrue(blas.path.contains("openblas"), blas.path)
        guard KernelPlan.CPU.current.hasAVX2AndFMA,
            ProcessInfo.processInfo.environment[OpenBLASLibrary.overrideVariable] == nil
        else { throw XCTSkip("this CPU cannot run the Haswell kernel, or the override variable is set") }
        XCTAssertEqual(blas.kernel, "Haswell")
        XCTAssertEqual(blas.pinned_kernel, "Haswell")
        XCTAssertNil(blas.note)
        XCTAssertEqual(blas.requested_kernel, ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"])
        XCTAssertTrue(blas.summary.contains("kernel Haswell"), blas.summary)
    }
}
