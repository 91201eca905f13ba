import Foundation

/// `--set key=value` for a figure's parameters. Keys and their types are read off the parameter
/// struct itself, so the error for an unknown or ill-typed key can list what is valid.
public enum ParameterOverrides {
    /// The parameter names of `params` with a human-readable type for each, in declaration order.
    public static func schema<P: FigureParameters>(of params: P) -> [(key: String, type: String)] {
        Mirror(reflecting: params).children.compactMap { child in
            guard let label = child.label else { return nil }
            return (label, typeName(of: child.value))
        }
    }

    /// `params` with every `key=value` of `assignments` applied.
    public static func apply<P: FigureParameters>(_ assignments: [String], to params: P, figure id: String) throws -> P {
        guard !assignments.isEmpty else { return params }
        let fields = Dictionary(uniqueKeysWithValues: Mirror(reflecting: params).children.compactMap { child in
            child.label.map { ($0, child.value) }
        })
        let valid = schema(of: params).map { "\($0.key) (\($0.type))" }.joined(separator: ", ")
        guard var object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(params)) as? [String: Any] else {
            throw FigureKitError(.usage, "parameters of \(id) are not a flat struct; --set is not available")
        }
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                throw FigureKitError(.usage, "--set '\(assignment)' is not key=value; valid keys for \(id): \(valid)")
            }
            let key = String(assignment[..<eq])
            let text = String(assignment[assignment.index(after: eq)...])
            guard let current = fields[key] else {
                throw FigureKitError(.usage, "unknown parameter '\(key)' for \(id); valid keys: \(valid)")
            }
            guard let value = parse(text, like: current) else {
                throw FigureKitError(
                    .usage,
                    "--set \(key)=\(text): expected \(typeName(of: current)); valid keys for \(id): \(valid)")
            }
            object[key] = value
        }
        do {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try JSONDecoder().decode(P.self, from: data)
        } catch {
            throw FigureKitError(.usage, "--set for \(id) gave parameters that do not decode (\(error)); valid keys: \(valid)")
        }
    }

    private static func typeName(of value: Any) -> String {
        switch value {
        case is Int: return "integer"
        case is UInt64: return "unsigned integer"
        case is Double: return "number"
        case is Bool: return "true|false"
        case is String, is String?: return "text"
        case is [Double]: return "comma-separated numbers"
        case is [Int]: return "comma-separated integers"
        default: return String(describing: type(of: value))
        }
    }

    private static func parse(_ text: String, like current: Any) -> Any? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func list() -> [Substring] {
            let inner = trimmed.hasPrefix("[") && trimmed.hasSuffix("]") ? String(trimmed.dropFirst().dropLast()) : trimmed
            return inner.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces)[...] }
        }
        switch current {
        case is Int: return Int(trimmed)
        case is UInt64: return UInt64(trimmed)
        case is Double:
            guard let x = Double(trimmed), x.isFinite else { return nil }
            return x
        case is Bool: return Bool(trimmed)
        case is String, is String?: return trimmed
        case is [Double]:
            let items = list().map { Double($0) }
            guard !items.isEmpty, items.allSatisfy({ $0?.isFinite == true }) else { return nil }
            return items.map { $0! }
        case is [Int]:
            let items = list().map { Int($0) }
            guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
            return items.map { $0! }
        default: return nil
        }
    }
}
