import Foundation

/// The training mails in Finnish and English: a course given to the addressee, and a task
/// about to be overdue. Every mail of one task refers to the task's thread (`MailThread`).
public enum TrainingMailComposer {
    public static func compose(
        _ notice: TrainingNotice, about task: TrainingMailFacts, to addressee: MailAddressee, at moment: Date
    ) -> OutgoingMail {
        let domain = notice.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let (subject, body) = texts(notice.kind, task, addressee.language)
        let signature = MailComposer.signature(addressee.language, task.organisationName)
        let thread = MailThread.messageID(ofTrainingTask: task.taskID, domain: domain)
        return OutgoingMail(
            kind: notice.kind, from: notice.from, fromName: signature, to: addressee.address, subject: subject,
            body: body + "\n\n-- \n" + signature, messageID: "\(UUID().uuidString.lowercased())@\(domain)",
            inReplyTo: thread, references: [thread], language: addressee.language, automatic: true, date: moment)
    }

    /// The due date as the addressee reads it: `2.12.2026`, or `2026-12-02` in English.
    static func day(_ date: LocalDate, _ language: MailLanguage) -> String {
        language == .fi ? "\(date.day).\(date.month).\(date.year)" : date.description
    }

    private static func texts(_ kind: MailKind, _ task: TrainingMailFacts, _ language: MailLanguage) -> (String, String) {
        let due = day(task.dueDate, language)
        switch (kind, language) {
        case (.trainingDue, .fi):
            return ("Koulutus erääntyy \(due): \(task.courseTitle)",
                    "Hei,\n\nkoulutuksesi \"\(task.courseTitle)\" (\(task.organisationName)) pitää suorittaa viimeistään \(due). "
                        + "Merkitse se suoritetuksi back officen Oma koulutus -sivulla, kun olet käynyt sen.")
        case (.trainingDue, .en):
            return ("Training due on \(due): \(task.courseTitle)",
                    "Hello,\n\nyour training \"\(task.courseTitle)\" (\(task.organisationName)) is due on \(due). "
                        + "Mark it completed on the back office's My training page once you have taken it.")
        case (_, .fi):
            return ("Sinulle on annettu koulutus: \(task.courseTitle)",
                    "Hei,\n\nsinulle on annettu koulutus \"\(task.courseTitle)\" (\(task.organisationName)), "
                        + "joka pitää suorittaa viimeistään \(due). Näet sen back officen Oma koulutus -sivulla.")
        case (_, .en):
            return ("A training was assigned to you: \(task.courseTitle)",
                    "Hello,\n\nthe training \"\(task.courseTitle)\" (\(task.organisationName)) was assigned to you, "
                        + "due on \(due). You find it on the back office's My training page.")
        }
    }
}
