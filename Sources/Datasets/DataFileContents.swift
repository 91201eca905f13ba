import Crypto
import Foundation

/// The uncompressed bytes of a data file (raw or gzip) and the sha256 of those bytes: the one
/// way every reader of this module opens a file, so that a `.gz` copy and a raw copy give the
/// same data and the same digest.
enum DataFileContents {
    static func read(_ url: URL, name: String) throws -> (bytes: [UInt8], digest: String) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DatasetError(.corrupt, file: name, "\(url.path) cannot be read; check its permissions or \(dataFix)")
        }
        var bytes = [UInt8](data)
        if Gzip.isCompressed(bytes) { bytes = try Gzip.decompress(bytes, file: url.path) }
        return (bytes, sha256Hex(bytes))
    }

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    /// The first of `names` (each tried as given and with `.gz`) found as a plain file in one of
    /// `folders`, in that order.
    static func locate(_ names: [String], in folders: [URL]) -> URL? {
        for folder in folders {
            for name in names {
                for candidate in [name, name + ".gz"] {
                    let url = folder.appendingPathComponent(candidate)
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                        return url
                    }
                }
            }
        }
        return nil
    }
}
