/// Every error the data layer reports: one line naming the file, what is wrong with it, and the fix.
public struct DatasetError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No copy of the file in the data folder.
        case missing
        /// The file is there but is not what it must be (bad gzip, bad IDX header, wrong size, wrong sha256).
        case corrupt
        /// The file is fine, but the subset asked of it does not exist (e.g. more images than it has).
        case invalidSelection
    }

    public let kind: Kind
    /// The file's name (or path) the message is about.
    public let file: String
    public let message: String

    public init(_ kind: Kind, file: String, _ message: String) {
        self.kind = kind
        self.file = file
        self.message = message
    }

    public var description: String { message }
}

/// What a user runs to get a good copy: the data step of the Makefile, or a pointer to an existing copy.
let dataFix = "run `make data` (or set \(DataDirectory.environmentVariable) to a folder holding the official files)"
