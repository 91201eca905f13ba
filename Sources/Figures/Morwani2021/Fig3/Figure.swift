import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Morwani & Ramaswamy, Fig. 3 (§4.2): Proposition 2 and Theorem 2 (i) on the EWN run of Fig. 2.
public struct LinSepEWNTheorem2Figure: Figure {
    public init() {}
    public var id: String { "morwani2021-fig3" }
    public var citation: Citation { Citation(paper: .morwani2021, figure: "Fig. 3") }

    /// Fig. 2's run, read from the cache when Fig. 2 has computed it.
    public func run(_ params: LinSepParameters, context: RunContext) throws -> LinSepData {
        LinSepData(run: try linSepRun(.exponential, params: params, context: context))
    }

    public func render(_ data: LinSepData, params: LinSepParameters) throws -> Chart {
        renderLinSepTheorem2(data, params: params)
    }

    public func claims(_ data: LinSepData, params: LinSepParameters, scale: Scale) -> [Claim] {
        linSepTheorem2Claims(data, params: params, scale: scale)
    }

    public func caption(_ data: LinSepData, params: LinSepParameters) -> String {
        linSepTheorem2Caption(data, params: params) + " The run is Fig. 2's."
    }
}

public let figure = AnyFigure(LinSepEWNTheorem2Figure())
