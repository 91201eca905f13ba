import ArgumentParser
import Datasets
import FigureKit
import FigureRegistry
import Foundation

// Exit status: 0 ok, 1 a check failed, 2 usage or input error (one line on stderr), 130 interrupted.
do {
    var command = try WNFig.parseAsRoot()
    try command.run()
} catch let error as FigureKitError {
    FileHandle.standardError.write(Data("wnfig: error: \(error.message)\n".utf8))
    // 130: stopped by Ctrl-C (or the test hook) after writing a checkpoint, as shells report SIGINT.
    exit(error.kind == .check ? 1 : error.kind == .interrupted ? 130 : 2)
} catch let error as DatasetError {
    // The one place a data-set problem becomes the CLI's error line: the figures let it through.
    FileHandle.standardError.write(Data("wnfig: error: \(error.message)\n".utf8))
    exit(2)
} catch let code as ExitCode {
    exit(code.rawValue)
} catch {
    let code = WNFig.exitCode(for: error)
    let message = WNFig.fullMessage(for: error)
    if code == .success {
        print(message)
        exit(0)
    }
    let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
    FileHandle.standardError.write(Data("wnfig: \(firstLine) (see 'wnfig --help')\n".utf8))
    exit(2)
}
