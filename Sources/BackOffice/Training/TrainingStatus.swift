/// Where a training task stands (SPEC.md, Training): `assigned → in_progress | completed |
/// waived`, `in_progress → completed | waived`; `completed` and `waived` are final.
public enum TrainingStatus: String, Sendable, CaseIterable, Codable, NamedCases {
    /// Given to the person, not yet started.
    case assigned
    /// The person has started it.
    case inProgress = "in_progress"
    /// Done, with a completion date and evidence.
    case completed
    /// Not needed from this person, for a recorded reason.
    case waived

    /// Assigned or in progress: at most one such task per person, course and organisation.
    public var isOpen: Bool { self == .assigned || self == .inProgress }

    /// The statuses this one may move to.
    public var allowedNext: [TrainingStatus] {
        switch self {
        case .assigned: [.inProgress, .completed, .waived]
        case .inProgress: [.completed, .waived]
        case .completed, .waived: []
        }
    }

    /// Refuses a move the status machine does not allow with `.conflict` naming the allowed
    /// ones: "an in_progress task may move to completed or waived, not in_progress".
    public func requireTransition(to next: TrainingStatus) throws(BackOfficeError) {
        if allowedNext.contains(next) { return }
        let task = "\(rawValue.first.map { "aeiou".contains($0) } == true ? "an" : "a") \(rawValue) task"
        guard let last = allowedNext.last else { throw .conflict("\(task) is final and cannot move to \(next.rawValue)") }
        let allowed = allowedNext.dropLast().map(\.rawValue).joined(separator: ", ")
        throw .conflict("\(task) may move to \(allowed.isEmpty ? "" : allowed + " or ")\(last.rawValue), not \(next.rawValue)")
    }
}
