
/// Every rejection is one line that names the file.
func checkMessage(_ error: DatasetError, file: String) {
    precondition(error.message.hasPrefix(file), "message does not start with the file name: \(error.message)")
    precondition(!error.message.contains("\n"), "message is not one line: \(error.message)")
}
