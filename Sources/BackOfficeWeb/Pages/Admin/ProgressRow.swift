import BackOffice

/// One course and role of an organisation's training progress, with its stacked bar:
/// completed (valid), in progress and overdue as shares of every task, in SVG units of 100.
struct ProgressRow {
    let course: String
    let role: String
    let total: Int
    let assigned: Int
    let inProgress: Int
    let completed: Int
    let overdue: Int
    let expired: Int
    let waived: Int
    let donePercent: Int
    /// Where the in-progress and overdue segments start and how wide they are.
    let goingX: Int
    let goingWidth: Int
    let lateX: Int
    let lateWidth: Int
    let label: String

    init(_ progress: TrainingProgress, catalogue: Catalogue) {
        course = progress.courseTitle
        role = progress.role.map { catalogue.text("role_\($0.rawValue)") } ?? catalogue.text("training_no_role")
        let total = progress.assigned + progress.inProgress + progress.completedValid + progress.expired + progress.waived
        self.total = total
        assigned = progress.assigned
        inProgress = progress.inProgress
        completed = progress.completedValid
        overdue = progress.overdue
        expired = progress.expired
        waived = progress.waived
        func share(_ count: Int) -> Int { total == 0 ? 0 : Int((Double(count) * 100 / Double(total)).rounded()) }
        let done = share(progress.completedValid)
        let going = min(share(progress.inProgress), 100 - done)
        let late = min(share(progress.overdue), 100 - done - going)
        donePercent = done
        goingX = done
        goingWidth = going
        lateX = done + going
        lateWidth = late
        label = catalogue.text("training_bar_label", [
            "done": String(done), "completed": String(progress.completedValid), "total": String(total),
            "going": String(progress.inProgress), "late": String(progress.overdue)])
    }
}
