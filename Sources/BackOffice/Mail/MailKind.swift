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
}
