import Foundation

/// The official LIBSVM files WNFigures reads, with the sha256 of their uncompressed content.
public enum LIBSVMFile: String, CaseIterable, Sendable {
    case a9a = "a9a"
    case a9aTest = "a9a.t"

    public var fileName: String { rawValue }
    /// The folder under data/ that holds the committed copy.
    public var setFolder: String { "a9a" }
    public var featureCount: Int { 123 }
    public var officialRows: Int { self == .a9a ? 32_561 : 16_281 }
    public var officialSHA256: String {
        switch self {
        case .a9a: return "f5d5ffd8d865ff41328e7ee043e4b020816914ff6843ff15b98905ddbedce906"
        case .a9aTest: return "1f448a153f0320399a7e40836eb207655b0bde0f21fc941cc472193daa9f5de9"
        }
    }
}

/// Loading the official files; the parser itself is in LIBSVMParser.swift (no dependencies, fuzzed).
extension LIBSVM {
    /// Loads an official file from the data-folder search (`DataDirectory.folders(for:)`),
    /// decompressing `.gz` and checking the sha256.
    public static func load(_ file: LIBSVMFile, dataDirectory explicit: String? = nil) throws -> LIBSVMDataset {
        let folders = DataDirectory.folders(for: file.setFolder, explicit: explicit)
        guard let url = DataFileContents.locate([file.fileName], in: folders) else {
            throw DatasetError(.missing, file: file.fileName,
                               "LIBSVM file \(file.fileName) (or \(file.fileName).gz) not found in \(folders.map(\.path).joined(separator: ", ")); restore data/\(file.setFolder) from git or \(dataFix)")
        }
        let (bytes, digest) = try DataFileContents.read(url, name: file.fileName)
        guard digest == file.officialSHA256 else {
            throw DatasetError(.corrupt, file: file.fileName,
                               "\(url.path) is not the official LIBSVM \(file.fileName) (sha256 \(digest.prefix(12))…, expected \(file.officialSHA256.prefix(12))…); replace it with the file from the LIBSVM site or restore data/\(file.setFolder) from git")
        }
        var set = try parse(bytes, file: url.path, featureCount: file.featureCount, labels: .binary)
        set.sha256 = [file.fileName: digest]
        return set
    }

    /// sha256 of an official file after checking it (for a figure's manifest).
    public static func digests(_ file: LIBSVMFile, dataDirectory explicit: String? = nil) throws -> [String: String] {
        try load(file, dataDirectory: explicit).sha256
    }

}
