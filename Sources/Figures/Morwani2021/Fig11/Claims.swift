import Experiments
import FigureKit
import Morwani2021Shared

/// The Fig. 11 claims (FIGURES.md morwani2021-fig11).
public func neuronNormClaims(_ data: MNISTPruningExperiment, params: MNISTPruningParameters, scale: Scale) -> [Claim] {
    var claims: [Claim] = []
    let recorded = data.runs.flatMap { run in
        (run.history?.norms.joined().map(Double.init) ?? []) + run.snapshots.flatMap(\.norms)
    }
    let bad = recorded.filter { !$0.isFinite || $0 < 0 }.count
    claims.append(Claim(
        id: "mnist-norms-finite",
        statement: "every recorded first-layer norm ‖w_u(t)‖ of EWN, SWN and Unnorm is finite and ≥ 0",
        passed: bad == 0 && !recorded.isEmpty && data.runs.allSatisfy { $0.history != nil },
        measured: "\(bad) of \(recorded.count) recorded norms non-finite or negative"))
    guard scale != .smoke else { return claims }

    let low = params.lowLogLoss
    let shares = data.runs.map { run -> (String, Double) in
        guard let snapshot = run.snapshot(low), snapshot.reached else { return (run.name, .nan) }
        return (run.name, topShare(snapshot.norms, fraction: params.topFraction))
    }
    let ewn = shares.first { $0.0 == "EWN" }?.1 ?? .nan
    let others = shares.filter { $0.0 != "EWN" }.map(\.1)
    let lead = ewn - (others.max() ?? .nan)
    let topCount = max(1, Int((params.topFraction * Double(data.hiddenUnits)).rounded(.up)))
    claims.append(Claim(
        id: "mnist-ewn-norm-concentration",
        statement: "at L = e^\(formatNumber(low)) the \(topCount) largest first-layer neurons (top \(formatNumber(100 * params.topFraction))%) hold a share of Σ_u ‖w_u‖² larger for EWN than for SWN and for Unnorm by ≥ \(formatNumber(concentrationLead))",
        passed: lead >= concentrationLead && others.count == 2,
        measured: shares.map { "\($0.0) \($0.1.isNaN ? "level not reached" : formatNumber($0.1))" }.joined(separator: ", ")
            + (lead.isNaN ? "" : " (EWN lead \(formatNumber(lead)))")))
    return claims
}

/// The lead the concentration claim asks of EWN. FIGURES.md proposed 0.1 pending a calibration on
/// MNIST; measured at default scale (H = 100, N = 500, e^-100) the lead is 0.33–0.44 over seeds 0–4
/// (EWN 0.53–0.67 against SWN 0.16–0.19 and Unnorm 0.19–0.23), so the claim asks for 0.25.
public let concentrationLead = 0.25
