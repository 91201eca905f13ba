import Experiments
import FigureKit
import Plot

/// Which of the paper's two Lin-Sep figure layouts.
public enum LinSepPanels: String, Sendable {
    /// Figs. 2 and 8: (a) data, (b) ‖w_u‖, (c) w_u/‖w‖, (d) ℓ/‖ℓ‖, (e) γ̄ — assumptions (A1)–(A4).
    case assumptions
    /// Figs. 3 and 9: (a) cos(−∇L, g̃), (b) cos(w_u, −∇_{w_u}L), (c)–(e) Theorem 2 — Prop. 2 and Thm. 2.
    case theorem2
}

/// One of Morwani's Lin-Sep figures: the run under `parameterization` (shared through the cache
/// with the figure named `sharesRunWith`) drawn with `panels`. Figs. 2/3 (EWN) and 8/9 (SWN)
/// differ only in these values.
public struct LinSepFigure: Figure {
    public let id: String
    public let citation: Citation
    /// EWN (eq. 3–4) or SWN (eq. 1–2).
    public let parameterization: WeightParameterization
    public let panels: LinSepPanels
    /// The figure that draws the same run, e.g. "Fig. 3" for Fig. 2.
    public let sharesRunWith: String

    public init(
        id: String, citation: Citation, parameterization: WeightParameterization, panels: LinSepPanels, sharesRunWith: String
    ) {
        self.id = id
        self.citation = citation
        self.parameterization = parameterization
        self.panels = panels
        self.sharesRunWith = sharesRunWith
    }

    /// The run (from the cache if the partner figure computed it); Fig. 8 also reads EWN's run from
    /// the same start, for its sparsity comparison.
    public func run(_ params: LinSepParameters, context: RunContext) throws -> LinSepData {
        let ewn = parameterization == .standard && panels == .assumptions
            ? try linSepRun(.exponential, params: params, context: context) : nil
        return LinSepData(run: try linSepRun(parameterization, params: params, context: context), ewnFinalNorms: ewn?.final.norms)
    }

    public func render(_ data: LinSepData, params: LinSepParameters) throws -> Chart {
        panels == .assumptions ? renderLinSepAssumptions(data, params: params) : renderLinSepTheorem2(data, params: params)
    }

    public func claims(_ data: LinSepData, params: LinSepParameters, scale: Scale) -> [Claim] {
        panels == .assumptions
            ? linSepAssumptionClaims(data, params: params, scale: scale) : linSepTheorem2Claims(data, params: params, scale: scale)
    }

    public func caption(_ data: LinSepData, params: LinSepParameters) -> String {
        (panels == .assumptions ? linSepAssumptionsCaption(data, params: params) : linSepTheorem2Caption(data, params: params))
            + " \(sharesRunWith) draws the same run."
    }
}
