import Datasets
import FigureKit
import Plot

/// Dukler, Gu & Montúfar (ICML 2020), Fig. 1 / eq. (2.3): WN gradient descent grows ‖v_k‖, the flow does not.
public struct NormGrowthFigure: Figure {
    public init() {}
    public var id: String { "dukler2020-fig1" }
    public var citation: Citation { Citation(paper: .dukler2020, figure: "Fig. 1, eq. (2.3)") }

    public func run(_ params: NormGrowthParameters, context: RunContext) throws -> NormGrowthData {
        try runNormGrowth(params, context: context)
    }

    public func render(_ data: NormGrowthData, params: NormGrowthParameters) throws -> Chart {
        renderNormGrowth(data, params: params)
    }

    public func claims(_ data: NormGrowthData, params: NormGrowthParameters, scale: Scale) -> [Claim] {
        normGrowthClaims(data, params: params, scale: scale)
    }

    public func caption(_ data: NormGrowthData, params: NormGrowthParameters) -> String {
        normGrowthCaption(data, params: params)
    }

    public func gemmFlops(_ data: NormGrowthData) -> Double? { data.gemmFlops }

    public func inputDigests(_ params: NormGrowthParameters) throws -> [String: String] {
        do {
            return try MNIST.digests(.train)
        } catch let error as DatasetError {
            throw FigureKitError(.input, error.message)
        }
    }
}

public let figure = AnyFigure(NormGrowthFigure())
