import Foundation

/// The deployment (käyttöönotto) of one Omaolo service in one organisation.
public struct Deployment: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let organisationID: UUID
    public let serviceCode: String
    public let status: DeploymentStatus
    public let plannedStart: LocalDate?
    /// The day it first went live; kept through pauses.
    public let liveSince: LocalDate?
    public let retiredOn: LocalDate?
    /// The member responsible, e.g. the Omaolo contact.
    public let ownerEmail: String?
    /// Grows by one with every change; a change against an older version is refused.
    public let version: Int
    public let createdAt: Date
    public let updatedAt: Date
    /// Why a county admin moved it past the readiness gate; cleared by the next status change.
    public let overrideReason: String?
    /// Its training readiness now; nil once retired.
    public let readiness: DeploymentReadiness?

    public init(
        id: UUID, organisationID: UUID, serviceCode: String, status: DeploymentStatus, plannedStart: LocalDate?, liveSince: LocalDate?,
        retiredOn: LocalDate?, ownerEmail: String?, version: Int, createdAt: Date, updatedAt: Date, overrideReason: String? = nil,
        readiness: DeploymentReadiness? = nil
    ) {
        self.id = id
        self.organisationID = organisationID
        self.serviceCode = serviceCode
        self.status = status
        self.plannedStart = plannedStart
        self.liveSince = liveSince
        self.retiredOn = retiredOn
        self.ownerEmail = ownerEmail
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.overrideReason = overrideReason
        self.readiness = readiness
    }

    /// Live on an override and still below the threshold.
    public var liveOnOverride: Bool {
        status == .live && overrideReason != nil && readiness?.meetsThreshold != true
    }

    /// The status as people read it: `live (override)` while `liveOnOverride`.
    public var statusLabel: String {
        liveOnOverride ? "live (override)" : status.rawValue
    }

    /// Live and below its service's readiness threshold (completions expired, people joined).
    public var atRisk: Bool {
        status == .live && readiness.map { !$0.meetsThreshold } == true
    }
}

/// A deployment at risk, with its organisation's code for lists that span organisations.
public struct DeploymentAtRisk: Sendable, Equatable {
    public let organisationCode: String
    public let deployment: Deployment

    public init(organisationCode: String, deployment: Deployment) {
        self.organisationCode = organisationCode
        self.deployment = deployment
    }
}

/// One entry of a deployment's history: its creation or a status change.
public struct DeploymentEvent: Sendable, Equatable {
    public let at: Date
    /// Nil for changes made by the system.
    public let actorEmail: String?
    /// Nil when the deployment was created.
    public let from: DeploymentStatus?
    public let to: DeploymentStatus
    public let note: String?
    public let interface: Interface
    /// Why a county admin let this move past the readiness gate.
    public let overrideReason: String?

    public init(
        at: Date, actorEmail: String?, from: DeploymentStatus?, to: DeploymentStatus, note: String?, interface: Interface,
        overrideReason: String? = nil
    ) {
        self.at = at
        self.actorEmail = actorEmail
        self.from = from
        self.to = to
        self.note = note
        self.interface = interface
        self.overrideReason = overrideReason
    }
}
