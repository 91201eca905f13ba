/// The CIFAR-10 binary version (Krizhevsky 2009, https://www.cs.toronto.edu/~kriz/cifar.html):
/// each row is 1 label byte (0–9) then 3072 pixel bytes — the 1024 red, then the 1024 green, then
/// the 1024 blue values of a 32×32 image, each plane row-major.
public enum CIFAR10 {
    public static let imageSide = 32
    public static let pixelsPerImage = 3 * 32 * 32
    public static let rowBytes = 1 + pixelsPerImage
    public static let classNames = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
    public static let trainingBatches = (1...5).map { "data_batch_\($0).bin" }
    public static let testBatch = "test_batch.bin"
    /// Rows per batch file of the official archive.
    public static let officialRowsPerBatch = 10_000
    /// The folder of the official archive (cifar-10-binary.tar.gz) and of the committed subset under data/.
    public static let fullFolder = "cifar-10-batches-bin"
    public static let subsetFolder = "cifar-10-subset"
    /// sha256 of the batch files of the committed subset (the leading rows of the official batches).
    public static let subsetSHA256: [String: String] = [
        "data_batch_1.bin": "f16a59d06bf2dec57a86ab7ea1954651a8097a0f1c52514199f3e16bd932080b",
        "data_batch_2.bin": "095163c1d72006a54a6ac26283ed8ab4802b296e91eafe838a1f5af38abcfcb8",
        "data_batch_3.bin": "7cc411fbd8876b9eeb40bd6cc9f8d0afde11477f5bcc8cbaf26127b0dd67e297",
        "data_batch_4.bin": "9865b3162345dc8da7186b7d768bc7519f6a3df64b0aa7ea39214e5700811d77",
        "data_batch_5.bin": "f84e166c3f7ea9097d7411d630cc72ed22be70a9e265e9b48c2d60b578b200da",
        "test_batch.bin": "a4feba012291cf6be2ee97dbe3f1b2a7fc7018f306126704c3181e719c8c2a41",
    ]

    /// Parses one whole (uncompressed) batch file. Each defect is one line naming `file`, the
    /// 1-based row and the fix; nothing is returned for a file with any defect.
    public static func parseBatch(_ bytes: [UInt8], file: String) throws -> CIFAR10Batch {
        guard !bytes.isEmpty else {
            throw DatasetError(.corrupt, file: file, "\(file): the file is empty; \(dataFix)")
        }
        let rows = bytes.count / rowBytes
        guard bytes.count % rowBytes == 0 else {
            throw DatasetError(.corrupt, file: file,
                               "\(file), row \(rows + 1): cut short (\(bytes.count % rowBytes) of \(rowBytes) bytes; the file holds \(bytes.count) bytes, not a multiple of \(rowBytes)); re-copy the batch file whole or \(dataFix)")
        }
        var labels = [UInt8](repeating: 0, count: rows)
        var pixels = [UInt8](repeating: 0, count: rows * pixelsPerImage)
        for row in 0..<rows {
            let label = bytes[row * rowBytes]
            guard label <= 9 else {
                throw DatasetError(.corrupt, file: file,
                                   "\(file), row \(row + 1): label byte \(label) is not a class 0–9; this is not a CIFAR-10 binary batch (CIFAR-100 has 2 label bytes) — \(dataFix)")
            }
            labels[row] = label
            pixels.withUnsafeMutableBufferPointer { target in
                bytes.withUnsafeBufferPointer { source in
                    let from = row * rowBytes + 1
                    for j in 0..<pixelsPerImage { target[row * pixelsPerImage + j] = source[from + j] }
                }
            }
        }
        return CIFAR10Batch(labels: labels, pixels: pixels)
    }

}

/// The rows of one batch file: labels and 3072 pixel bytes each, in file order.
public struct CIFAR10Batch: Sendable, Equatable {
    public let labels: [UInt8]
    /// count × 3072 bytes: R plane, G plane, B plane of each image.
    public let pixels: [UInt8]
    public var count: Int { labels.count }
}

