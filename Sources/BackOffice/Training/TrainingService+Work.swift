import Foundation

/// Moving a task: a person starts and completes their own tasks; org admins, Omaolo contacts
/// and county admins start, complete and waive others' too. Each change is made against a
/// version (nil: the current one).
extension TrainingService {
    public func start(_ taskID: UUID, in code: String, expectedVersion: Int? = nil, by principal: Principal) async throws -> TrainingTask {
        let organisation = try await workable(taskID, in: code, by: principal).organisation
        return try await change(taskID, in: organisation, expectedVersion: expectedVersion, action: "training.start", by: principal) { task in
            try task.start()
        }
    }

    /// Completes the task on `completedOn` (default today; not in the future) with evidence
    /// of `evidenceKind` (webinar, e_learning, exam, other) and its reference; the completion
    /// expires the course's validity later.
    public func complete(
        _ taskID: UUID, in code: String, on completedOn: LocalDate? = nil, evidenceKind: String, evidenceReference: String,
        expectedVersion: Int? = nil, by principal: Principal
    ) async throws -> TrainingTask {
        let today = today
        var errors = FieldErrors()
        let kind = errors.check(TrainingEvidence.Kind.named(evidenceKind, field: "evidence_kind"))
        let reference = errors.check(Validation.text(evidenceReference, field: "evidence_reference", length: 1...500))
        let day = completedOn ?? today
        if day > today { errors.add("completed_on", "must not be in the future") }
        try errors.throwIfAny()
        let (organisation, task) = try await workable(taskID, in: code, by: principal)
        guard let course = try await store.course(code: task.courseCode) else { throw BackOfficeError.notFound("course \(task.courseCode)") }
        let evidence = TrainingEvidence(kind: kind!, reference: reference!)
        return try await change(taskID, in: organisation, expectedVersion: expectedVersion, action: "training.complete", by: principal) { task in
            try task.complete(on: day, evidence: evidence, of: course)
        }
    }

    /// Waives someone else's task for `reason`; no one waives their own.
    public func waive(_ taskID: UUID, in code: String, reason: String?, expectedVersion: Int? = nil, by principal: Principal) async throws -> TrainingTask {
        let reason = try Validation.reason(reason).mapError { BackOfficeError.invalid([$0]) }.get()
        let (organisation, task) = try await workable(taskID, in: code, by: principal)
        guard task.personID != principal.personID else { throw BackOfficeError.forbidden("no one waives their own training") }
        return try await change(taskID, in: organisation, expectedVersion: expectedVersion, action: "training.waive", reason: reason, by: principal) { task in
            try task.waive(reason: reason)
        }
    }

    /// The organisation and the task, if it is the principal's own (and they may complete
    /// their own training there) or they may assign training there. Other people's tasks are
    /// not found for those who may not.
    private func workable(_ taskID: UUID, in code: String, by principal: Principal) async throws -> (organisation: Organisation, task: TrainingTask) {
        let organisation = try await access.organisation(code, for: principal)
        let assigns = PermissionMatrix.allows(principal, .assignTraining, in: organisation.id)
        guard let task = try await store.task(id: taskID, in: organisation),
              assigns || task.personID == principal.personID
        else { throw BackOfficeError.notFound("training task \(taskID.uuidString.lowercased())") }
        if !assigns {
            try PermissionMatrix.require(principal, .completeOwnTraining, in: organisation.id, organisationCode: organisation.code)
        }
        return (organisation, task)
    }

    private func change(
        _ taskID: UUID, in organisation: Organisation, expectedVersion: Int?, action: String, reason: String? = nil,
        by principal: Principal, _ change: (inout TrainingTask) throws -> Void
    ) async throws -> TrainingTask {
        try await store.change(taskID: taskID, in: organisation, expectedVersion: expectedVersion, by: principal.personID, change) { before, after in
            AuditEntry(
                actorID: principal.personID, action: action, objectType: "training_task", objectID: after.id.uuidString.lowercased(),
                before: Self.fields(of: before), after: Self.fields(of: after), reason: reason, interface: principal.interface)
        }
    }

    static func fields(of task: TrainingTask) -> [String: String] {
        var fields = ["status": task.status.rawValue, "person": task.personEmail, "course": task.courseCode]
        fields["completed_on"] = task.completedOn?.description
        fields["evidence_kind"] = task.evidence?.kind.rawValue
        fields["evidence_reference"] = task.evidence?.reference
        fields["expires_on"] = task.expiresOn?.description
        return fields
    }
}
