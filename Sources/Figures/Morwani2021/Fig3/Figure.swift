import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 3 (§4.2): Proposition 2 and Theorem 2 (i) — ‖w_u‖·‖∇_{w_u}L‖ is common
/// to the growing neurons — on Fig. 2's EWN run, read from the cache, never trained again.
public let definition = LinSepFigure(
    id: "morwani2021-fig3", citation: Citation(paper: .morwani2021, figure: "Fig. 3"),
    parameterization: .exponential, panels: .theorem2, sharesRunWith: "Fig. 2")

public let figure = AnyFigure(definition)
