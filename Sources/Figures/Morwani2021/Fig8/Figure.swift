import FigureKit
import Morwani2021Shared

/// Morwani & Ramaswamy, Fig. 8 (App. M): Lin-Sep trained under SWN, eq. (1)–(2), to L = e^-300,
/// verifying assumptions (A1)–(A4), compared with Fig. 2's EWN run from the same start. Fig. 9
/// draws the same run.
public let definition = LinSepFigure(
    id: "morwani2021-fig8", citation: Citation(paper: .morwani2021, figure: "Fig. 8 (App. M)"),
    parameterization: .standard, panels: .assumptions, sharesRunWith: "Fig. 9")

public let figure = AnyFigure(definition)
