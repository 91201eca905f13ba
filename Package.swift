// swift-tools-version:6.0
import PackageDescription

// One target per paper figure, grouped by paper under Sources/Figures/<Paper>/<Fig>; each depends on
// the plotting layer, the experiment core and the figure kit, plus what it names here.
let figureTargets: [(name: String, path: String, extra: [Target.Dependency])] = [
    ("PlotGallery", "Sources/Figures/PlotGallery", []),
    ("Wu2020Fig1", "Sources/Figures/Wu2020/Fig1", []),
    ("Wu2020Fig2", "Sources/Figures/Wu2020/Fig2", []),
    ("Dukler2020Fig1", "Sources/Figures/Dukler2020/Fig1", ["Datasets", "Dukler2019ICLRFig2"]),
    ("Dukler2019ICLRFig2", "Sources/Figures/Dukler2019ICLR/Fig2", ["Datasets"]),
    ("Morwani2021Fig1", "Sources/Figures/Morwani2021/Fig1", []),
    ("Morwani2021Fig4", "Sources/Figures/Morwani2021/Fig4", []),
    ("Morwani2021Fig5", "Sources/Figures/Morwani2021/Fig5", []),
    ("Morwani2021Fig10", "Sources/Figures/Morwani2021/Fig10", ["Morwani2021Fig5"]),
    ("Morwani2021Fig6", "Sources/Figures/Morwani2021/Fig6", []),
    ("Morwani2021Fig7", "Sources/Figures/Morwani2021/Fig7", ["Datasets"]),
    ("Morwani2021Fig11", "Sources/Figures/Morwani2021/Fig11", ["Morwani2021Fig7", "Datasets"]),
    ("Kohler2019Fig1", "Sources/Figures/Kohler2019/Fig1", []),
    ("Kohler2019Fig2", "Sources/Figures/Kohler2019/Fig2", ["Datasets"]),
    ("Kohler2019Fig3", "Sources/Figures/Kohler2019/Fig3", ["Datasets"]),
]

let figureDependencies: [Target.Dependency] = ["Plot", "Experiments", "FigureKit"]

let package = Package(
    name: "WNFigures",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "wnfig", targets: ["wnfig"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", exact: "1.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev", "libfreetype-dev"])]),
        .systemLibrary(
            name: "CBLAS", path: "Sources/CBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Plot", dependencies: ["CCairo"], path: "Sources/Plot"),
        .target(
            name: "Experiments",
            dependencies: ["CBLAS", .product(name: "Numerics", package: "swift-numerics")],
            path: "Sources/Experiments"),
        .target(
            name: "Datasets",
            dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Datasets"),
        .target(
            name: "FigureKit",
            dependencies: ["Plot", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/FigureKit"),
        .target(
            name: "FigureRegistry",
            dependencies: ["FigureKit"] + figureTargets.map { .target(name: $0.name) },
            path: "Sources/FigureRegistry"),
        .executableTarget(
            name: "wnfig",
            dependencies: [
                "FigureKit", "FigureRegistry", "Experiments",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/wnfig"),
        .executableTarget(name: "wnbench", dependencies: ["Experiments"], path: "Sources/wnbench"),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], path: "Tests/PlotTests"),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"], path: "Tests/ExperimentsTests"),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"], path: "Tests/DatasetsTests"),
        .testTarget(name: "FigureKitTests", dependencies: ["FigureKit", "Plot"], path: "Tests/FigureKitTests"),
        .testTarget(
            name: "FiguresTests",
            dependencies: ["FigureKit", "FigureRegistry", "Plot", "Experiments", "Datasets"]
                + figureTargets.map { .target(name: $0.name) },
            path: "Tests/FiguresTests"),
    ]
        + figureTargets.map {
            .target(name: $0.name, dependencies: figureDependencies + $0.extra, path: $0.path)
        },
    swiftLanguageModes: [.v5]
)

