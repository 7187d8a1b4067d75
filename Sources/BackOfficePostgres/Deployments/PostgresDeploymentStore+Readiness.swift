import BackOffice
import Foundation
import Postgres

/// The readiness side of `PostgresDeploymentStore`: the county's rules of which training each
/// service needs, and the live deployments with their readiness for the at-risk list.
extension PostgresDeploymentStore {
    public func setReadinessRules(
        _ rules: ReadinessRules, by actor: Principal, audit: (OmaoloService, OmaoloService) -> AuditEntry
    ) async throws -> [OmaoloService] {
        let county = try await pool.countyOrganisationID()
        return try await StoreError.mapping {
            try await pool.withTenant(county, actor: actor.personID) { transaction in
                let selected: PostgresQuery = switch rules.services {
                case .service(let code): "s.code = \(code)"
                case .family(let family): "s.family = \(family.rawValue)"
                }
                let before = try await Self.services(where: selected, in: transaction)
                if before.isEmpty, case .service(let code) = rules.services {
                    throw BackOfficeError.invalid("service", "no Omaolo service has the code \(code)")
                }
                let ids = try await transaction.query(
                    "SELECT id FROM omaolo_services WHERE code = ANY (\(before.map(\.code))) FOR UPDATE"
                ).map { try $0.decode(UUID.self, "id") }
                if let threshold = rules.threshold {
                    try await transaction.execute("""
                        UPDATE omaolo_services SET readiness_threshold = \(threshold), updated_at = now() WHERE id = ANY (\(ids))
                        """)
                }
                if let codes = rules.requiredCourses {
                    let courses = try await transaction.query(
                        "SELECT id, code FROM training_courses WHERE code = ANY (\(codes)) AND active"
                    ).map { (id: try $0.decode(UUID.self, "id"), code: try $0.decode(String.self, "code")) }
                    let unknown = Set(codes).subtracting(courses.map(\.code)).sorted()
                    guard unknown.isEmpty else {
                        throw BackOfficeError.invalid("required_courses", "no active course has the code \(unknown.joined(separator: ", "))")
                    }
                    try await transaction.execute("""
                        DELETE FROM service_required_courses
                        WHERE service_id = ANY (\(ids)) AND course_id <> ALL (\(courses.map(\.id)))
                        """)
                    try await transaction.execute("""
                        INSERT INTO service_required_courses (service_id, course_id)
                        SELECT s, c FROM unnest(\(ids)::uuid[]) s CROSS JOIN unnest(\(courses.map(\.id))::uuid[]) c
                        ON CONFLICT DO NOTHING
                        """)
                }
                let after = try await Self.services(where: selected, in: transaction)
                for (old, new) in zip(before, after) where old != new {
                    try await AuditWriter.write(audit(old, new), organisation: county, in: transaction)
                }
                return after
            }
        }
    }

    public func liveDeployments(in organisations: [UUID]?) async throws -> [DeploymentAtRisk] {
        try await StoreError.mapping {
            guard let organisations else {
                return try await pool.withCountyScope { transaction in
                    try await Self.deployments(where: "d.status = 'live'", in: transaction)
                }
            }
            var found: [DeploymentAtRisk] = []
            for organisation in organisations {
                found += try await pool.withTenant(organisation) { transaction in
                    try await Self.deployments(where: "d.org_id = \(organisation) AND d.status = 'live'", in: transaction)
                }
            }
            return found.sorted { ($0.organisationCode, $0.deployment.serviceCode) < ($1.organisationCode, $1.deployment.serviceCode) }
        }
    }
}
