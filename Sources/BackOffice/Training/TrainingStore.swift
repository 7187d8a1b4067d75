import Foundation

/// What the training service needs from storage. Every change happens in one transaction with
/// its audit entry, tasks in their organisation's tenant scope; reads see only what row-level
/// security lets them.
///
/// A task *covers* a person and a course on a day when it is open, waived, or completed with a
/// completion still valid that day: such people are skipped by bulk assignment, and by the
/// mandatory courses that granting a role assigns (`AccessStore.grant`).
///
/// Where a change takes a `TrainingNotice`, it writes that mail to the outbox for each task
/// it makes, to the task's person in their language, in the change's own transaction.
public protocol TrainingStore: Sendable {
    func courses(includeInactive: Bool) async throws -> [Course]
    func course(code: String) async throws -> Course?
    /// Adds a course to the catalogue (`course.id` is ignored), audited in the county's log.
    func createCourse(_ course: Course, by actor: UUID, audit: (Course) -> AuditEntry) async throws -> Course
    /// Locks the course, applies `change` and stores it, audited in the county's log.
    func changeCourse(
        code: String, by actor: UUID, _ change: (inout Course) throws -> Void, audit: (_ before: Course, _ after: Course) -> AuditEntry
    ) async throws -> Course

    /// Assigns `course` to `personID`, an active member of `organisation`; `.conflict` if an
    /// open task of the course is already theirs there. With `idempotency` already used, the
    /// task made then (`created` false).
    func assign(
        _ course: Course, to personID: UUID, in organisation: Organisation, due: LocalDate, by actor: UUID, idempotency: IdempotencyKey?,
        notice: TrainingNotice?, audit: (TrainingTask) -> AuditEntry
    ) async throws -> (task: TrainingTask, created: Bool)

    /// Assigns `course` to every active holder of `role` in `organisation` at `moment` whom no
    /// task covers on `today`; returns the new tasks, audited together when there are any.
    func assign(
        _ course: Course, toHoldersOf role: OrganisationRole, in organisation: Organisation, due: LocalDate, today: LocalDate,
        at moment: Date, by actor: UUID, notice: TrainingNotice?, audit: ([TrainingTask]) -> AuditEntry
    ) async throws -> [TrainingTask]

    func task(id: UUID, in organisation: Organisation) async throws -> TrainingTask?

    /// Locks the task, refuses a stale `expectedVersion`, applies `change` and stores the
    /// result with its version raised by one.
    func change(
        taskID: UUID, in organisation: Organisation, expectedVersion: Int?, by actor: UUID, _ change: (inout TrainingTask) throws -> Void,
        audit: (_ before: TrainingTask, _ after: TrainingTask) -> AuditEntry
    ) async throws -> TrainingTask

    /// The tasks that match `filter`, by due date.
    func tasks(matching filter: TrainingFilter) async throws -> [TrainingTask]

    /// Progress per course and role in `organisation` (nil: every organisation, in the county
    /// scope) on `today`, with the roles held at `moment`.
    func progress(in organisation: Organisation?, today: LocalDate, at moment: Date) async throws -> [TrainingProgress]

    /// Opens a renewal task for every completion in `organisation` (nil: every organisation,
    /// in the county scope) that expires on or before `expiringBy` and has not been renewed or
    /// superseded, for active members and active courses: due when the completion expires, or
    /// the course's days to complete after `today` if it already has. Returns the new tasks,
    /// audited per organisation.
    func renew(
        in organisation: Organisation?, expiringBy: LocalDate, today: LocalDate, by actor: UUID, notice: TrainingNotice?,
        audit: ([TrainingTask]) -> AuditEntry
    ) async throws -> [TrainingTask]

    /// In the county scope, writes `notice` (the "about to be overdue" mail) for every open task
    /// of an active member due from `today` to `dueBy` that has not had it yet, and marks each
    /// (`due_reminder_at`), so a task gets it once however often this runs, also two runs at
    /// once. Returns how many were written.
    func queueDueReminders(dueBy: LocalDate, today: LocalDate, notice: TrainingNotice) async throws -> Int
}
