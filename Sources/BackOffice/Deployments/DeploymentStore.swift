import Foundation

/// A new deployment's validated fields.
public struct DeploymentDraft: Sendable, Equatable {
    public let serviceCode: String
    public let plannedStart: LocalDate?
    /// A member of the organisation.
    public let ownerEmail: String
    public let note: String?
}

/// A status change decided by the domain, with the dates it sets.
public struct DeploymentChange: Sendable, Equatable {
    public let status: DeploymentStatus
    public let liveSince: LocalDate?
    public let retiredOn: LocalDate?
    public let note: String?
    /// Set when a county admin overrode the readiness gate; nil clears an earlier override.
    public let overrideReason: String?
}

/// Which services a change of readiness rules applies to: one, or every service of a family.
public enum ServiceSelection: Sendable, Equatable {
    case service(String)
    case family(OmaoloServiceFamily)
}

/// A county admin's change of the training a service needs; nil leaves a part as it is.
public struct ReadinessRules: Sendable, Equatable {
    public let services: ServiceSelection
    /// Replaces the list of required course codes; empty: none.
    public let requiredCourses: [String]?
    /// Percent, 0 to 100.
    public let threshold: Int?
}

/// What the deployment service needs from storage. Every change writes its history event
/// and its audit entry in the same transaction, with the acting person and interface.
public protocol DeploymentStore: Sendable {
    /// The county's Omaolo service catalogue.
    func services() async throws -> [OmaoloService]
    func deployments(in organisation: Organisation) async throws -> [Deployment]
    func deployment(of serviceCode: String, in organisation: Organisation) async throws -> Deployment?
    /// The deployment's history, oldest first; nil when there is no such deployment.
    func events(of serviceCode: String, in organisation: Organisation) async throws -> [DeploymentEvent]?

    /// Stores a planned deployment; an unknown service or an owner who is not a member of the
    /// organisation is an invalid field, a second deployment of the same service a conflict.
    /// With `idempotency` already used, the deployment made then (`created` false).
    func create(
        _ draft: DeploymentDraft, in organisation: Organisation, by actor: Principal, idempotency: IdempotencyKey?,
        audit: (Deployment) -> AuditEntry
    ) async throws -> (deployment: Deployment, created: Bool)

    /// Locks the deployment, asks `change` what to make of it, and stores the result with a
    /// version one higher.
    func changeStatus(
        of serviceCode: String, in organisation: Organisation, by actor: Principal,
        change: (Deployment) throws -> DeploymentChange, audit: (Deployment, Deployment) -> AuditEntry
    ) async throws -> Deployment

    /// Stores `rules` for the services they select and returns those services as changed; an
    /// unknown service, family member or course is an invalid field. Audits each service
    /// under the county.
    func setReadinessRules(
        _ rules: ReadinessRules, by actor: Principal, audit: (OmaoloService, OmaoloService) -> AuditEntry
    ) async throws -> [OmaoloService]

    /// The live deployments of `organisations` (nil: every organisation, in the county scope)
    /// with their readiness, by organisation code and service code.
    func liveDeployments(in organisations: [UUID]?) async throws -> [DeploymentAtRisk]
}
