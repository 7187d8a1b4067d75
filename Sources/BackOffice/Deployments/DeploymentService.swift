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

    /// Plans the deployment of a service, with its owner (a member of the organisation). With an
    /// `idempotencyKey` already used for the same deployment, `created` is false.
    public func create(
        service: String, plannedStart: String?, owner: String, note: String?, in code: String, idempotencyKey: String? = nil,
        by principal: Principal
    ) async throws -> (deployment: Deployment, created: Bool) {
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
        let key = IdempotencyKey(
            idempotencyKey, of: .deployment, content: [service, start?.description, owner?.lowercased(), note ?? nil], errors: &errors)
        try errors.throwIfAny()
        let draft = DeploymentDraft(serviceCode: service!, plannedStart: start, ownerEmail: owner!, note: note!)
        return try await store.create(draft, in: organisation, by: principal, idempotency: key) { created in
            AuditEntry(
                actorID: principal.personID, action: "deployment.create", objectType: "deployment",
                objectID: created.id.uuidString.lowercased(), before: nil, after: Self.snapshot(created), reason: note!,
                interface: principal.interface)
        }
    }

    /// Moves a deployment to `status`. `expectedVersion`, when given, must be the deployment's
    /// current version: a change against a stale one is refused, never silently applied. A move
    /// to `piloting` or `live` passes the training gate (`ReadinessGate`), which a county admin
    /// may override with `overrideReason`.
    public func changeStatus(
        of service: String, to status: String, note: String?, expectedVersion: Int?, overrideReason: String? = nil,
        in code: String, by principal: Principal
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
            let decision = try ReadinessGate.decide(
                moveTo: target!, of: service, in: organisation.code, readiness: current.readiness ?? Self.nobodyReady,
                overrideReason: overrideReason, by: principal)
            var overridden: String?
            if case .overridden(let reason) = decision { overridden = reason }
            return DeploymentChange(
                status: target!,
                liveSince: current.liveSince ?? (target == .live ? today : nil),
                retiredOn: target == .retired ? today : nil,
                note: note!, overrideReason: overridden)
        }, audit: { before, after in
            AuditEntry(
                actorID: principal.personID, action: after.overrideReason == nil ? "deployment.status" : "deployment.override",
                objectType: "deployment", objectID: after.id.uuidString.lowercased(), before: Self.snapshot(before),
                after: Self.snapshot(after), reason: after.overrideReason ?? note!, interface: principal.interface)
        })
    }

    /// Changes which courses the selected services need and their readiness threshold
    /// (county admins). Deployments already live are not moved; those below the new rules show
    /// in `atRisk`.
    public func setReadinessRules(
        of selection: ServiceSelection, requiredCourses: [String]?, threshold: Int?, by principal: Principal
    ) async throws -> [OmaoloService] {
        try PermissionMatrix.require(principal, .keepCatalogues)
        var errors = FieldErrors()
        if requiredCourses == nil && threshold == nil { errors.add("fields", "give required_courses, threshold or both") }
        if let threshold, !(0...100).contains(threshold) { errors.add("threshold", "must be a percentage from 0 to 100") }
        let courses = requiredCourses.map { Array(Set($0.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })).sorted() }
        try errors.throwIfAny()
        let rules = ReadinessRules(services: selection, requiredCourses: courses, threshold: threshold)
        return try await store.setReadinessRules(rules, by: principal) { before, after in
            AuditEntry(
                actorID: principal.personID, action: "service.readiness", objectType: "omaolo_service", objectID: after.code,
                before: Self.rules(of: before), after: Self.rules(of: after), reason: nil, interface: principal.interface)
        }
    }

    /// Live deployments below their service's threshold, with what they lack: every
    /// organisation's for holders of a county role, otherwise those of the caller's organisations.
    public func atRisk(for principal: Principal) async throws -> [DeploymentAtRisk] {
        let organisations = principal.countyRoles.isEmpty ? Array(principal.organisationRoles.keys) : nil
        if organisations?.isEmpty == true { return [] }
        return try await store.liveDeployments(in: organisations).filter(\.deployment.atRisk)
    }

    /// The readiness of a deployment the store has none for (a retired one): nobody trained.
    static let nobodyReady = DeploymentReadiness(
        thresholdPercent: 100, people: 0, fullyTrained: 0, contacts: 0, contactsTrained: 0, ownerTrained: false, courses: [])

    static func rules(of service: OmaoloService) -> [String: String] {
        ["required_courses": service.requiredCourses.joined(separator: ","), "readiness_threshold": String(service.readinessThreshold)]
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
         "version": String(deployment.version), "override_reason": deployment.overrideReason ?? ""]
    }
}
