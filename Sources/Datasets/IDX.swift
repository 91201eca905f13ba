/// One array in the IDX format of the MNIST distribution (LeCun et al., "THE IDX FILE FORMAT"):
/// two zero bytes, a type byte, the number of dimensions, then each dimension as a big-endian
/// 32-bit integer, then the data in row-major order. Only unsigned bytes (type 0x08) are read:
/// the four MNIST files use nothing else.
public struct IDXArray: Sendable, Equatable {
    /// Sizes of the dimensions, outermost first (e.g. [60000, 28, 28] for the training images).
    public let dimensions: [Int]
    /// The elements in row-major order.
    public let values: [UInt8]

    public static let unsignedByteType: UInt8 = 0x08

    public init(dimensions: [Int], values: [UInt8]) {
        precondition(dimensions.reduce(1, *) == values.count, "IDXArray: \(dimensions) does not hold \(values.count) values")
        self.dimensions = dimensions
        self.values = values
    }

    /// Parses a whole (uncompressed) IDX file. `file` names it in the one-line errors.
    public init(parsing bytes: [UInt8], file: String) throws {
        func corrupt(_ reason: String) -> DatasetError {
            DatasetError(.corrupt, file: file, "\(file): \(reason), not a valid IDX file; \(dataFix)")
        }
        guard bytes.count >= 4 else { throw corrupt("only \(bytes.count) bytes") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw corrupt("bad magic number \(hex(bytes[0..<4])) (must start 00 00)")
        }
        guard bytes[2] == IDXArray.unsignedByteType else {
            throw corrupt("element type 0x\(hex(bytes[2...2])) where unsigned bytes (0x08) are expected")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw corrupt("zero dimensions") }
        let headerSize = 4 + 4 * rank
        guard bytes.count >= headerSize else { throw corrupt("header cut short (\(bytes.count) bytes for \(rank) dimensions)") }
        var dimensions: [Int] = []
        for axis in 0..<rank {
            let at = 4 + 4 * axis
            dimensions.append(Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]))
        }
        // The product of 32-bit sizes can overflow Int (found by `make fuzz`): report it, never trap.
        var count = 1
        for size in dimensions {
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow else {
                throw corrupt("header declares \(dimensions.map(String.init).joined(separator: "×")) elements, more than any file can hold")
            }
            count = product
        }
        guard bytes.count == headerSize + count else {
            throw corrupt("header says \(dimensions.map(String.init).joined(separator: "×")) = \(count) bytes of data but the file holds \(bytes.count - headerSize)")
        }
        self.dimensions = dimensions
        self.values = Array(bytes[headerSize...])
    }

    /// The file's bytes: header then data (what `init(parsing:file:)` reads back).
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [0, 0, IDXArray.unsignedByteType, UInt8(dimensions.count)]
        for size in dimensions {
            bytes += [UInt8(truncatingIfNeeded: size >> 24), UInt8(truncatingIfNeeded: size >> 16),
                      UInt8(truncatingIfNeeded: size >> 8), UInt8(truncatingIfNeeded: size)]
        }
        return bytes + values
    }
}

private func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
    bytes.map { byte in
        let digits = String(byte, radix: 16)
        return byte < 16 ? "0" + digits : digits
    }.joined(separator: " ")
}
