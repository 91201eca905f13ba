/// The LIBSVM text parser: no dependency beyond DatasetError, so `make fuzz` compiles it alone.
public enum LIBSVM {
    /// Parses a whole (uncompressed) file. Every defect is reported as one line naming `file`, the
    /// 1-based row and the fix; nothing is returned for a file with any defect.
    public static func parse(_ bytes: [UInt8], file: String, featureCount: Int, labels kind: LIBSVMLabels = .binary) throws -> LIBSVMDataset {
        guard featureCount > 0 else {
            throw DatasetError(.corrupt, file: file, "\(file): a feature count of \(featureCount) was asked for; pass the data set's number of features (≥ 1)")
        }
        var labels: [Double] = [], rowStarts = [0], columns: [Int] = [], values: [Double] = []
        var row = 0
        var position = 0
        let end = bytes.count
        func fail(_ reason: String, _ fix: String) -> DatasetError {
            DatasetError(.corrupt, file: file, "\(file), row \(row): \(reason); \(fix)")
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0d }
        while position < end {
            row += 1
            var lineEnd = position
            while lineEnd < end, bytes[lineEnd] != 0x0a { lineEnd += 1 }
            // Split the line into whitespace-separated tokens.
            var tokens: [Range<Int>] = []
            var at = position
            while at < lineEnd {
                while at < lineEnd, isSpace(bytes[at]) { at += 1 }
                let start = at
                while at < lineEnd, !isSpace(bytes[at]) { at += 1 }
                if at > start { tokens.append(start..<at) }
            }
            position = lineEnd + 1
            guard let labelToken = tokens.first else {
                throw fail("the row is empty", "remove the blank line (every row needs a label)")
            }
            let labelText = text(bytes, labelToken)
            guard let label = number(labelText) else {
                throw fail("label '\(labelText)' is not a number", "every row must start with its label, e.g. +1 or -1")
            }
            if kind == .binary, label != 1, label != -1 {
                throw fail("label '\(labelText)' is not +1 or -1", "this binary-classification set needs labels +1 and -1")
            }
            var previous = 0
            for token in tokens.dropFirst() {
                guard let colon = bytes[token].firstIndex(of: 0x3a) else {
                    throw fail("entry '\(text(bytes, token))' has no ':'", "write each feature as index:value")
                }
                let indexText = text(bytes, token.lowerBound..<colon), valueText = text(bytes, (colon + 1)..<token.upperBound)
                guard !indexText.isEmpty, indexText.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let index = Int(indexText) else {
                    throw fail("feature index '\(indexText)' in '\(text(bytes, token))' is not a whole number", "indices are 1-based integers")
                }
                guard index >= 1 else {
                    throw fail("feature index 0 in '\(text(bytes, token))'", "LIBSVM indices start at 1")
                }
                guard index <= featureCount else {
                    throw fail("feature index \(index) is beyond the \(featureCount) features", "check the file, or load it with the data set's true feature count")
                }
                guard index > previous else {
                    throw fail("feature index \(index) follows \(previous)", "indices within a row must increase")
                }
                guard let value = number(valueText) else {
                    throw fail("value '\(valueText)' of feature \(index) is not a finite number", "write each feature as index:value with a decimal value")
                }
                previous = index
                columns.append(index - 1)
                values.append(value)
            }
            labels.append(label)
            rowStarts.append(columns.count)
        }
        guard !labels.isEmpty else {
            throw DatasetError(.corrupt, file: file, "\(file): no rows; \(dataFix)")
        }
        return LIBSVMDataset(featureCount: featureCount, labels: labels, rowStarts: rowStarts, columns: columns, values: values)
    }

    private static func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// A finite decimal number (sign, digits, point, exponent); no nan, inf or hex forms.
    private static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2b || $0 == 0x2d || $0 == 0x2e || $0 == 0x65 || $0 == 0x45 }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }
}

/// A data set in the sparse text format of LIBSVM (Chang & Lin): one row per line,
/// `label index:value index:value …`, indices 1-based and increasing, absent features 0.
/// Kept sparse (compressed rows), indices stored 0-based.
public struct LIBSVMDataset: Sendable, Equatable {
    /// Number of features (columns); forced by the caller, since a file need not use the last one
    /// (a9a.t never uses feature 123).
    public let featureCount: Int
    /// One label per row.
    public let labels: [Double]
    /// Row i holds the entries rowStarts[i] ..< rowStarts[i + 1] of `columns` and `values`.
    public let rowStarts: [Int]
    /// 0-based feature index of each stored entry.
    public let columns: [Int]
    public let values: [Double]
    /// sha256 of the uncompressed file content, by file name (empty for parsed bytes).
    public var sha256: [String: String]

    public init(featureCount: Int, labels: [Double], rowStarts: [Int], columns: [Int], values: [Double], sha256: [String: String] = [:]) {
        precondition(rowStarts.count == labels.count + 1 && rowStarts.last == columns.count && columns.count == values.count,
                     "LIBSVMDataset: inconsistent compressed rows")
        self.featureCount = featureCount
        self.labels = labels
        self.rowStarts = rowStarts
        self.columns = columns
        self.values = values
        self.sha256 = sha256
    }

    public var rowCount: Int { labels.count }
    public var nonZeroCount: Int { values.count }

    /// The first `count` rows.
    public func prefix(_ count: Int) -> LIBSVMDataset {
        let end = rowStarts[count]
        return LIBSVMDataset(featureCount: featureCount, labels: Array(labels[..<count]), rowStarts: Array(rowStarts[...count]),
                             columns: Array(columns[..<end]), values: Array(values[..<end]), sha256: sha256)
    }

    /// The rows as a dense row-major rowCount × featureCount array.
    public func dense() -> [Double] {
        var result = [Double](repeating: 0, count: rowCount * featureCount)
        for i in 0..<rowCount {
            for entry in rowStarts[i]..<rowStarts[i + 1] { result[i * featureCount + columns[entry]] = values[entry] }
        }
        return result
    }
}

/// Which labels a file may hold.
public enum LIBSVMLabels: Sendable {
    /// Binary classification: every label is +1 or −1 (a9a).
    case binary
    /// Any finite number (regression files).
    case numeric
}

