import Foundation

/// A committed figure's claims, recomputed from its data file and its manifest's parameters. The
/// `passed` flags stored in the manifest are never trusted: they are what the run thought, and the
/// data may have changed since.
public struct ClaimRecheck: Sendable {
    public let id: String
    public let scale: Scale
    /// The claims as computed now from `<id>.json`.
    public let claims: [Claim]
    /// Claims whose recomputed verdict differs from the one the manifest records.
    public let disagreements: [String]
    /// False when the data file is not the one the manifest's sha256 names.
    public let dataMatchesManifest: Bool

    public var failedClaims: [Claim] { claims.filter { !$0.passed } }
    public var passed: Bool { failedClaims.isEmpty && dataMatchesManifest }

    /// "claims 5/5 pass (recomputed)" or what failed.
    public var summary: String {
        var parts = ["claims \(claims.count - failedClaims.count)/\(claims.count) pass (recomputed)"]
        if !failedClaims.isEmpty {
            parts.append("FAILED: " + failedClaims.map { "\($0.id): \($0.measured)" }.joined(separator: "; "))
        }
        if !dataMatchesManifest { parts.append("data file differs from the one its manifest records (sha256)") }
        if !disagreements.isEmpty { parts.append("manifest said otherwise for " + disagreements.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }

    /// Recomputes `figure`'s claims from `folder/<id>.json` and `folder/<id>.manifest.json`. A
    /// missing or unreadable file is an input error naming the file and the fix.
    public static func recheck(_ figure: AnyFigure, in folder: URL) throws -> ClaimRecheck {
        let id = figure.id
        let rerun = "re-run 'wnfig run \(id)' to write it again"
        let manifestURL = folder.appendingPathComponent("\(id).manifest.json")
        let dataURL = folder.appendingPathComponent("\(id).json")
        guard let manifestBytes = try? Data(contentsOf: manifestURL) else {
            throw FigureKitError(.input, "manifest \(manifestURL.path) is missing or unreadable; \(rerun)")
        }
        let manifest: Manifest
        do {
            manifest = try FigureCoding.decoder().decode(Manifest.self, from: manifestBytes)
        } catch {
            throw FigureKitError(.input, "manifest \(manifestURL.path) is corrupt (\(describe(error))); \(rerun)")
        }
        guard manifest.id == id else {
            throw FigureKitError(.input, "manifest \(manifestURL.path) is for '\(manifest.id)', not '\(id)'; \(rerun)")
        }
        guard let data = try? Data(contentsOf: dataURL) else {
            throw FigureKitError(.input, "data file \(dataURL.path) is missing or unreadable; \(rerun)")
        }
        let params = try FigureCoding.encoder(pretty: false).encode(manifest.params)
        let claims: [Claim]
        do {
            claims = try figure.claimsJSON(data, params, manifest.scale)
        } catch let error as FigureKitError {
            throw FigureKitError(.input, "\(error.message) (\(dataURL.path))")
        } catch {
            throw FigureKitError(.input, "\(dataURL.path) or its manifest's parameters do not decode (\(describe(error))); \(rerun)")
        }
        let stored = Dictionary(manifest.claims.map { ($0.id, $0.passed) }, uniquingKeysWith: { a, _ in a })
        let disagreements = claims.filter { claim in stored[claim.id].map { $0 != claim.passed } ?? true }.map(\.id)
        let recorded = manifest.sha256["\(id).json"]
        return ClaimRecheck(
            id: id, scale: manifest.scale, claims: claims, disagreements: disagreements,
            dataMatchesManifest: recorded == Digest.sha256(data))
    }
}

/// A decoding error in one line.
func describe(_ error: Error) -> String {
    switch error {
    case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
        DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
    default:
        return String(describing: error)
    }
}
