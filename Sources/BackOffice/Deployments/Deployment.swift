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

    public init(
        id: UUID, organisationID: UUID, serviceCode: String, status: DeploymentStatus, plannedStart: LocalDate?, liveSince: LocalDate?,
        retiredOn: LocalDate?, ownerEmail: String?, version: Int, createdAt: Date, updatedAt: Date
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

    public init(at: Date, actorEmail: String?, from: DeploymentStatus?, to: DeploymentStatus, note: String?, interface: Interface) {
        self.at = at
        self.actorEmail = actorEmail
        self.from = from
        self.to = to
        self.note = note
        self.interface = interface
    }
}
