import Experiments
import Foundation
import XCTest

final class LinearAlgebraTests: XCTestCase {
    private func naiveProduct(_ a: Matrix, _ b: Matrix, _ ta: Bool, _ tb: Bool) -> Matrix {
        let opA = ta ? a.transposed : a
        let opB = tb ? b.transposed : b
        var c = Matrix(rows: opA.rows, columns: opB.columns)
        for i in 0..<opA.rows {
            for j in 0..<opB.columns {
                var s = 0.0
                for p in 0..<opA.columns { s += opA[i, p] * opB[p, j] }
                c[i, j] = s
            }
        }
        return c
    }

    private func assertClose(_ x: Matrix, _ y: Matrix, tolerance: Double, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(x.rows, y.rows, file: file, line: line)
        XCTAssertEqual(x.columns, y.columns, file: file, line: line)
        let difference = zip(x.elements, y.elements).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(difference, tolerance, file: file, line: line)
    }

    func testGemmMatchesNaiveProductForEveryTransposeAndSize() {
        var rng = SeededGenerator(seed: 11)
        for (m, k, n) in [(3, 2, 4), (37, 29, 41)] {
            for ta in [false, true] {
                for tb in [false, true] {
                    let a = ta ? rng.normalMatrix(rows: k, columns: m) : rng.normalMatrix(rows: m, columns: k)
                    let b = tb ? rng.normalMatrix(rows: n, columns: k) : rng.normalMatrix(rows: k, columns: n)
                    assertClose(matmul(a, b, transposeA: ta, transposeB: tb), naiveProduct(a, b, ta, tb), tolerance: 1e-12)
                }
            }
        }
    }

    func testGemmAccumulatesWithAlphaAndBeta() {
        var rng = SeededGenerator(seed: 12)
        let a = rng.normalMatrix(rows: 30, columns: 20)
        let b = rng.normalMatrix(rows: 20, columns: 25)
        var c = rng.normalMatrix(rows: 30, columns: 25)
        let c0 = c
        gemm(a, b, into: &c, alpha: 2, beta: -0.5)
        let expected = naiveProduct(a, b, false, false)
        for i in c.elements.indices {
            XCTAssertEqual(c.elements[i], 2 * expected.elements[i] - 0.5 * c0.elements[i], accuracy: 1e-12)
        }
    }

    func testGemvMatchesMatmul() {
        var rng = SeededGenerator(seed: 13)
        let a = rng.normalMatrix(rows: 80, columns: 60)
        let x = rng.normals(60)
        let xt = rng.normals(80)
        let y = matvec(a, x)
        let yt = matvec(a, xt, transpose: true)
        let reference = matmul(a, Matrix(column: x))
        let referenceT = matmul(a, Matrix(column: xt), transposeA: true)
        for i in y.indices { XCTAssertEqual(y[i], reference.elements[i], accuracy: 1e-12) }
        for i in yt.indices { XCTAssertEqual(yt[i], referenceT.elements[i], accuracy: 1e-12) }
    }

    /// The experiments' results must not depend on how many threads compute a product. Shapes
    /// include 300×200×400, where OpenBLAS's own 1- and 2-thread results differ in 4 rows.
    func testProductsAreBitIdenticalWithOneAndTwoThreads() {
        var rng = SeededGenerator(seed: 14)
        for (m, k, n) in [(300, 200, 400), (300, 100, 400), (400, 784, 300), (37, 500, 1000), (1000, 300, 5)] {
            for (ta, tb) in [(false, false), (true, false), (false, true)] {
                let a = ta ? rng.normalMatrix(rows: k, columns: m) : rng.normalMatrix(rows: m, columns: k)
                let b = tb ? rng.normalMatrix(rows: n, columns: k) : rng.normalMatrix(rows: k, columns: n)
                var one = Matrix(rows: m, columns: n)
                var two = Matrix(rows: m, columns: n)
                gemm(a, b, into: &one, transposeA: ta, transposeB: tb, threads: 1)
                gemm(a, b, into: &two, transposeA: ta, transposeB: tb, threads: 2)
                XCTAssert(one == two, "\(m)×\(k)×\(n) transposes \(ta) \(tb)")
                if m * n * k < 20_000_000 {  // the panel split by rows and by columns, checked for values
                    assertClose(one, naiveProduct(a, b, ta, tb), tolerance: 1e-11)
                }
            }
        }
        XCTAssertEqual(OpenBLASThreading.count, 1)
    }

    func testPanelsDependOnlyOnTheSizeAndCoverEverything() {
        for (length, work) in [(1000, 1_000_000_000), (300, 24_000_000), (5, 1 << 30), (17, 100)] {
            let panels = ParallelPanels(length: length, work: work)
            var covered = [Int](repeating: 0, count: length)
            panels.run(threads: 1) { start, count in
                for i in start..<(start + count) { covered[i] += 1 }
            }
            XCTAssertEqual(covered, [Int](repeating: 1, count: length))
            XCTAssertEqual(panels.panelSize % 16, 0)
        }
        XCTAssertEqual(ParallelPanels(length: 1000, work: 1_000_000_000).count, 4)
        XCTAssertEqual(ParallelPanels(length: 300, work: 1 << 20).count, 1)
    }

    func testAThreadShareLimitsWhatProductsUseHereAndEndsWithItsScope() {
        let all = ParallelPanels.currentThreads
        XCTAssertEqual(all, ParallelPanels.defaultThreads)
        ParallelPanels.withThreads(1) {
            XCTAssertEqual(ParallelPanels.currentThreads, 1)
            ParallelPanels.withThreads(3) { XCTAssertEqual(ParallelPanels.currentThreads, 3) }
            XCTAssertEqual(ParallelPanels.currentThreads, 1)
            ParallelPanels.withThreads(0) { XCTAssertEqual(ParallelPanels.currentThreads, 1, "at least one") }
        }
        XCTAssertEqual(ParallelPanels.currentThreads, all)
        // Another thread does not see this thread's share.
        nonisolated(unsafe) var seen = 0
        ParallelPanels.withThreads(1) {
            let done = DispatchSemaphore(value: 0)
            let other = Thread {
                seen = ParallelPanels.currentThreads
                done.signal()
            }
            other.start()
            done.wait()
        }
        XCTAssertEqual(seen, all)
    }

    func testJobsRunOnceEachOnNoMoreWorkersThanTheThreadShare() {
        final class Tally: @unchecked Sendable {
            let lock = NSLock()
            var runs: [Int] = []
            var active = 0, mostActive = 0
            func enter(_ index: Int) {
                lock.lock(); defer { lock.unlock() }
                runs.append(index)
                active += 1
                mostActive = max(mostActive, active)
            }
            func leave() { lock.lock(); defer { lock.unlock() }; active -= 1 }
        }
        for threads in [1, 2, 3] {
            let tally = Tally()
            ParallelPanels.withThreads(threads) {
                ParallelPanels.forEachJob(9) { index in
                    tally.enter(index)
                    Thread.sleep(forTimeInterval: 0.005)  // long enough for the workers to overlap
                    tally.leave()
                }
            }
            XCTAssertEqual(tally.runs.sorted(), Array(0..<9), "\(threads) threads: every job once")
            XCTAssertLessThanOrEqual(tally.mostActive, threads, "\(threads) threads")
            if threads == 1 { XCTAssertEqual(tally.runs, Array(0..<9), "one worker runs them in order") }
        }
        ParallelPanels.forEachJob(0) { _ in XCTFail("no jobs, no calls") }
    }

    func testCholeskySolvesAndRejectsIndefiniteMatrices() {
        var rng = SeededGenerator(seed: 15)
        let a = rng.normalMatrix(rows: 6, columns: 9)
        let gram = matmul(a, a, transposeB: true)
        let b = rng.normals(6)
        let x = Cholesky(gram)!.solve(b)
        let back = matvec(gram, x)
        for i in b.indices { XCTAssertEqual(back[i], b[i], accuracy: 1e-12) }
        XCTAssertNil(Cholesky(Matrix([[1, 2], [2, 1]])))
    }

    func testPowerIterationFindsTheLargestEigenvalue() {
        // Eigenvalues 4, 2, 1 in a rotated basis.
        let c = 0.6, s = 0.8
        let q = Matrix([[c, -s, 0], [s, c, 0], [0, 0, 1]])
        let d = Matrix([[4, 0, 0], [0, 2, 0], [0, 0, 1]])
        let m = matmul(matmul(q, d), q, transposeB: true)
        XCTAssertEqual(largestEigenvalue(ofSymmetric: m), 4, accuracy: 1e-9)
    }

    func testAngleKeepsTinyAnglesThatArccosLoses() {
        let x = [1.0, 0]
        let y = [1.0, 1e-10]
        XCTAssertEqual(angle(x, y), 1e-10, accuracy: 1e-22)
        XCTAssertEqual(angle([1, 0], [0, 2]), Double.pi / 2, accuracy: 1e-15)
    }
}
