
/// libFuzzer entry for the IDX reader: any input either parses into an array that re-encodes to the
/// same bytes, or is rejected with a one-line DatasetError naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = [UInt8](UnsafeRawBufferPointer(start: data, count: count))
    do {
        let array = try IDXArray(parsing: bytes, file: "fuzz.idx")
        precondition(array.encoded() == bytes, "IDX: parse/encode round trip differs")
    } catch let error as DatasetError {
        checkMessage(error, file: "fuzz.idx")
    } catch {
        preconditionFailure("IDX: unexpected error \(error)")
    }
    return 0
}
