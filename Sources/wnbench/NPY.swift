import Experiments
import Foundation

/// A float64 array with its shape, written as a NumPy .npy file (format 1.0) so that the numpy and
/// JAX peers read exactly the doubles wnbench used, with no decimal round trip.
struct NPYArray {
    var shape: [Int]
    var values: [Double]

    init(shape: [Int], values: [Double]) {
        precondition(shape.reduce(1, *) == values.count, "NPYArray: shape \(shape) holds \(shape.reduce(1, *)) values, got \(values.count)")
        self.shape = shape
        self.values = values
    }

    init(_ matrix: Matrix) { self.init(shape: [matrix.rows, matrix.columns], values: matrix.elements) }
    init(vector: [Double]) { self.init(shape: [vector.count], values: vector) }
    init(scalar: Double) { self.init(shape: [], values: [scalar]) }

    /// The .npy bytes: magic, version 1.0, a header padded to a multiple of 64 bytes, then the
    /// little-endian doubles in C order.
    var npyData: Data {
        let shapeText = shape.isEmpty ? "()" : shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f8', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = 10 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var data = Data([0x93] + Array("NUMPY".utf8) + [1, 0])
        let length = UInt16(header.utf8.count)
        data.append(contentsOf: [UInt8(length & 0xff), UInt8(length >> 8)])
        data.append(contentsOf: Array(header.utf8))
        for value in values {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    func write(to url: URL) throws { try npyData.write(to: url) }
}

/// Writes `arrays` as `<name>.npy` files into `folder`, creating it.
func writeArrays(_ arrays: [String: NPYArray], to folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for (name, array) in arrays { try array.write(to: folder.appendingPathComponent("\(name).npy")) }
}

/// Writes a JSON object (sorted keys, so exports diff cleanly).
func writeJSON(_ object: [String: Any], to url: URL) throws {
    let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
    try data.write(to: url)
}
