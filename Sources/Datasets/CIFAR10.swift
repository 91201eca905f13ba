import Foundation

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

    /// The five training batches, concatenated in file order. With `preferFull`, the official
    /// archive's folder (`cifar-10-batches-bin`, 10 000 rows a batch) is used when some searched
    /// folder holds it; otherwise the subset. Throws one line naming the file and the fix.
    public static func loadTraining(preferFull: Bool, dataDirectory explicit: String? = nil) throws -> CIFAR10Set {
        let subsetFolders = DataDirectory.folders(for: subsetFolder, explicit: explicit)
        if preferFull {
            let fullFolders = DataDirectory.folders(for: fullFolder, explicit: explicit)
            if DataFileContents.locate([trainingBatches[0]], in: fullFolders) != nil,
               let set = try? load(trainingBatches, in: fullFolders), set.kind == .full {
                return set
            }
        }
        return try load(trainingBatches, in: subsetFolders)
    }

    /// Reads `batches` from the first of `folders` that holds the first batch, and checks the set:
    /// official full batches (10 000 rows each) or the committed subset (by sha256).
    static func load(_ batches: [String], in folders: [URL]) throws -> CIFAR10Set {
        guard let first = DataFileContents.locate([batches[0]], in: folders) else {
            throw DatasetError(.missing, file: batches[0],
                               "CIFAR-10 batch \(batches[0]) (or .gz) not found in \(folders.map(\.path).joined(separator: ", ")); restore data/\(subsetFolder) from git or point --data-dir at the official cifar-10-batches-bin folder")
        }
        let folder = first.deletingLastPathComponent()
        var labels: [UInt8] = [], pixels: [UInt8] = [], digests: [String: String] = [:]
        var allFull = true, allSubset = true
        for name in batches {
            guard let url = DataFileContents.locate([name], in: [folder]) else {
                throw DatasetError(.missing, file: name, "CIFAR-10 batch \(name) (or .gz) is missing from \(folder.path), which holds \(batches[0]); copy all batch files of one set into one folder")
            }
            let (bytes, digest) = try DataFileContents.read(url, name: name)
            let batch = try parseBatch(bytes, file: url.path)
            allFull = allFull && batch.count == officialRowsPerBatch
            allSubset = allSubset && subsetSHA256[name] == digest
            labels += batch.labels
            pixels += batch.pixels
            digests[name] = digest
        }
        guard allFull || allSubset else {
            throw DatasetError(.corrupt, file: batches[0],
                               "the CIFAR-10 batches in \(folder.path) are neither the official ones (10 000 rows each) nor the committed subset (sha256 differs); restore data/\(subsetFolder) from git or copy the official batches")
        }
        return CIFAR10Set(kind: allFull ? .full : .subset, labels: labels, pixels: pixels, sha256: digests)
    }
}

/// The rows of one batch file: labels and 3072 pixel bytes each, in file order.
public struct CIFAR10Batch: Sendable, Equatable {
    public let labels: [UInt8]
    /// count × 3072 bytes: R plane, G plane, B plane of each image.
    public let pixels: [UInt8]
    public var count: Int { labels.count }
}

/// Several batches concatenated, and which set they come from.
public struct CIFAR10Set: Sendable {
    public enum Kind: String, Codable, Sendable {
        /// The 914 training images of the committed subset.
        case subset
        /// The official 50 000 training images.
        case full
    }
    public let kind: Kind
    public let labels: [UInt8]
    public let pixels: [UInt8]
    /// sha256 of each uncompressed batch file, by name.
    public let sha256: [String: String]
    public var count: Int { labels.count }
}
