import Foundation

/// The training gate of a deployment (SPEC.md, Deployments and usage): a move to `piloting`
/// needs the owner and one Omaolo contact fully trained, a move to `live` readiness at or
/// above the service's threshold. A county admin may override either with a reason of at least
/// 20 characters; the override is recorded and the deployment shows as `live (override)`
/// until its readiness reaches the threshold.
public enum ReadinessGate {
    /// The shortest override reason accepted.
    public static let minimumReasonLength = 20

    /// What to do with a move: go ahead, or go ahead on an override (the reason to record).
    public enum Decision: Sendable, Equatable {
        case allowed
        case overridden(reason: String)
    }

    /// Decides a move of `service` in `organisation` to `target` given its `readiness`. Moves
    /// the gate does not guard, and guarded moves readiness allows, are `.allowed` (an override
    /// reason is then not needed and not recorded). Otherwise an override by a county admin
    /// with a valid reason is `.overridden`; without one the move is refused with `.conflict`
    /// naming the numbers; an override by anyone else is `.forbidden`, a short reason `.invalid`.
    public static func decide(
        moveTo target: DeploymentStatus, of service: String, in organisation: String, readiness: DeploymentReadiness,
        overrideReason: String?, by principal: Principal
    ) throws(BackOfficeError) -> Decision {
        guard let refusal = refusal(moveTo: target, of: service, in: organisation, readiness: readiness) else { return .allowed }
        guard let overrideReason else { throw .conflict(refusal) }
        guard principal.countyRoles.contains(.countyAdmin) else {
            throw .forbidden("only a county admin may override the readiness gate (\(refusal))")
        }
        let reason = overrideReason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard reason.count >= minimumReasonLength, reason.count <= 2000 else {
            throw .invalid("override_reason", "must be \(minimumReasonLength) to 2000 characters: why the service may go ahead untrained")
        }
        return .overridden(reason: reason)
    }

    /// Why readiness does not allow the move, or nil when it does (or the gate does not guard it).
    public static func refusal(
        moveTo target: DeploymentStatus, of service: String, in organisation: String, readiness: DeploymentReadiness
    ) -> String? {
        switch target {
        case .piloting where !readiness.readyToPilot:
            var missing: [String] = []
            if !readiness.ownerTrained { missing.append("the owner has not completed every required course") }
            if readiness.contactsTrained == 0 {
                missing.append(readiness.contacts == 0
                    ? "the organisation has no Omaolo contact" : "none of its \(readiness.contacts) Omaolo contacts is fully trained")
            }
            return "\(service) in \(organisation) cannot start piloting: \(missing.joined(separator: " and ")); "
                + "lacking: \(readiness.gapsText)"
        case .live where !readiness.meetsThreshold:
            return "\(service) in \(organisation) cannot go live: \(readiness.percentText) of its \(readiness.people) professionals "
                + "and Omaolo contacts (\(readiness.fullyTrained)) hold every required course, the threshold is "
                + "\(readiness.thresholdPercent) %; lacking: \(readiness.gapsText)"
        default:
            return nil
        }
    }
}
