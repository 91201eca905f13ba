/// The project's only source of randomness: xoshiro256** (Blackman & Vigna 2018), seeded by
/// SplitMix64 from a key derived from (seed, stream).
///
/// Streams make every run independent of the order or thread in which runs execute: the figure
/// seed plus a stream index (run r uses stream r) or a stream name ("data", "init", …) fixes the
/// whole sequence. Derivation of the 256-bit state, stated so it can be re-implemented:
///   key   = mix64(seed) ⊕ mix64(streamIndex &+ 0x9E3779B97F4A7C15)
///   state = the first four outputs of SplitMix64 started at `key`
/// where mix64 is SplitMix64's finaliser. A named stream uses streamIndex = FNV-1a-64(UTF-8 name).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// Box–Muller produces normals in pairs; the second one is kept for the next draw.
    var spareNormal: Double?

    public let seed: UInt64
    public let streamIndex: UInt64

    public init(seed: UInt64, streamIndex: UInt64 = 0) {
        self.seed = seed
        self.streamIndex = streamIndex
        var splitMix = SplitMix64(state: mix64(seed) ^ mix64(streamIndex &+ 0x9E37_79B9_7F4A_7C15))
        s0 = splitMix.next()
        s1 = splitMix.next()
        s2 = splitMix.next()
        s3 = splitMix.next()
        // SplitMix64 never yields four zero words in a row, so the xoshiro state is valid.
    }

    /// Starts from an explicit xoshiro256** state (not all zero), for checking the generator
    /// against the reference implementation's published outputs.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "SeededGenerator: the all-zero state is invalid")
        (s0, s1, s2, s3) = state
        seed = 0
        streamIndex = 0
    }

    public init(seed: UInt64, stream name: String) {
        self.init(seed: seed, streamIndex: fnv1a64(name))
    }

    /// A sibling stream of the same seed (e.g. `rng.stream(3)` for run 3).
    public func stream(_ index: UInt64) -> SeededGenerator {
        SeededGenerator(seed: seed, streamIndex: index)
    }

    public func stream(_ name: String) -> SeededGenerator {
        SeededGenerator(seed: seed, stream: name)
    }

    /// xoshiro256** step.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014), used only to expand a 64-bit key into xoshiro state.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return mix64(state)
    }
}

/// SplitMix64's output finaliser: a bijective 64-bit mixer.
func mix64(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// FNV-1a, 64-bit: a fixed, documented hash so stream names map to the same index everywhere
/// (Swift's `Hasher` is randomly seeded per process and must not be used here).
public func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}

@inline(__always)
func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}

/// The generator's position (xoshiro state, the kept Box–Muller spare, seed and stream), so a run
/// checkpointed mid-way continues with exactly the draws it would have made.
extension SeededGenerator: Codable, Equatable {
    private enum CodingKeys: String, CodingKey { case state, spareNormal, seed, streamIndex }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let words = try container.decode([UInt64].self, forKey: .state)
        guard words.count == 4, words != [0, 0, 0, 0] else {
            throw DecodingError.dataCorruptedError(
                forKey: .state, in: container, debugDescription: "SeededGenerator: need 4 state words, not all zero")
        }
        (s0, s1, s2, s3) = (words[0], words[1], words[2], words[3])
        spareNormal = try container.decodeIfPresent(Double.self, forKey: .spareNormal)
        seed = try container.decode(UInt64.self, forKey: .seed)
        streamIndex = try container.decode(UInt64.self, forKey: .streamIndex)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([s0, s1, s2, s3], forKey: .state)
        try container.encodeIfPresent(spareNormal, forKey: .spareNormal)
        try container.encode(seed, forKey: .seed)
        try container.encode(streamIndex, forKey: .streamIndex)
    }

    public static func == (a: SeededGenerator, b: SeededGenerator) -> Bool {
        (a.s0, a.s1, a.s2, a.s3) == (b.s0, b.s1, b.s2, b.s3) && a.spareNormal == b.spareNormal
            && a.seed == b.seed && a.streamIndex == b.streamIndex
    }
}
