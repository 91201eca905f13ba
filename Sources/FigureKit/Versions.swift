import Foundation
import Plot

/// Versions recorded in every manifest.
public enum Versions {
    public static let wnfig = "0.1.0"

    public static var swift: String {
        #if compiler(>=7.0)
            return ">=7.0"
        #elseif compiler(>=6.3)
            return "6.3"
        #elseif compiler(>=6.2)
            return "6.2"
        #elseif compiler(>=6.1)
            return "6.1"
        #else
            return "<6.1"
        #endif
    }

    public static var all: [String: String] {
        ["wnfig": wnfig, "swift": swift, "cairo": LibraryVersions.cairo, "freetype": LibraryVersions.freetype]
    }

    /// The commit the working tree is at, with "-dirty" when tracked files differ from it.
    public static func gitCommit(in folder: URL) -> String {
        guard let head = git(["rev-parse", "HEAD"], in: folder), !head.isEmpty else { return "unknown" }
        // The figures and goldens are what this tool writes: a run that has just rewritten
        // figures/ comes from clean code all the same. Only the other tracked files count.
        let status = git(
            ["status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)figures", ":(exclude)golden"], in: folder) ?? ""
        return status.isEmpty ? head : head + "-dirty"
    }

    private static func git(_ arguments: [String], in folder: URL) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
