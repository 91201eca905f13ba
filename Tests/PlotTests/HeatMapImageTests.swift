import Plot
import XCTest

final class HeatMapImageTests: XCTestCase {
    private func drawn(_ heatMap: HeatMap, y: Axis = .linear()) throws -> (RecordingCanvas, PanelLayout) {
        let chart = Chart(width: 300, height: 200, panel: Panel(y: y, plotters: [heatMap], legend: .none))
        let canvas = RecordingCanvas()
        try draw(chart, on: canvas)
        return (canvas, try ChartLayout(chart: chart, canvas: RecordingCanvas()).panels[0])
    }

    private func pixel(_ image: RasterImage, _ col: Int, _ row: Int) -> [UInt8] {
        Array(image.rgba[(4 * (row * image.width + col))..<(4 * (row * image.width + col) + 4)])
    }

    func testAnEvenGridIsOneImageWithOnePixelPerCellCoveringTheDataArea() throws {
        let grid = Grid(xs: [0, 1, 2], ys: [0, 1], values: [0, 1, 2, 3, 4, 5])
        let heat = HeatMap(grid: grid, colormap: .grays, showsColorBar: false)
        let (canvas, layout) = try drawn(heat)
        XCTAssertTrue(canvas.fills.allSatisfy { $0.color == .white }, "no cell is drawn as a rectangle")
        let (image, rect) = try XCTUnwrap(canvas.images.first)
        XCTAssertEqual(canvas.images.count, 1)
        XCTAssertEqual([image.width, image.height], [3, 2])
        XCTAssertEqual(rect.minX, layout.dataArea.minX, accuracy: 1e-9)
        XCTAssertEqual(rect.maxY, layout.dataArea.maxY, accuracy: 1e-9)
        XCTAssertEqual(rect.width, layout.dataArea.width, accuracy: 1e-9)
        // Rows run top to bottom on the canvas: the top row holds y = 1, the larger values.
        XCTAssertEqual(pixel(image, 0, 1), Colormap.grays.color(at: 0).rgba8)
        XCTAssertEqual(pixel(image, 2, 0), Colormap.grays.color(at: 1).rgba8)
        XCTAssertEqual(pixel(image, 1, 0), Colormap.grays.color(at: 0.8).rgba8)
    }

    func testMissingCellsAreTransparent() throws {
        let grid = Grid(xs: [0, 1], ys: [0, 1], values: [.nan, 1, 2, 3])
        let (canvas, _) = try drawn(HeatMap(grid: grid, showsColorBar: false))
        let image = try XCTUnwrap(canvas.images.first).image
        XCTAssertEqual(pixel(image, 0, 1), [0, 0, 0, 0])
        XCTAssertEqual(pixel(image, 1, 1)[3], 255)
    }

    func testUnevenCellsAreResampledSoEachPixelShowsTheCellUnderIt() throws {
        // On a log y axis the cell edges (data midpoints) are uneven on the canvas.
        let grid = Grid(xs: [0, 1], ys: [10, 20, 40], values: [0, 0, 1, 1, 2, 2])
        let heat = HeatMap(grid: grid, colormap: .grays, showsColorBar: false)
        let (canvas, layout) = try drawn(heat, y: .log())
        let (image, rect) = try XCTUnwrap(canvas.images.first)
        XCTAssertEqual(image.width, 2, "the even direction keeps one pixel per cell")
        XCTAssertGreaterThan(image.height, 3)
        let boundary = try layout.y.position(of: 30)  // the edge between the y = 20 and y = 40 cells
        let row = Int(((boundary - rect.minY) / rect.height * Double(image.height)).rounded(.down))
        XCTAssertEqual(pixel(image, 0, row - 1), Colormap.grays.color(at: 1).rgba8, "just above the edge: the top cell")
        XCTAssertEqual(pixel(image, 0, row + 1), Colormap.grays.color(at: 0.5).rgba8, "just below: the middle cell")
    }

    func testTheColourBarIsOneImageFromTheTopOfTheScaleDown() throws {
        let grid = Grid(xs: [0, 1], ys: [0, 1], values: [0, 1, 2, 3])
        let (canvas, layout) = try drawn(HeatMap(grid: grid, colormap: .grays))
        let (bar, rect) = try XCTUnwrap(canvas.images.last)
        XCTAssertEqual(canvas.images.count, 2)
        let frame = try XCTUnwrap(layout.colorBarFrame)
        for (a, b) in [(rect.minX, frame.minX), (rect.minY, frame.minY), (rect.maxX, frame.maxX), (rect.maxY, frame.maxY)] {
            XCTAssertEqual(a, b, accuracy: 1e-9)
        }
        XCTAssertEqual(bar.width, 1)
        XCTAssertGreaterThan(pixel(bar, 0, bar.height - 1)[0], 250, "the bottom is the low (white) end of grays")
        XCTAssertLessThan(pixel(bar, 0, 0)[0], 5)
    }

    func testSVGImagesAreNumberedPerDocumentAndMarkedPixelated() throws {
        let grid = Grid(xs: [0, 1], ys: [0, 1], values: [0, 1, 2, 3])
        let chart = Chart(width: 120, height: 100, panel: Panel(plotters: [HeatMap(grid: grid)]))
        _ = try render(chart, as: .svg)
        let svg = String(decoding: try render(chart, as: .svg), as: UTF8.self)
        XCTAssertTrue(svg.contains("id=\"image1\""), "image ids restart in every document")
        XCTAssertTrue(svg.contains("xlink:href=\"#image1\""))
        XCTAssertEqual(svg.components(separatedBy: "<image ").count - 1, 2, "heat map and colour bar")
        XCTAssertEqual(svg.components(separatedBy: "<image style=\"image-rendering:pixelated\" image-rendering=\"optimizeSpeed\" ").count - 1, 2)
    }

    func testCellsStayCrispInThePNG() throws {
        // Two cells, black and white: nearest-neighbour sampling leaves no grey between them.
        let grid = Grid(xs: [0, 1], ys: [0, 1], values: [0, 1, 0, 1])
        let panel = Panel(x: .linear(range: -0.5...1.5), y: .linear(range: -0.5...1.5),
                          plotters: [HeatMap(grid: grid, colormap: .grays, showsColorBar: false)], legend: .none, showsAxes: false)
        let image = try RasterImage.decodePNG(render(Chart(width: 100, height: 100, panel: panel), as: .png))
        let row = image.height / 2
        let greys = (0..<image.width).map { image.rgba[4 * (row * image.width + $0)] }
        let inside = greys.filter { $0 != 0 && $0 != 255 }
        XCTAssertLessThanOrEqual(inside.count, 2, "only the image's outer edges may be antialiased: \(greys)")
    }
}
