/// A sparse matrix in compressed rows (CSR): row i holds entries rowStarts[i] ..< rowStarts[i+1] of
/// `columns`/`values`. For data sets like a9a (13.9 non-zeros per row of 123): a product with a
/// d×R block touches only the non-zeros; the parallel split depends only on the sizes, so no sum's
/// order depends on the thread count.
public struct SparseRowMatrix: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let rowStarts: [Int]
    public let columnIndices: [Int]
    public let values: [Double]

    public init(rows: Int, columns: Int, rowStarts: [Int], columnIndices: [Int], values: [Double]) {
        precondition(rowStarts.count == rows + 1 && rowStarts.last == values.count && columnIndices.count == values.count,
                     "SparseRowMatrix: inconsistent compressed rows")
        precondition(columnIndices.allSatisfy { $0 >= 0 && $0 < columns }, "SparseRowMatrix: column index out of range")
        self.rows = rows
        self.columns = columns
        self.rowStarts = rowStarts
        self.columnIndices = columnIndices
        self.values = values
    }

    /// self · B for a dense columns × k matrix B, rows computed in parallel.
    public func times(_ b: Matrix) -> Matrix {
        precondition(b.rows == columns, "SparseRowMatrix.times: \(rows)×\(columns) times \(b.rows)×\(b.columns)")
        let k = b.columns
        var c = Matrix(rows: rows, columns: k)
        rowStarts.withUnsafeBufferPointer { starts in
            columnIndices.withUnsafeBufferPointer { indices in
                values.withUnsafeBufferPointer { entries in
                    b.elements.withUnsafeBufferPointer { pb in
                        c.elements.withUnsafeMutableBufferPointer { pc in
                            let target = pc
                            ParallelPanels.forEachChunk(of: rows, workPerItem: max(1, k * values.count / max(rows, 1))) { range in
                                for i in range {
                                    let to = target.baseAddress! + i * k
                                    for e in starts[i]..<starts[i + 1] {
                                        let v = entries[e], from = pb.baseAddress! + indices[e] * k
                                        for r in 0..<k { to[r] += v * from[r] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return c
    }

    /// selfᵀ · B for a dense rows × k matrix B: each row's entries are scattered into a partial
    /// result per panel of rows, and the partials are summed in panel order — the panels depend only
    /// on the sizes, so the sums do not depend on the thread count.
    public func transposeTimes(_ b: Matrix) -> Matrix {
        precondition(b.rows == rows, "SparseRowMatrix.transposeTimes: (\(rows)×\(columns))ᵀ times \(b.rows)×\(b.columns)")
        let k = b.columns, size = columns * k
        let panels = ParallelPanels(length: rows, work: values.count * k, minimumWork: ParallelPanels.minimumElementWork)
        var partials = [Double](repeating: 0, count: panels.count * size)
        rowStarts.withUnsafeBufferPointer { starts in
            columnIndices.withUnsafeBufferPointer { indices in
                values.withUnsafeBufferPointer { entries in
                    b.elements.withUnsafeBufferPointer { pb in
                        partials.withUnsafeMutableBufferPointer { pp in
                            let target = pp
                            panels.run(threads: ParallelPanels.currentThreads) { start, count in
                                let out = target.baseAddress! + (start / panels.panelSize) * size
                                for i in start..<(start + count) {
                                    let row = pb.baseAddress! + i * k
                                    for e in starts[i]..<starts[i + 1] {
                                        let v = entries[e], to = out + indices[e] * k
                                        for r in 0..<k { to[r] += v * row[r] }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var c = Matrix(rows: columns, columns: k)
        for p in 0..<panels.count { for j in 0..<size { c.elements[j] += partials[p * size + j] } }
        return c
    }

    /// selfᵀ in compressed rows: row j of it holds column j's entries, rows ascending.
    public func transposed() -> SparseRowMatrix {
        var starts = [Int](repeating: 0, count: columns + 1)
        for c in columnIndices { starts[c + 1] += 1 }
        for j in 0..<columns { starts[j + 1] += starts[j] }
        var next = starts, rowIndices = [Int](repeating: 0, count: values.count), entries = [Double](repeating: 0, count: values.count)
        for i in 0..<rows {
            for e in rowStarts[i]..<rowStarts[i + 1] {
                let c = columnIndices[e]
                rowIndices[next[c]] = i
                entries[next[c]] = values[e]
                next[c] += 1
            }
        }
        return SparseRowMatrix(rows: columns, columns: rows, rowStarts: starts, columnIndices: rowIndices, values: entries)
    }

    /// Dense rows × columns copy.
    public func dense() -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        for i in 0..<rows { for e in rowStarts[i]..<rowStarts[i + 1] { m.elements[i * columns + columnIndices[e]] = values[e] } }
        return m
    }
}
