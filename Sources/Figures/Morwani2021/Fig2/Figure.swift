import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 2 (§4.1): Lin-Sep trained under EWN, eq. (3)–(4), to L = e^-300,
/// verifying assumptions (A1)–(A4). Fig. 3 draws the same run.
public let definition = LinSepFigure(
    id: "morwani2021-fig2", citation: Citation(paper: .morwani2021, figure: "Fig. 2"),
    parameterization: .exponential, panels: .assumptions, sharesRunWith: "Fig. 3")

public let figure = AnyFigure(definition)
