import BackOffice
import Foundation

/// The training page's view: progress rows with bars, the overdue, expiring and open tasks,
/// and the choices of the assign forms.
struct TrainingView {
    let heading: OrganisationTabs
    let progress: [ProgressRow]
    let hasProgress: Bool
    let overdue: [TaskLine]
    let hasOverdue: Bool
    let expiring: [TaskLine]
    let hasExpiring: Bool
    let open: [TaskLine]
    let hasOpen: Bool
    let courses: [Option]
    let people: [Option]
    let roles: [Option]
    let evidenceKinds: [Option]
    let state: TrainingState
    let today: String

    init(organisation: Organisation, principal: Principal, progress: [TrainingProgress], open: [TrainingTask], expiring: [TrainingTask],
         members: [Member], courses: [Course], state: TrainingState, catalogue: Catalogue, days: Days) {
        heading = OrganisationTabs(organisation, principal: principal, current: "training", catalogue: catalogue)
        self.progress = progress
            .sorted { ($0.courseTitle, $0.role.map { OrganisationRole.allCases.firstIndex(of: $0)! } ?? 9) < ($1.courseTitle, $1.role.map { OrganisationRole.allCases.firstIndex(of: $0)! } ?? 9) }
            .map { ProgressRow($0, catalogue: catalogue) }
        hasProgress = !self.progress.isEmpty
        let today = LocalDate(inFinland: Date())
        self.today = today.description
        let lines = open.map { task -> TaskLine in
            var line = TaskLine(task, today: today, days: days, catalogue: catalogue)
            if state.taskError?.id == line.id { line.error = state.taskError?.message }
            return line
        }
        self.open = lines
        hasOpen = !lines.isEmpty
        overdue = lines.filter(\.overdue)
        hasOverdue = !overdue.isEmpty
        self.expiring = expiring.map { TaskLine($0, today: today, days: days, catalogue: catalogue) }
        hasExpiring = !self.expiring.isEmpty
        self.courses = courses.filter(\.active).map { Option(value: $0.code, label: $0.title, selected: $0.code == state.course) }
        people = members.filter(\.person.active)
            .sorted { $0.person.fullName.localizedCompare($1.person.fullName) == .orderedAscending }
            .map { Option(value: $0.person.email, label: $0.person.fullName, selected: $0.person.email.lowercased() == state.person.lowercased()) }
        roles = OrganisationRole.allCases.map { Option(value: $0.rawValue, label: catalogue.text("role_\($0.rawValue)"), selected: $0.rawValue == state.role) }
        evidenceKinds = CompletionForm.kinds(catalogue)
        self.state = state
    }
}
