/// Every error the figure kit reports: one line saying what is wrong and how to fix it.
public struct FigureKitError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable { case usage, input, io, check, interrupted }
    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
