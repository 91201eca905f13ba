import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 9 (App. M): Proposition 2 and Theorem 2 (ii) — ‖∇_{w_u}L‖/‖w_u‖ is
/// common to the growing neurons — on Fig. 8's SWN run, read from the cache, never trained again.
public let definition = LinSepFigure(
    id: "morwani2021-fig9", citation: Citation(paper: .morwani2021, figure: "Fig. 9 (App. M)"),
    parameterization: .standard, panels: .theorem2, sharesRunWith: "Fig. 8")

public let figure = AnyFigure(definition)
