/// Where the deployment of one Omaolo service in one organisation stands:
/// `planned → piloting → live ⇄ paused`, and any status but `retired` → `retired`.
public enum DeploymentStatus: String, Sendable, Codable, CaseIterable {
    case planned
    case piloting
    case live
    case paused
    /// Final: the organisation no longer uses the service.
    case retired

    /// The statuses a deployment in this status may move to.
    public var next: [DeploymentStatus] {
        switch self {
        case .planned: return [.piloting, .retired]
        case .piloting: return [.live, .retired]
        case .live: return [.paused, .retired]
        case .paused: return [.live, .retired]
        case .retired: return []
        }
    }

    /// Refuses a move that is not allowed with `.conflict`, naming the allowed ones.
    public func check(moveTo target: DeploymentStatus) throws(BackOfficeError) {
        guard !next.contains(target) else { return }
        let allowed = next.isEmpty ? "none: \(rawValue) is final" : next.map(\.rawValue).joined(separator: ", ")
        throw .conflict("a deployment cannot move from \(rawValue) to \(target.rawValue); allowed: \(allowed)")
    }
}
