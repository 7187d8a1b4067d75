import Foundation

/// Why a mail is sent; each kind can be turned off (`MAIL_NOTIFICATIONS_OFF`).
public enum MailKind: String, Sendable, CaseIterable, Codable, NamedCases {
    /// A public comment of the support side, to the reporter.
    case reply
    /// "Your ticket was received", with its reference, to the reporter.
    case received
    /// "Your ticket was resolved", to the reporter.
    case resolved
    /// A ticket given to an agent, to that agent.
    case assigned
    /// A training task given to a person (by an admin, a bulk assignment, a role grant or a
    /// renewal), to that person.
    case trainingAssigned = "training_assigned"
    /// A training task due within `TrainingService.reminderDaysBefore` days, to its person, once.
    case trainingDue = "training_due"

    /// Whether the mail is about a training task (else about a ticket).
    public var isTraining: Bool { self == .trainingAssigned || self == .trainingDue }
}
