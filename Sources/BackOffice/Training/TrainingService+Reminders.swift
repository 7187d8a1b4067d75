import Foundation

/// The "about to be overdue" mails: the system's job, run by `backoffice serve` before each
/// delivery of the outbox and by `backoffice mail remind` (for cron).
extension TrainingService {
    /// A task gets its reminder this many days before its due date.
    public static let reminderDaysBefore = 7

    /// Writes the reminder of every open task due within `reminderDaysBefore` days (today
    /// included) that has not had one, once per task; nothing when `training_due` is turned
    /// off. Returns how many were written.
    public func queueDueReminders() async throws -> Int {
        guard let notice = mail.trainingNotice(.trainingDue) else { return 0 }
        let today = today
        return try await store.queueDueReminders(dueBy: today.adding(days: Self.reminderDaysBefore), today: today, notice: notice)
    }
}
