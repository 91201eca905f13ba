import Foundation
import Plot

/// A registered figure with its types erased, so the registry can be a plain array. Parameters and
/// data cross this boundary as JSON, which is also how they are cached and written to disk.
public struct AnyFigure: Sendable {
    public let id: String
    public let citation: Citation
    public let defaultSeed: UInt64
    public let tolerance: GoldenTolerance

    let presetJSON: @Sendable (Scale, [String]) throws -> Data
    let parameterSchema: @Sendable () -> [(key: String, type: String)]
    let runJSON: @Sendable (Data, RunContext) throws -> Data
    let renderJSON: @Sendable (Data, Data) throws -> Chart
    let claimsJSON: @Sendable (Data, Data, Scale) throws -> [Claim]
    let captionJSON: @Sendable (Data, Data) throws -> String
    let inputDigestsJSON: @Sendable (Data, String?) throws -> [String: String]
    let gemmFlopsJSON: @Sendable (Data) throws -> Double?

    public init<F: Figure>(_ figure: F) {
        id = figure.id
        citation = figure.citation
        defaultSeed = figure.defaultSeed
        tolerance = figure.tolerance
        let id = figure.id
        @Sendable func params(_ json: Data) throws -> F.Params {
            try FigureCoding.decoder().decode(F.Params.self, from: json)
        }
        @Sendable func output(_ json: Data) throws -> F.Output {
            do {
                return try FigureCoding.decoder().decode(F.Output.self, from: json)
            } catch {
                throw FigureKitError(.input, "data of \(id) does not decode (\(error)); delete it and re-run 'wnfig run \(id)'")
            }
        }
        presetJSON = { scale, assignments in
            let chosen = try ParameterOverrides.apply(assignments, to: F.Params.preset(scale), figure: id)
            return try FigureCoding.encoder(pretty: false).encode(chosen)
        }
        parameterSchema = { ParameterOverrides.schema(of: F.Params.preset(.default)) }
        runJSON = { json, context in
            try FigureCoding.encoder(pretty: false).encode(figure.run(params(json), context: context))
        }
        renderJSON = { data, json in try figure.render(output(data), params: params(json)) }
        claimsJSON = { data, json, scale in try figure.claims(output(data), params: params(json), scale: scale) }
        captionJSON = { data, json in try figure.caption(output(data), params: params(json)) }
        inputDigestsJSON = { json, folder in try figure.inputDigests(params(json), dataDirectory: folder) }
        gemmFlopsJSON = { data in try figure.gemmFlops(output(data)) }
    }

    /// The parameters at `scale` with `--set` assignments applied, as JSON.
    public func parameters(_ scale: Scale, overrides: [String] = []) throws -> Data {
        try presetJSON(scale, overrides)
    }

    /// Parameter names and types, for help and error messages.
    public var parameterKeys: [(key: String, type: String)] { parameterSchema() }
}
