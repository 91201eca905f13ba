import Foundation

/// `<id>.seeds.json`: one figure's claims judged over several seeds. A claim that holds for one
/// seed is an anecdote; this file says for how many of the seeds tried it held, and what was
/// measured for each.
public struct SeedSweep: Codable, Sendable, Equatable {
    public struct Outcome: Codable, Sendable, Equatable {
        public let seed: UInt64
        public let passed: Bool
        public let measured: String
    }

    public struct ClaimRecord: Codable, Sendable, Equatable {
        public let id: String
        public let statement: String
        /// Seeds for which the claim was evaluated (a claim can apply to some runs only).
        public let tried: Int
        public let passed: Int
        public let per_seed: [Outcome]

        /// "4/5".
        public var rate: String { "\(passed)/\(tried)" }
    }

    public let id: String
    public let scale: Scale
    public let seeds: [UInt64]
    /// The parameters every seed ran with (the figure's preset with `--set` applied).
    public let params: JSONValue
    public let git_commit: String
    public let claims: [ClaimRecord]

    /// Groups per-seed claims by claim id, in the order the claims first appear.
    public init(id: String, scale: Scale, params: JSONValue, gitCommit: String, runs: [(seed: UInt64, claims: [Claim])]) {
        self.id = id
        self.scale = scale
        self.seeds = runs.map(\.seed)
        self.params = params
        self.git_commit = gitCommit
        var order: [String] = []
        var statements: [String: String] = [:]
        var outcomes: [String: [Outcome]] = [:]
        for run in runs {
            for claim in run.claims {
                if outcomes[claim.id] == nil {
                    order.append(claim.id)
                    statements[claim.id] = claim.statement
                }
                outcomes[claim.id, default: []].append(Outcome(seed: run.seed, passed: claim.passed, measured: claim.measured))
            }
        }
        claims = order.map { id in
            let list = outcomes[id] ?? []
            return ClaimRecord(id: id, statement: statements[id] ?? "", tried: list.count, passed: list.filter(\.passed).count, per_seed: list)
        }
    }

    /// The table `wnfig sweep` prints.
    public var table: String {
        let width = max(24, (claims.map(\.id.count).max() ?? 0) + 2)
        var lines = ["\(id) at \(scale.rawValue) scale, seeds \(SeedRange.describe(seeds))"]
        lines.append("claim".padding(toLength: width, withPad: " ", startingAt: 0) + "passed  failing seeds")
        for claim in claims {
            let failing = claim.per_seed.filter { !$0.passed }.map { String($0.seed) }
            lines.append(
                claim.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    + claim.rate.padding(toLength: 8, withPad: " ", startingAt: 0)
                    + (failing.isEmpty ? "-" : failing.joined(separator: ",")))
        }
        return lines.joined(separator: "\n")
    }

    public static func url(for id: String, in folder: URL) -> URL {
        folder.appendingPathComponent("\(id).seeds.json")
    }

    /// The sweep file of `id` in `folder`, nil when there is none; a corrupt one is an error.
    public static func load(id: String, in folder: URL) throws -> SeedSweep? {
        let url = url(for: id, in: folder)
        guard let bytes = try? Data(contentsOf: url) else { return nil }
        do {
            return try FigureCoding.decoder().decode(SeedSweep.self, from: bytes)
        } catch {
            throw FigureKitError(.input, "\(url.path) is corrupt (\(describe(error))); re-run 'wnfig sweep \(id)'")
        }
    }
}

/// Seed lists on the command line: "0-9", "3", "0,2,5-7".
public enum SeedRange {
    public static func parse(_ text: String) throws -> [UInt64] {
        let bad = FigureKitError(.usage, "--seeds '\(text)' is not a seed list; write e.g. 0-9, 3 or 0,2,5-7")
        var seeds: [UInt64] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard (1...2).contains(bounds.count), let low = UInt64(bounds[0].trimmingCharacters(in: .whitespaces)) else { throw bad }
            let high = bounds.count == 2 ? UInt64(bounds[1].trimmingCharacters(in: .whitespaces)) : low
            guard let high, high >= low, high - low < 100_000 else { throw bad }
            seeds += Array(low...high)
        }
        guard !seeds.isEmpty, Set(seeds).count == seeds.count else { throw bad }
        return seeds
    }

    /// "0-4" for a run of consecutive seeds, else the list.
    public static func describe(_ seeds: [UInt64]) -> String {
        guard let first = seeds.first, let last = seeds.last else { return "none" }
        if seeds.count > 2, seeds == Array(first...last) { return "\(first)-\(last)" }
        return seeds.map(String.init).joined(separator: ",")
    }
}

/// Runs `request`'s figure once per seed (each through the cache) and judges its claims. With
/// `cachedOnly` nothing runs: it is the collect step of a sweep whose tasks filled the cache, and
/// a missing result is an error naming the seed.
public func sweepSeeds(
    _ request: FigureRequest, seeds: [UInt64], workspace: Workspace, cache: ResultCache?,
    cachedOnly: Bool = false, log: (String) -> Void = { _ in }
) throws -> SeedSweep {
    let figure = request.figure
    let commit = Versions.gitCommit(in: workspace.root)
    let params = try figure.parameters(request.scale, overrides: request.overrides)
    var runs: [(seed: UInt64, claims: [Claim])] = []
    let start = DispatchTime.now().uptimeNanoseconds
    for (index, seed) in seeds.enumerated() {
        var seeded = request
        seeded.seed = seed
        if cachedOnly, let cache, !cache.isComplete(cache.key(id: figure.id, params: params, seed: seed)) {
            throw FigureKitError(
                .input,
                "\(figure.id) seed \(seed) has no complete result in \(cache.folder.path) (its task failed, was cancelled or has not run); read its log, then submit the same sweep again to run only the missing keys")
        }
        let result = try obtainResult(seeded, cache: cache, progressLabel: "\(figure.id) seed \(seed)")
        let claims = try figure.claimsJSON(result.data, result.params, request.scale)
        runs.append((seed, claims))
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let eta = elapsed / Double(index + 1) * Double(seeds.count - index - 1)
        let passed = claims.filter(\.passed).count
        log(String(
            format: "%@: seed %llu (%d/%d) %@, claims %d/%d pass; %.0f s elapsed, ETA %.0f s",
            figure.id, seed, index + 1, seeds.count, result.fromCache ? "from cache" : String(format: "ran in %.1f s", result.entry.run_s),
            passed, claims.count, elapsed, eta))
    }
    return SeedSweep(id: figure.id, scale: request.scale, params: try JSONValue.parse(params), gitCommit: commit, runs: runs)
}
