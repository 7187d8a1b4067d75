import Foundation

/// The deployments of Omaolo services: anyone with standing in an organisation reads them;
/// county admins, and the organisation's org_admins and Omaolo contacts, change them.
public struct DeploymentService: Sendable {
    let store: any DeploymentStore
    let access: RoleService
    let clock: @Sendable () -> Date

    public init(store: any DeploymentStore, access: RoleService, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.access = access
        self.clock = clock
    }

    /// The county's Omaolo service catalogue.
    public func services() async throws -> [OmaoloService] {
        try await store.services()
    }

    public func deployments(in code: String, for principal: Principal) async throws -> [Deployment] {
        try await store.deployments(in: try await access.organisation(code, for: principal))
    }

    public func deployment(of service: String, in code: String, for principal: Principal) async throws -> Deployment {
        let organisation = try await access.organisation(code, for: principal)
        guard let deployment = try await store.deployment(of: service, in: organisation) else {
            throw BackOfficeError.notFound("deployment of \(service) in \(organisation.code)")
        }
        return deployment
    }

    /// The deployment's history, oldest first.
    public func history(of service: String, in code: String, for principal: Principal) async throws -> [DeploymentEvent] {
        let organisation = try await access.organisation(code, for: principal)
        guard let events = try await store.events(of: service, in: organisation) else {
            throw BackOfficeError.notFound("deployment of \(service) in \(organisation.code)")
        }
        return events
    }

    /// Plans the deployment of a service, with its owner (a member of the organisation).
    public func create(
        service: String, plannedStart: String?, owner: String, note: String?, in code: String, by principal: Principal
    ) async throws -> Deployment {
        let organisation = try await access.organisation(code, for: principal)
        try PermissionMatrix.require(principal, .setDeploymentStatus, in: organisation.id, organisationCode: organisation.code)
        var errors = FieldErrors()
        let service = errors.check(Validation.text(service, field: "service", length: 1...64))
        var start: LocalDate?
        if let plannedStart {
            start = LocalDate(plannedStart)
            if start == nil { errors.add("planned_start", "must be a date YYYY-MM-DD") }
        }
        let owner = errors.check(Validation.email(owner, field: "owner"))
        let note = errors.check(Self.note(note))
        try errors.throwIfAny()
        let draft = DeploymentDraft(serviceCode: service!, plannedStart: start, ownerEmail: owner!, note: note!)
        return try await store.create(draft, in: organisation, by: principal) { created in
            AuditEntry(
                actorID: principal.personID, action: "deployment.create", objectType: "deployment",
                objectID: created.id.uuidString.lowercased(), before: nil, after: Self.snapshot(created), reason: note!,
                interface: principal.interface)
        }
    }

    /// Moves a deployment to `status`. `expectedVersion`, when given, must be the deployment's
    /// current version: a change against a stale one is refused, never silently applied.
    public func changeStatus(
        of service: String, to status: String, note: String?, expectedVersion: Int?, in code: String, by principal: Principal
    ) async throws -> Deployment {
        let organisation = try await access.organisation(code, for: principal)
        try PermissionMatrix.require(principal, .setDeploymentStatus, in: organisation.id, organisationCode: organisation.code)
        var errors = FieldErrors()
        let target = DeploymentStatus(rawValue: status)
        if target == nil { errors.add("status", "must be one of \(DeploymentStatus.allCases.map(\.rawValue).joined(separator: ", "))") }
        let note = errors.check(Self.note(note))
        try errors.throwIfAny()
        let today = LocalDate(inFinland: clock())
        return try await store.changeStatus(of: service, in: organisation, by: principal, change: { current in
            if let expectedVersion, expectedVersion != current.version {
                throw BackOfficeError.conflict(
                    "the deployment of \(service) in \(organisation.code) has changed: it is at version \(current.version), not \(expectedVersion)")
            }
            try current.status.check(moveTo: target!)
            return DeploymentChange(
                status: target!,
                liveSince: current.liveSince ?? (target == .live ? today : nil),
                retiredOn: target == .retired ? today : nil,
                note: note!)
        }, audit: { before, after in
            AuditEntry(
                actorID: principal.personID, action: "deployment.status", objectType: "deployment",
                objectID: after.id.uuidString.lowercased(), before: Self.snapshot(before), after: Self.snapshot(after),
                reason: note!, interface: principal.interface)
        })
    }

    /// An optional note of 1 to 2000 characters (blank counts as none).
    static func note(_ value: String?) -> Result<String?, FieldError> {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .success(nil) }
        return Validation.text(value, field: "note", length: 1...2000).map { $0 }
    }

    static func snapshot(_ deployment: Deployment) -> [String: String] {
        ["service": deployment.serviceCode, "status": deployment.status.rawValue,
         "planned_start": deployment.plannedStart?.description ?? "", "live_since": deployment.liveSince?.description ?? "",
         "retired_on": deployment.retiredOn?.description ?? "", "owner": deployment.ownerEmail ?? "",
         "version": String(deployment.version)]
    }
}
