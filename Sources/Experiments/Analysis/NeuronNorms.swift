// How the weight of a layer is spread over its neurons: the sparsity measures Morwani & Ramaswamy's
// claims are stated in (a few neurons grow, the rest stay small).

/// Participation ratio (Σ N_j²)² / Σ N_j⁴: the effective number of neurons carrying the weight
/// (k for k equal norms and zeros elsewhere).
public func participationRatio(_ norms: [Double]) -> Double {
    let squares = norms.map { $0 * $0 }
    let total = squares.reduce(0, +)
    let fourth = squares.reduce(0) { $0 + $1 * $1 }
    return total * total / fourth
}

/// Share of Σ N_j² held by the `count` largest norms.
public func topShare(_ norms: [Double], count: Int) -> Double {
    let squares = norms.map { $0 * $0 }.sorted(by: >)
    return squares.prefix(count).reduce(0, +) / squares.reduce(0, +)
}

/// Share of Σ_u ‖w_u‖² held by the ⌈fraction·H⌉ largest norms.
public func topShare(_ norms: [Double], fraction: Double) -> Double {
    topShare(norms, count: max(1, Int((fraction * Double(norms.count)).rounded(.up))))
}

/// Indices of the `count` largest norms, largest first (ties by lower index).
public func largestNeurons(_ norms: [Double], count: Int) -> [Int] {
    Array(norms.indices.sorted { norms[$0] != norms[$1] ? norms[$0] > norms[$1] : $0 < $1 }.prefix(count))
}

/// Number of neurons with N_j ≥ fraction · max_j N_j.
public func countAbove(_ norms: [Double], fractionOfMax fraction: Double) -> Int {
    let top = norms.max() ?? 0
    return norms.filter { $0 >= fraction * top }.count
}
