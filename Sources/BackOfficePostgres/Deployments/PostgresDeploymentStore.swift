import BackOffice
import Foundation
import Postgres

/// `DeploymentStore` over PostgreSQL: deployments and their events are tenant rows, read and
/// written in the organisation's tenant scope; the service catalogue is global.
public struct PostgresDeploymentStore: DeploymentStore {
    let pool: ConnectionPool

    public init(pool: ConnectionPool) {
        self.pool = pool
    }

    public func services() async throws -> [OmaoloService] {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                try await Self.services(where: "true", in: transaction)
            }
        }
    }

    public func deployments(in organisation: Organisation) async throws -> [Deployment] {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                try await Self.deployments(in: organisation.id, service: nil, in: transaction)
            }
        }
    }

    public func deployment(of serviceCode: String, in organisation: Organisation) async throws -> Deployment? {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                try await Self.deployments(in: organisation.id, service: serviceCode, in: transaction).first
            }
        }
    }

    public func events(of serviceCode: String, in organisation: Organisation) async throws -> [DeploymentEvent]? {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id) { transaction in
                guard let deployment = try await Self.deployments(in: organisation.id, service: serviceCode, in: transaction).first
                else { return nil }
                return try await transaction.query("""
                    SELECT e.at, p.email AS actor, e.from_status, e.to_status, e.note, e.override_reason, e.interface
                    FROM deployment_events e LEFT JOIN people p ON p.id = e.actor_person_id
                    WHERE e.org_id = \(organisation.id) AND e.deployment_id = \(deployment.id)
                    ORDER BY e.at, e.id
                    """).map(DeploymentRow.event)
            }
        }
    }

    public func create(
        _ draft: DeploymentDraft, in organisation: Organisation, by actor: Principal, idempotency: IdempotencyKey?,
        audit: (Deployment) -> AuditEntry
    ) async throws -> (deployment: Deployment, created: Bool) {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, actor: actor.personID) { transaction -> (deployment: Deployment, created: Bool) in
                try await IdempotentCreate.run(idempotency, in: organisation.id, transaction, earlier: { deploymentID in
                    guard let made = try await transaction.query("""
                        SELECT s.code FROM deployments d JOIN omaolo_services s ON s.id = d.service_id
                        WHERE d.org_id = \(organisation.id) AND d.id = \(deploymentID)
                        """).first else { return nil }
                    return try await Self.deployments(in: organisation.id, service: try made.decode(String.self, "code"), in: transaction).first
                }, make: {
                    guard let service = try await transaction.query(
                        "SELECT id FROM omaolo_services WHERE code = \(draft.serviceCode)").first
                    else { throw BackOfficeError.invalid("service", "no Omaolo service has the code \(draft.serviceCode)") }
                    let serviceID = try service.decode(UUID.self, "id")
                    guard let owner = try await transaction.query("""
                        SELECT p.id FROM org_members m JOIN people p ON p.id = m.person_id
                        WHERE m.org_id = \(organisation.id) AND lower(p.email) = lower(\(draft.ownerEmail)) AND m.active AND p.active
                        """).first
                    else { throw BackOfficeError.invalid("owner", "\(draft.ownerEmail) is not an active member of \(organisation.code)") }
                    let existing = try await transaction.query(
                        "SELECT 1 FROM deployments WHERE org_id = \(organisation.id) AND service_id = \(serviceID)")
                    guard existing.isEmpty else {
                        throw BackOfficeError.conflict("\(organisation.code) already has a deployment of \(draft.serviceCode)")
                    }
                    let id = try await transaction.query("""
                        INSERT INTO deployments (org_id, service_id, planned_start, owner_person_id)
                        VALUES (\(organisation.id), \(serviceID), \(draft.plannedStart), \(try owner.decode(UUID.self, "id")))
                        RETURNING id
                        """).single().decode(UUID.self, "id")
                    try await Self.recordEvent(
                        of: id, in: organisation.id, from: nil, to: .planned, note: draft.note, overrideReason: nil, by: actor,
                        in: transaction)
                    let created = try await Self.deployments(in: organisation.id, service: draft.serviceCode, in: transaction)[0]
                    try await AuditWriter.write(audit(created), organisation: organisation.id, in: transaction)
                    return (created, id)
                })
            }
        }
    }

    public func changeStatus(
        of serviceCode: String, in organisation: Organisation, by actor: Principal,
        change: (Deployment) throws -> DeploymentChange, audit: (Deployment, Deployment) -> AuditEntry
    ) async throws -> Deployment {
        try await StoreError.mapping {
            try await pool.withTenant(organisation.id, actor: actor.personID) { transaction in
                // Locked first, so that two changes of one deployment take turns.
                try await transaction.execute("""
                    SELECT FROM deployments d JOIN omaolo_services s ON s.id = d.service_id
                    WHERE d.org_id = \(organisation.id) AND s.code = \(serviceCode)
                    FOR UPDATE OF d
                    """)
                guard let before = try await Self.deployments(in: organisation.id, service: serviceCode, in: transaction).first
                else { throw BackOfficeError.notFound("deployment of \(serviceCode) in \(organisation.code)") }
                let decided = try change(before)
                try await transaction.execute("""
                    UPDATE deployments
                    SET status = \(decided.status.rawValue), live_since = \(decided.liveSince),
                        retired_on = \(decided.retiredOn), version = version + 1, updated_at = now(),
                        override_reason = \(decided.overrideReason),
                        overridden_by = CASE WHEN \(decided.overrideReason)::text IS NULL THEN NULL ELSE \(actor.personID) END,
                        overridden_at = CASE WHEN \(decided.overrideReason)::text IS NULL THEN NULL ELSE now() END
                    WHERE org_id = \(organisation.id) AND id = \(before.id)
                    """)
                try await Self.recordEvent(
                    of: before.id, in: organisation.id, from: before.status, to: decided.status, note: decided.note,
                    overrideReason: decided.overrideReason, by: actor, in: transaction)
                let after = try await Self.deployments(in: organisation.id, service: serviceCode, in: transaction)[0]
                try await AuditWriter.write(audit(before, after), organisation: organisation.id, in: transaction)
                return after
            }
        }
    }

    /// The organisation's deployments (of one service only, when named), by service code, with
    /// their readiness: one statement for the organisation.
    static func deployments(in organisation: UUID, service: String?, in transaction: Transaction) async throws -> [Deployment] {
        var filter: PostgresQuery = "d.org_id = \(organisation)"
        if let service { filter.append(" AND s.code = \(service)") }
        return try await deployments(where: filter, in: transaction).map(\.deployment)
    }

    /// Deployments with their readiness and organisation code, filtered by `filter` (SQL over
    /// `d`, the deployment, and `s`, its service), by organisation and service code.
    static func deployments(where filter: PostgresQuery, in transaction: Transaction) async throws -> [DeploymentAtRisk] {
        var query: PostgresQuery = """
            SELECT d.id, d.org_id, o.code AS org_code, s.code AS service, d.status, d.planned_start, d.live_since, d.retired_on,
                   p.email AS owner, d.version, d.created_at, d.updated_at, d.override_reason,
                   r.threshold_pct, r.people, r.fully_trained, r.contacts, r.contacts_trained, r.owner_trained,
                   c.code AS course, r.lacking, r.lacking_with_open_task
            FROM deployments d
            JOIN organisations o ON o.id = d.org_id
            JOIN omaolo_services s ON s.id = d.service_id
            LEFT JOIN people p ON p.id = d.owner_person_id
            LEFT JOIN deployment_readiness r ON r.org_id = d.org_id AND r.deployment_id = d.id
            LEFT JOIN training_courses c ON c.id = r.course_id
            WHERE
            """
        query.append(" ")
        query.append(filter)
        query.append(" ORDER BY o.code, s.code, c.code")
        return try DeploymentRow.deployments(try await transaction.query(query))
    }

    /// The catalogue's services matching `filter` (SQL over `s`), with their required courses.
    static func services(where filter: PostgresQuery, in transaction: Transaction) async throws -> [OmaoloService] {
        var query: PostgresQuery = """
            SELECT s.id, s.code, s.family, s.name_fi, s.name_en, s.active, s.readiness_threshold,
                   coalesce(array_agg(c.code ORDER BY c.code) FILTER (WHERE c.code IS NOT NULL), '{}') AS required_courses
            FROM omaolo_services s
            LEFT JOIN (service_required_courses r JOIN training_courses c ON c.id = r.course_id AND c.active) ON r.service_id = s.id
            WHERE
            """
        query.append(" ")
        query.append(filter)
        query.append(" GROUP BY s.id ORDER BY s.code")
        return try await transaction.query(query).map(DeploymentRow.service)
    }

    private static func recordEvent(
        of deployment: UUID, in organisation: UUID, from: DeploymentStatus?, to: DeploymentStatus, note: String?,
        overrideReason: String?, by actor: Principal, in transaction: Transaction
    ) async throws {
        try await transaction.execute("""
            INSERT INTO deployment_events (org_id, deployment_id, actor_person_id, from_status, to_status, note, override_reason,
                                           interface)
            VALUES (\(organisation), \(deployment), \(actor.personID), \(from?.rawValue), \(to.rawValue), \(note), \(overrideReason),
                    \(actor.interface.rawValue))
            """)
    }
}
