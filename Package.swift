// swift-tools-version:6.0
import PackageDescription

// The one list of figure folders, Sources/Figures/<Paper>/<Fig> (target <Paper><Fig>) or
// Sources/Figures/<Name> for a figure of no paper, plus each paper's shared target
// Sources/Figures/<Paper>/Shared (<Paper>Shared) for what several of its figures use. Every figure
// depends on the plotting layer, the experiment core, the data sets, the figure kit and its
// paper's shared target — never on another figure. (A list, not a folder scan: SwiftPM caches the
// evaluated manifest by its text, so a scan would miss a new folder.)
let figureFolders = [
    "PlotGallery",
    "Wu2020/Fig1", "Wu2020/Fig2",
    "Dukler2020/Fig1", "Dukler2019ICLR/Fig2",
    "Morwani2021/Shared",
    "Morwani2021/Fig1", "Morwani2021/Fig2", "Morwani2021/Fig3", "Morwani2021/Fig8", "Morwani2021/Fig9",
    "Morwani2021/Fig4", "Morwani2021/Fig5", "Morwani2021/Fig10", "Morwani2021/Fig6",
    "Morwani2021/Fig7", "Morwani2021/Fig11",
    "Kohler2019/Fig1", "Kohler2019/Fig2", "Kohler2019/Fig3",
]

let coreDependencies: [Target.Dependency] = ["Plot", "Experiments", "Datasets", "FigureKit"]
func targetName(_ folder: String) -> String { folder.split(separator: "/").joined() }
let sharedTargets = Set(figureFolders.filter { $0.hasSuffix("/Shared") }.map(targetName))

/// (target name, path, dependencies beyond the core) for every figure and shared target.
let figureTargets: [(name: String, path: String, extra: [Target.Dependency])] = figureFolders.map { folder in
    let name = targetName(folder)
    let paper = folder.split(separator: "/").first.map(String.init) ?? folder
    let shared = paper + "Shared"
    let extra: [Target.Dependency] = name != shared && sharedTargets.contains(shared) ? [.target(name: shared)] : []
    return (name, "Sources/Figures/\(folder)", extra)
}

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
        // OpenBLAS is loaded at run time, after its kernel is fixed (see the header).
        .target(name: "COpenBLAS", path: "Sources/COpenBLAS", linkerSettings: [.linkedLibrary("dl")]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "Plot", dependencies: ["CCairo"], path: "Sources/Plot"),
        .target(
            name: "Experiments",
            dependencies: ["COpenBLAS", .product(name: "Numerics", package: "swift-numerics")],
            path: "Sources/Experiments"),
        .target(
            name: "Datasets",
            dependencies: ["CZlib", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/Datasets"),
        .target(
            name: "FigureKit",
            dependencies: ["Plot", "Experiments", "Datasets", .product(name: "Crypto", package: "swift-crypto")],
            path: "Sources/FigureKit"),
        .target(
            name: "FigureRegistry",
            dependencies: ["FigureKit"] + figureTargets.map { .target(name: $0.name) },
            path: "Sources/FigureRegistry"),
        .executableTarget(
            name: "wnfig",
            dependencies: [
                "FigureKit", "FigureRegistry", "Experiments", "Datasets",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/wnfig"),
        // wnbench runs the figures' own experiments (their data, starts and networks) against the peers.
        .executableTarget(
            name: "wnbench",
            dependencies: ["Experiments", "Datasets", "Morwani2021Shared", "Morwani2021Fig4", "Morwani2021Fig6", "Kohler2019Fig2"],
            path: "Sources/wnbench"),
        .testTarget(name: "PlotTests", dependencies: ["Plot"], path: "Tests/PlotTests"),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments"], path: "Tests/ExperimentsTests"),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets"], path: "Tests/DatasetsTests"),
        .testTarget(name: "FigureKitTests", dependencies: ["FigureKit", "Plot", "Datasets"], path: "Tests/FigureKitTests"),
        .testTarget(
            name: "FiguresTests",
            dependencies: ["FigureKit", "FigureRegistry", "Plot", "Experiments", "Datasets"]
                + figureTargets.map { .target(name: $0.name) },
            path: "Tests/FiguresTests"),
    ]
        + figureTargets.map {
            .target(name: $0.name, dependencies: coreDependencies + $0.extra, path: $0.path)
        },
    swiftLanguageModes: [.v5]
)

