import Foundation

/// Loading batch files from the data folders; the parser is in CIFAR10Batch.swift (no dependencies, fuzzed).
extension CIFAR10 {
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
