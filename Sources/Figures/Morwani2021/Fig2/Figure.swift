import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Morwani & Ramaswamy, Fig. 2 (§4.1): Lin-Sep under EWN, verification of assumptions (A1)–(A4).
public struct LinSepEWNAssumptionsFigure: Figure {
    public init() {}
    public var id: String { "morwani2021-fig2" }
    public var citation: Citation { Citation(paper: .morwani2021, figure: "Fig. 2") }

    /// EWN, eq. (3)–(4), to L = e^-300; Fig. 3 draws this same run.
    public func run(_ params: LinSepParameters, context: RunContext) throws -> LinSepData {
        LinSepData(run: try linSepRun(.exponential, params: params, context: context))
    }

    public func render(_ data: LinSepData, params: LinSepParameters) throws -> Chart {
        renderLinSepAssumptions(data, params: params)
    }

    public func claims(_ data: LinSepData, params: LinSepParameters, scale: Scale) -> [Claim] {
        linSepAssumptionClaims(data, params: params, scale: scale)
    }

    public func caption(_ data: LinSepData, params: LinSepParameters) -> String {
        linSepAssumptionsCaption(data, params: params) + " Fig. 3 draws the same run."
    }
}

public let figure = AnyFigure(LinSepEWNAssumptionsFigure())
