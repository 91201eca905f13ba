
/// libFuzzer entry for the CIFAR-10 batch parser: a parsed batch has 3072 pixels a row and labels 0–9,
/// a rejected one a one-line message naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCIFAR10(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    do {
        let batch = try CIFAR10.parseBatch(bytes, file: "fuzz.bin")
        precondition(batch.pixels.count == batch.count * CIFAR10.pixelsPerImage && batch.count * CIFAR10.rowBytes == count, "CIFAR: sizes")
        precondition(batch.labels.allSatisfy { $0 <= 9 }, "CIFAR: label")
        for row in 0..<batch.count { precondition(batch.labels[row] == bytes[row * CIFAR10.rowBytes], "CIFAR: label moved") }
    } catch let error as DatasetError {
        checkMessage(error, file: "fuzz.bin")
    } catch {
        preconditionFailure("CIFAR: unexpected error \(error)")
    }
    return 0
}
