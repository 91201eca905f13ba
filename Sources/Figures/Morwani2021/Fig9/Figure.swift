import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Morwani & Ramaswamy, Fig. 9 (App. M): Proposition 2 and Theorem 2 (ii) on the SWN run of Fig. 8.
public struct LinSepSWNTheorem2Figure: Figure {
    public init() {}
    public var id: String { "morwani2021-fig9" }
    public var citation: Citation { Citation(paper: .morwani2021, figure: "Fig. 9 (App. M)") }

    /// Fig. 8's run, read from the cache when Fig. 8 has computed it.
    public func run(_ params: LinSepParameters, context: RunContext) throws -> LinSepData {
        LinSepData(run: try linSepRun(.standard, params: params, context: context))
    }

    public func render(_ data: LinSepData, params: LinSepParameters) throws -> Chart {
        renderLinSepTheorem2(data, params: params)
    }

    public func claims(_ data: LinSepData, params: LinSepParameters, scale: Scale) -> [Claim] {
        linSepTheorem2Claims(data, params: params, scale: scale)
    }

    public func caption(_ data: LinSepData, params: LinSepParameters) -> String {
        linSepTheorem2Caption(data, params: params) + " The run is Fig. 8's."
    }
}

public let figure = AnyFigure(LinSepSWNTheorem2Figure())
