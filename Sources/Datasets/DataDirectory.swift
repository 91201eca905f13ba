import Foundation

/// Where the data sets live. Search order: an explicit folder (`--data-dir`), then the environment
/// variable `WNFIGURES_DATA_DIR`, then `data/<set>` in the repository that holds the current folder
/// (the nearest folder above it with a Package.swift): `make data` caches MNIST in data/mnist,
/// and the small sets (a9a, the CIFAR-10 subset) are committed, gzip-compressed, under data/.
/// Nothing machine-specific is stored in a figure's parameters: the folder is resolved at run time.
public enum DataDirectory {
    public static let environmentVariable = "WNFIGURES_DATA_DIR"
    /// The git-ignored cache that `scripts/fetch-data.sh` fills, relative to the repository root.
    public static let repositoryMNISTPath = "data/mnist"

    /// The folder to read MNIST from. A folder given explicitly or through the environment may hold
    /// the four files itself or in an `mnist` subfolder (see `MNIST.locate`).
    public static func mnist(
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> URL {
        if let explicit, !explicit.isEmpty { return URL(fileURLWithPath: explicit, isDirectory: true) }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty {
            return URL(fileURLWithPath: fromEnvironment, isDirectory: true)
        }
        let start = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let root = repositoryRoot(from: start) ?? start
        return root.appendingPathComponent(repositoryMNISTPath, isDirectory: true)
    }

    /// The folders searched, in order, for the files of the data set kept in `data/<set>` of the
    /// repository: the explicit or environment folder itself and its `<set>` subfolder (when one is
    /// given), then the repository's committed copy. A file found in an earlier folder is used
    /// even when it is damaged (the reader then says so), so a user's copy is never silently passed over.
    public static func folders(
        for set: String,
        explicit: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> [URL] {
        var result: [URL] = []
        let given = explicit.flatMap { $0.isEmpty ? nil : $0 } ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        if let given {
            let folder = URL(fileURLWithPath: given, isDirectory: true)
            result += [folder, folder.appendingPathComponent(set, isDirectory: true)]
        }
        let start = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        let root = repositoryRoot(from: start) ?? start
        result.append(root.appendingPathComponent("data", isDirectory: true).appendingPathComponent(set, isDirectory: true))
        return result
    }

    /// The nearest folder at or above `start` that holds Package.swift.
    public static func repositoryRoot(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}
