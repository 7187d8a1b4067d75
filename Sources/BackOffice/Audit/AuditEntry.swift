import Foundation

/// One audited change: who did what to which object, from what to what, why, and through
/// which interface. The store writes it in the same transaction as the change.
public struct AuditEntry: Sendable, Equatable {
    public let actorID: UUID?
    /// Dotted lowercase, e.g. `role.grant`.
    public let action: String
    public let objectType: String
    public let objectID: String
    public let before: [String: String]?
    public let after: [String: String]?
    public let reason: String?
    public let interface: Interface

    public init(
        actorID: UUID?, action: String, objectType: String, objectID: String,
        before: [String: String]?, after: [String: String]?, reason: String?, interface: Interface
    ) {
        self.actorID = actorID
        self.action = action
        self.objectType = objectType
        self.objectID = objectID
        self.before = before
        self.after = after
        self.reason = reason
        self.interface = interface
    }
}
