import Foundation

/// A mail a training change asks for, written to the outbox in the change's own transaction
/// to the person of each task it makes (or reminds of): its kind and the desk address it
/// leaves from (`MAIL_FROM`; training is the county's, not one organisation's desk).
public struct TrainingNotice: Sendable, Equatable {
    public let kind: MailKind
    public let from: String

    public init(kind: MailKind, from: String) {
        precondition(kind.isTraining, "a training notice is of a training kind")
        self.kind = kind
        self.from = from
    }
}

extension MailSettings {
    /// The training mail of `kind`, or nil when that kind is turned off.
    public func trainingNotice(_ kind: MailKind) -> TrainingNotice? {
        disabledKinds.contains(kind) ? nil : TrainingNotice(kind: kind, from: from)
    }
}

/// What a training mail says of its task, as the store read it.
public struct TrainingMailFacts: Sendable, Equatable {
    public let taskID: UUID
    public let courseTitle: String
    public let dueDate: LocalDate
    public let organisationName: String

    public init(taskID: UUID, courseTitle: String, dueDate: LocalDate, organisationName: String) {
        self.taskID = taskID
        self.courseTitle = courseTitle
        self.dueDate = dueDate
        self.organisationName = organisationName
    }
}
