import Datasets
import FigureKit
import Plot

/// Dukler, Gu & Montúfar (ICLR 2020 submission), App. F, Fig. 2: WN training dynamics on MNIST 4 vs 9.
public struct FourNineDynamicsFigure: Figure {
    public init() {}
    public var id: String { "dukler2019iclr-fig2" }
    public var citation: Citation { Citation(paper: .dukler2019, figure: "Fig. 2 (App. F)") }

    public func run(_ params: FourNineParameters, context: RunContext) throws -> FourNineData {
        try runFourNine(params, context: context)
    }

    public func render(_ data: FourNineData, params: FourNineParameters) throws -> Chart {
        renderFourNine(data, params: params)
    }

    public func claims(_ data: FourNineData, params: FourNineParameters, scale: Scale) -> [Claim] {
        fourNineClaims(data, params: params, scale: scale)
    }

    public func caption(_ data: FourNineData, params: FourNineParameters) -> String {
        fourNineCaption(data, params: params)
    }

    public func gemmFlops(_ data: FourNineData) -> Double? { data.gemmFlops }

    public func inputDigests(_ params: FourNineParameters) throws -> [String: String] {
        do {
            return try MNIST.digests(.train)
        } catch let error as DatasetError {
            throw FigureKitError(.input, error.message)
        }
    }
}

public let figure = AnyFigure(FourNineDynamicsFigure())
