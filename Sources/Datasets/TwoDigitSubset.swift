/// The MNIST two-digit regression set of Dukler et al.'s App. F: the first n training images
/// labelled with either digit (4 or 9), in file order; x = pixels/255 scaled to unit ℓ2 norm
/// (Assumption 1, ‖x_i‖ ≤ 1; CHOSEN), y = +1 for the first digit, −1 for the second.
public struct TwoDigitSubset: Sendable {
    /// count × 784, row-major, one image per row.
    public let features: [Double]
    public let targets: [Double]
    /// sha256 of the two training files read.
    public let digests: [String: String]

    public var count: Int { targets.count }
    public var positiveCount: Int { targets.filter { $0 > 0 }.count }

    /// Loads the official training set from `dataDirectory` (nil: the search order of
    /// `DataDirectory.mnist`) and keeps the first `count` images of the two digits.
    public static func load(count: Int, positiveDigit: Int, negativeDigit: Int, dataDirectory: String? = nil) throws -> TwoDigitSubset {
        try select(
            from: try MNIST.load(.train, dataDirectory: dataDirectory), count: count,
            positiveDigit: positiveDigit, negativeDigit: negativeDigit)
    }

    /// The selection and preprocessing alone, from an already loaded set.
    public static func select(from set: MNISTDataset, count: Int, positiveDigit: Int, negativeDigit: Int) throws -> TwoDigitSubset {
        guard (0...9).contains(positiveDigit), (0...9).contains(negativeDigit), positiveDigit != negativeDigit else {
            throw DatasetError(
                .invalidSelection, file: set.split.labelsFile.fileName,
                "positiveDigit and negativeDigit must be two different digits 0–9; got \(positiveDigit) and \(negativeDigit)")
        }
        let indices = set.indices(ofDigits: [UInt8(positiveDigit), UInt8(negativeDigit)], limit: count)
        guard indices.count == count, count > 0 else {
            throw DatasetError(
                .invalidSelection, file: set.split.labelsFile.fileName,
                "the MNIST \(set.split.rawValue) set has \(indices.count) images of digits \(positiveDigit) and \(negativeDigit); set sampleCount between 1 and \(indices.count)")
        }
        var x = set.features(indices)
        let width = MNIST.pixelsPerImage
        for i in 0..<count {
            var squared = 0.0
            for j in 0..<width { squared += x[i * width + j] * x[i * width + j] }
            let length = squared.squareRoot()
            for j in 0..<width { x[i * width + j] /= length }
        }
        let y = indices.map { set.labels[$0] == UInt8(positiveDigit) ? 1.0 : -1.0 }
        return TwoDigitSubset(features: x, targets: y, digests: set.sha256)
    }
}
