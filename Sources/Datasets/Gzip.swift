import CZlib
import Foundation

/// gzip through zlib: the official `.gz` downloads are read as they are, and long runs write their
/// checkpoints compressed.
public enum Gzip {
    /// True when `bytes` start with the gzip magic 1f 8b.
    public static func isCompressed<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1f && iterator.next() == 0x8b
    }

    /// The decompressed content of a gzip stream (concatenated members are read in turn).
    /// Throws a one-line `DatasetError(.corrupt)` naming `file` when the stream is damaged or truncated.
    public static func decompress(_ input: [UInt8], file: String) throws -> [UInt8] {
        var stream = z_stream()
        // 16 + MAX_WBITS: expect a gzip header and trailer (checks the CRC-32 and length).
        guard inflateInit2_(&stream, 16 + MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError(.corrupt, file: file, "\(file): zlib could not start decompressing; \(dataFix)")
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        output.reserveCapacity(max(input.count * 4, 1 << 16))
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var status: Int32 = Z_OK
        try input.withUnsafeBufferPointer { source in
            stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.avail_in = uInt(source.count)
            while true {
                let produced: Int = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    // Another gzip member may follow (`cat a.gz b.gz` is valid gzip).
                    if stream.avail_in == 0 { break }
                    guard inflateReset(&stream) == Z_OK else { break }
                    continue
                }
                if status == Z_OK && (stream.avail_in > 0 || produced > 0) { continue }
                let reason = status == Z_OK || status == Z_BUF_ERROR
                    ? "the gzip stream ends early (truncated download?)"
                    : "the gzip stream is damaged (zlib status \(status))"
                throw DatasetError(.corrupt, file: file, "\(file): \(reason); \(dataFix)")
            }
        }
        return output
    }

    /// A single-member gzip stream of `input` (zlib's header: no name, no time stamp, so the same
    /// input always gives the same bytes).
    public static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(
            &stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)
        ) == Z_OK else { preconditionFailure("Gzip.compress: zlib could not start (out of memory)") }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let written: Int = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                // deflateBound is enough for one Z_FINISH call.
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "Gzip.compress: zlib status \(status)")
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<written])
    }
}
