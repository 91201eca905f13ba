import Foundation

/// How strictly a loaded copy is checked.
public enum MNISTCheck: Sendable {
    /// The official files: sha256 of the uncompressed content, official counts and 28×28 images.
    case official
    /// Only the structure: IDX magic numbers, 28×28 images, labels 0–9, as many labels as images.
    /// For small files made by tests; figures always load with `.official`.
    case structure
}

/// The MNIST reader: finds the files in a folder, decompresses `.gz`, checks them, returns images
/// and labels in file order.
public enum MNIST {
    public static let imageRows = 28
    public static let imageColumns = 28
    public static let pixelsPerImage = imageRows * imageColumns

    /// Loads one split from the folder the search order gives (`DataDirectory.mnist(explicit:)`).
    public static func load(_ split: MNISTSplit, dataDirectory explicit: String? = nil) throws -> MNISTDataset {
        try load(split, from: DataDirectory.mnist(explicit: explicit))
    }

    /// Loads one split from `directory` (or its `mnist` subfolder). Throws a one-line
    /// `DatasetError` naming the file and the fix when a file is missing or is not the right one.
    public static func load(_ split: MNISTSplit, from directory: URL, check: MNISTCheck = .official) throws -> MNISTDataset {
        // A missing file is reported before a damaged one: fetching fixes both.
        for file in [split.imagesFile, split.labelsFile] { _ = try path(of: file, in: directory) }
        let (imageBytes, imageDigest) = try contents(of: split.imagesFile, in: directory, check: check)
        let (labelBytes, labelDigest) = try contents(of: split.labelsFile, in: directory, check: check)
        let images = try IDXArray(parsing: imageBytes, file: split.imagesFile.fileName)
        let labels = try IDXArray(parsing: labelBytes, file: split.labelsFile.fileName)

        func corrupt(_ file: MNISTFile, _ reason: String) -> DatasetError {
            DatasetError(.corrupt, file: file.fileName, "\(file.fileName) in \(directory.path): \(reason); \(dataFix)")
        }
        guard images.dimensions.count == 3, images.dimensions[1] == imageRows, images.dimensions[2] == imageColumns else {
            throw corrupt(split.imagesFile, "declares dimensions \(images.dimensions) where N×28×28 images are expected")
        }
        guard labels.dimensions.count == 1 else {
            throw corrupt(split.labelsFile, "declares dimensions \(labels.dimensions) where a vector of labels is expected")
        }
        guard labels.dimensions[0] == images.dimensions[0] else {
            throw corrupt(split.labelsFile, "holds \(labels.dimensions[0]) labels for \(images.dimensions[0]) images")
        }
        if check == .official {
            for (file, array) in [(split.imagesFile, images), (split.labelsFile, labels)] where array.dimensions != file.officialDimensions {
                throw corrupt(file, "declares dimensions \(array.dimensions) where the official file has \(file.officialDimensions)")
            }
        }
        if let bad = labels.values.firstIndex(where: { $0 > 9 }) {
            throw corrupt(split.labelsFile, "label \(labels.values[bad]) at index \(bad) is not a digit 0–9")
        }
        return MNISTDataset(
            split: split, pixels: images.values, labels: labels.values,
            sha256: [split.imagesFile.fileName: imageDigest, split.labelsFile.fileName: labelDigest])
    }

    /// sha256 of the uncompressed content of each file of `split`, after checking them against the
    /// official values (for a figure's manifest).
    public static func digests(_ split: MNISTSplit, dataDirectory explicit: String? = nil) throws -> [String: String] {
        let directory = DataDirectory.mnist(explicit: explicit)
        var digests: [String: String] = [:]
        for file in [split.imagesFile, split.labelsFile] {
            digests[file.fileName] = try contents(of: file, in: directory, check: .official).digest
        }
        return digests
    }

    /// The path of the copy of `file` found in `directory` or its `mnist` subfolder, trying each
    /// of `file.candidateNames`; nil when there is none.
    public static func locate(_ file: MNISTFile, in directory: URL) -> URL? {
        let folders = [directory, directory.appendingPathComponent("mnist", isDirectory: true)]
        for folder in folders {
            for name in file.candidateNames {
                let url = folder.appendingPathComponent(name)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return url
                }
            }
        }
        return nil
    }

    /// The uncompressed bytes of `file` and their sha256 (checked against the official one under `.official`).
    static func path(of file: MNISTFile, in directory: URL) throws -> URL {
        guard let url = locate(file, in: directory) else {
            throw DatasetError(
                .missing, file: file.fileName,
                "MNIST file \(file.fileName) (or \(file.fileName).gz) not found in \(directory.path); \(dataFix)")
        }
        return url
    }

    static func contents(of file: MNISTFile, in directory: URL, check: MNISTCheck) throws -> (bytes: [UInt8], digest: String) {
        let url = try path(of: file, in: directory)
        let (bytes, digest) = try DataFileContents.read(url, name: file.fileName)
        if check == .official, digest != file.officialSHA256 {
            throw DatasetError(
                .corrupt, file: file.fileName,
                "\(url.path) is not the official \(file.fileName) (sha256 \(digest.prefix(12))…, expected \(file.officialSHA256.prefix(12))…); delete it and \(dataFix)")
        }
        return (bytes, digest)
    }
}

/// One split of MNIST: images as bytes (row-major, 28×28 each, 0 = background) and digit labels,
/// both in file order.
public struct MNISTDataset: Sendable {
    public let split: MNISTSplit
    /// count × 784 bytes, image after image.
    public let pixels: [UInt8]
    public let labels: [UInt8]
    /// sha256 of the uncompressed content of the two files read, by official file name.
    public let sha256: [String: String]

    public init(split: MNISTSplit, pixels: [UInt8], labels: [UInt8], sha256: [String: String]) {
        precondition(pixels.count == labels.count * MNIST.pixelsPerImage, "MNISTDataset: \(pixels.count) pixels for \(labels.count) labels")
        self.split = split
        self.pixels = pixels
        self.labels = labels
        self.sha256 = sha256
    }

    public var count: Int { labels.count }

    /// The 784 bytes of image `index`.
    public func image(_ index: Int) -> ArraySlice<UInt8> {
        pixels[index * MNIST.pixelsPerImage ..< (index + 1) * MNIST.pixelsPerImage]
    }

    /// Indices of the images whose label is in `digits`, in file order, at most `limit` of them
    /// (e.g. Dukler's "first 1000 images of the digits 4 and 9": `indices(ofDigits: [4, 9], limit: 1000)`).
    public func indices(ofDigits digits: Set<UInt8>, limit: Int? = nil) -> [Int] {
        var result: [Int] = []
        for (index, label) in labels.enumerated() where digits.contains(label) {
            if let limit, result.count >= limit { break }
            result.append(index)
        }
        return result
    }

    /// The first `perClass` images of each digit 0–9 in file order, returned in file order
    /// (a class-balanced, deterministic subset). Throws when a digit has fewer images.
    public func balancedIndices(perClass: Int) throws -> [Int] {
        var taken = [Int](repeating: 0, count: 10)
        var result: [Int] = []
        for (index, label) in labels.enumerated() where taken[Int(label)] < perClass {
            taken[Int(label)] += 1
            result.append(index)
            if result.count == 10 * perClass { break }
        }
        if let short = taken.firstIndex(where: { $0 < perClass }) {
            throw DatasetError(
                .corrupt, file: split.labelsFile.fileName,
                "the MNIST \(split.rawValue) set has only \(taken[short]) images of digit \(short), \(perClass) were asked for; ask for fewer per class")
        }
        return result
    }

    /// The images at `indices` as a row-major indices.count × 784 matrix of pixel·scale
    /// (scale 1/255 gives values in [0, 1]).
    public func features(_ indices: [Int], scale: Double = 1.0 / 255.0) -> [Double] {
        var result = [Double](repeating: 0, count: indices.count * MNIST.pixelsPerImage)
        pixels.withUnsafeBufferPointer { source in
            result.withUnsafeMutableBufferPointer { target in
                for (row, index) in indices.enumerated() {
                    let from = index * MNIST.pixelsPerImage, to = row * MNIST.pixelsPerImage
                    for column in 0..<MNIST.pixelsPerImage { target[to + column] = Double(source[from + column]) * scale }
                }
            }
        }
        return result
    }
}
