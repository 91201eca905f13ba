import Experiments
import FigureKit
import Morwani2021Shared
import Plot

/// Morwani & Ramaswamy, Fig. 8 (App. M): Lin-Sep under SWN, verification of assumptions (A1)–(A4).
public struct LinSepSWNAssumptionsFigure: Figure {
    public init() {}
    public var id: String { "morwani2021-fig8" }
    public var citation: Citation { Citation(paper: .morwani2021, figure: "Fig. 8 (App. M)") }

    /// SWN, eq. (1)–(2), to L = e^-300 (Fig. 9 draws this same run), and Fig. 2's EWN run from the
    /// same start for the sparsity comparison.
    public func run(_ params: LinSepParameters, context: RunContext) throws -> LinSepData {
        let ewn = try linSepRun(.exponential, params: params, context: context)
        return LinSepData(run: try linSepRun(.standard, params: params, context: context), ewnFinalNorms: ewn.final.norms)
    }

    public func render(_ data: LinSepData, params: LinSepParameters) throws -> Chart {
        renderLinSepAssumptions(data, params: params)
    }

    public func claims(_ data: LinSepData, params: LinSepParameters, scale: Scale) -> [Claim] {
        linSepAssumptionClaims(data, params: params, scale: scale)
    }

    public func caption(_ data: LinSepData, params: LinSepParameters) -> String {
        let ewnGrowing = (data.ewnFinalNorms ?? []).filter { $0 >= params.growingFraction * (data.ewnFinalNorms?.max() ?? 0) }.count
        return linSepAssumptionsCaption(data, params: params)
            + " Under EWN from the same start (Fig. 2) \(ewnGrowing) neurons keep growing. Fig. 9 draws the same run."
    }
}

public let figure = AnyFigure(LinSepSWNAssumptionsFigure())
