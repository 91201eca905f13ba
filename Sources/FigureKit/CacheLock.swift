#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import Foundation

extension ResultCache {
    /// Runs `body` holding an exclusive lock on `key`, shared by every process using this cache
    /// folder (flock on `<cache>/locks/<key>.lock`), and returns the seconds spent waiting for
    /// it. Two workers of a `run -j N` or `sweep -j N` that both need one shared experiment (Morwani
    /// Figs. 7 and 11 train the same three nets) then compute it once: the second waits, then finds
    /// it in the cache. The lock ends with the process, so a killed holder never blocks the others.
    public func withLock<T>(_ key: String, _ body: () throws -> T) throws -> (value: T, waited: Double) {
        let locks = folder.deletingLastPathComponent().appendingPathComponent("locks")
        do {
            try FileManager.default.createDirectory(at: locks, withIntermediateDirectories: true)
        } catch {
            throw FigureKitError(.io, "cannot create \(locks.path): \(AtomicFile.reason(error)); choose a writable --cache-dir")
        }
        let path = locks.appendingPathComponent("\(key).lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw FigureKitError(.io, "cannot open the lock \(path): \(String(cString: strerror(errno))); choose a writable --cache-dir")
        }
        defer { close(descriptor) }
        let start = DispatchTime.now().uptimeNanoseconds
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw FigureKitError(.io, "cannot lock \(path): \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        let waited = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return (try body(), waited)
    }
}
