import Datasets
import Foundation
import XCTest

final class DataDirectoryTests: XCTestCase {
    func testExplicitFolderComesFirst() {
        let url = DataDirectory.mnist(explicit: "/a/b", environment: ["WNFIGURES_DATA_DIR": "/c"], currentDirectory: "/")
        XCTAssertEqual(url.path, "/a/b")
    }

    func testEnvironmentVariableComesSecond() {
        let url = DataDirectory.mnist(explicit: nil, environment: ["WNFIGURES_DATA_DIR": "/c/d"], currentDirectory: "/")
        XCTAssertEqual(url.path, "/c/d")
        let empty = DataDirectory.mnist(explicit: "", environment: ["WNFIGURES_DATA_DIR": ""], currentDirectory: "/x")
        XCTAssertEqual(empty.path, "/x/data/mnist")
    }

    func testRepositoryDataFolderIsFoundFromASubfolder() throws {
        let folder = try IDXFolder()
        defer { folder.remove() }
        try folder.write([], as: "Package.swift")
        let deep = folder.url.appendingPathComponent("Sources/Deep", isDirectory: true)
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)

        let url = DataDirectory.mnist(explicit: nil, environment: [:], currentDirectory: deep.path)
        XCTAssertEqual(url.standardizedFileURL.path,
                       folder.url.appendingPathComponent("data/mnist").standardizedFileURL.path)
    }
}

final class DataFolderSearchTests: XCTestCase {
    func testGivenFolderAndItsSubfolderComeBeforeTheRepositoryCopy() {
        let folders = DataDirectory.folders(for: "a9a", explicit: "/mine", environment: ["WNFIGURES_DATA_DIR": "/env"], currentDirectory: "/x")
        XCTAssertEqual(folders.map(\.path), ["/mine", "/mine/a9a", "/x/data/a9a"])
        let fromEnvironment = DataDirectory.folders(for: "a9a", environment: ["WNFIGURES_DATA_DIR": "/env"], currentDirectory: "/x")
        XCTAssertEqual(fromEnvironment.map(\.path), ["/env", "/env/a9a", "/x/data/a9a"])
        XCTAssertEqual(DataDirectory.folders(for: "a9a", explicit: "", environment: [:], currentDirectory: "/x").map(\.path), ["/x/data/a9a"])
    }
}
