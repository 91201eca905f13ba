import FigureKit
import FigureRegistry
import Foundation
import Plot
import XCTest

/// Every registered figure at smoke scale: its claims hold and its image and data match
/// golden/smoke. This is the golden test `make test` runs.
final class SmokeGoldenTests: XCTestCase {
    private var workspace: Workspace {
        Workspace(root: Workspace.findRoot(from: URL(fileURLWithPath: #filePath))!)
    }

    func testEveryFigureMatchesItsSmokeGoldenAndItsClaimsHold() throws {
        let workspace = self.workspace
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("wnfig-smoke-\(getpid())")
        defer { try? FileManager.default.removeItem(at: output) }
        for figure in registeredFigures {
            let request = FigureRequest(figure: figure, scale: .smoke, formats: [.png, .pdf, .svg], useCache: false)
            let outcome = try produceFigure(request, into: output, workspace: workspace, cache: nil)
            XCTAssertFalse(outcome.manifest.claims.isEmpty, "\(figure.id) checks no claim at smoke scale")
            for claim in outcome.failedClaims {
                XCTFail("\(figure.id): claim \(claim.id) failed at smoke scale: \(claim.statement) — measured \(claim.measured)")
            }
            let result = GoldenComparison.compare(figure, in: output, scale: .smoke, workspace: workspace)
            XCTAssertTrue(result.passed, "\(figure.id) smoke golden: \(result.summary)")
            for format in ["png", "pdf", "svg", "json", "manifest.json"] {
                XCTAssertTrue(
                    FileManager.default.fileExists(atPath: output.appendingPathComponent("\(figure.id).\(format)").path),
                    "\(figure.id).\(format) was not written")
            }
        }
    }

    func testGoldensOnDiskAreExactlyTheRegisteredFigures() throws {
        let registered = Set(registeredFigures.map(\.id))
        XCTAssertEqual(registered.count, registeredFigures.count, "two registered figures share an id")
        for scale in [Scale.default, .smoke] {
            let folder = workspace.goldenFolder(for: scale)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for suffix in [".png", ".json"] {
                let ids = Set(names.filter { $0.hasSuffix(suffix) }.map { String($0.dropLast(suffix.count)) })
                XCTAssertEqual(ids, registered, "golden \(scale.rawValue) \(suffix) files differ from the registered figures")
            }
        }
    }

    /// The committed claims are judged over seeds, not one: every figure's default-scale sweep is
    /// committed, over at least five seeds, for the parameters the committed figure was made with.
    func testEveryCommittedFigureHasASeedSweepOfAtLeastFiveSeedsAtItsParameters() throws {
        let folder = workspace.figures
        for figure in registeredFigures {
            guard let sweep = try SeedSweep.load(id: figure.id, in: folder) else {
                XCTFail("\(figure.id) has no figures/\(figure.id).seeds.json; run 'wnfig sweep \(figure.id) --seeds 0-4'")
                continue
            }
            XCTAssertEqual(sweep.scale, .default, figure.id)
            XCTAssertGreaterThanOrEqual(sweep.seeds.count, 5, figure.id)
            let manifest = try FigureCoding.decoder().decode(
                Manifest.self, from: Data(contentsOf: folder.appendingPathComponent("\(figure.id).manifest.json")))
            XCTAssertEqual(sweep.params, manifest.params, "\(figure.id): the sweep ran other parameters than the committed figure")
            XCTAssertEqual(
                Set(sweep.claims.map(\.id)), Set(manifest.claims.map(\.id)),
                "\(figure.id): the sweep judged other claims than the committed figure states")
        }
    }

    func testEveryFigureHasSmokeDefaultAndPaperParameters() throws {
        for figure in registeredFigures {
            for scale in Scale.allCases {
                XCTAssertNoThrow(try figure.parameters(scale), "\(figure.id) has no \(scale.rawValue) parameters")
            }
        }
    }
}
