import Foundation

/// Writes that never leave a half-written file: write a temporary sibling, then rename over the target.
public enum AtomicFile {
    /// Write `bytes` to `url`, unless the file already holds exactly these bytes (its date then stays).
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        try write(Data(bytes), to: url)
    }

    public static func write(_ data: Data, to url: URL) throws {
        let manager = FileManager.default
        let folder = url.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FigureKitError(.io, "cannot create output folder \(folder.path): \(reason(error)); choose a writable --out folder")
        }
        if let existing = try? Data(contentsOf: url), existing == data { return }
        let temporary = folder.appendingPathComponent(temporaryName(for: url))
        guard manager.createFile(atPath: temporary.path, contents: data) else {
            throw FigureKitError(.io, "cannot write \(url.path): folder \(folder.path) is not writable; choose a writable --out folder")
        }
        if rename(temporary.path, url.path) != 0 {
            let message = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw FigureKitError(.io, "cannot write \(url.path): \(message); choose a writable --out folder")
        }
    }

    /// A sibling name no other writer uses: the pid alone is not enough, since two threads of one
    /// process (figures sharing an experiment) or two processes on different nodes of a cluster
    /// (same pid, shared folder) can write the same target at once. The leading dot and the
    /// `.tmp` suffix keep an abandoned one (its writer killed) out of every listing that counts.
    public static func temporaryName(for url: URL) -> String {
        ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp"
    }

    /// Fails early, before hours of computing, when `folder` cannot receive output.
    public static func requireWritableFolder(_ folder: URL) throws {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw FigureKitError(.io, "cannot create output folder \(folder.path): \(reason(error)); choose a writable --out folder")
        }
        guard access(folder.path, W_OK) == 0 else {
            throw FigureKitError(.io, "output folder \(folder.path) is not writable; choose a writable --out folder")
        }
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
