
/// libFuzzer entry for the LIBSVM parser (123 features, binary labels; numeric labels when the input
/// is odd-sized): a parsed set is consistent, a rejected file gets one line naming the file and row.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLIBSVM(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    do {
        let set = try LIBSVM.parse(bytes, file: "fuzz.svm", featureCount: 123, labels: count % 2 == 0 ? .binary : .numeric)
        precondition(set.rowCount >= 1 && set.rowStarts.count == set.rowCount + 1, "LIBSVM: row table")
        for i in 0..<set.rowCount {
            precondition(set.rowStarts[i] <= set.rowStarts[i + 1], "LIBSVM: rows out of order")
            let row = set.columns[set.rowStarts[i]..<set.rowStarts[i + 1]]
            precondition(zip(row, row.dropFirst()).allSatisfy { $0 < $1 }, "LIBSVM: indices not increasing")
        }
        precondition(set.columns.allSatisfy { (0..<123).contains($0) } && set.values.allSatisfy(\.isFinite), "LIBSVM: entry out of range")
        precondition(set.labels.allSatisfy(\.isFinite), "LIBSVM: label not finite")
    } catch let error as DatasetError {
        checkMessage(error, file: "fuzz.svm")
        precondition(error.message.hasPrefix("fuzz.svm, row ") || error.message.hasPrefix("fuzz.svm: no rows"), "LIBSVM: message without row: \(error.message)")
    } catch {
        preconditionFailure("LIBSVM: unexpected error \(error)")
    }
    return 0
}
