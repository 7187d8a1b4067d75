import BackOffice
import Foundation
import Postgres

/// Decodes the rows of the deployment queries into the domain's values.
enum DeploymentRow {
    /// Deployments from rows of `deployment_readiness` joined to them: one row per deployment
    /// and required course (or one with no course), in deployment order.
    static func deployments(_ rows: PostgresRows) throws -> [DeploymentAtRisk] {
        var result: [DeploymentAtRisk] = []
        var courses: [DeploymentReadiness.Course] = []
        let rows = Array(rows)
        for (index, row) in rows.enumerated() {
            if let course = try row.decode(String?.self, "course") {
                courses.append(DeploymentReadiness.Course(
                    code: course, lacking: try row.decode(Int.self, "lacking"),
                    lackingWithOpenTask: try row.decode(Int.self, "lacking_with_open_task")))
            }
            let id = try row.decode(UUID.self, "id")
            if index + 1 < rows.count, try rows[index + 1].decode(UUID.self, "id") == id { continue }
            result.append(DeploymentAtRisk(
                organisationCode: try row.decode(String.self, "org_code"), deployment: try deployment(row, courses: courses)))
            courses = []
        }
        return result
    }

    private static func deployment(_ row: PostgresRow, courses: [DeploymentReadiness.Course]) throws -> Deployment {
        let readiness: DeploymentReadiness? = row.isNull("threshold_pct") ? nil : DeploymentReadiness(
            thresholdPercent: try row.decode(Int.self, "threshold_pct"), people: try row.decode(Int.self, "people"),
            fullyTrained: try row.decode(Int.self, "fully_trained"), contacts: try row.decode(Int.self, "contacts"),
            contactsTrained: try row.decode(Int.self, "contacts_trained"), ownerTrained: try row.decode(Bool.self, "owner_trained"),
            courses: courses)
        return Deployment(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"),
            serviceCode: try row.decode(String.self, "service"), status: try row.decode(named: DeploymentStatus.self, "status"),
            plannedStart: try row.decode(LocalDate?.self, "planned_start"),
            liveSince: try row.decode(LocalDate?.self, "live_since"),
            retiredOn: try row.decode(LocalDate?.self, "retired_on"),
            ownerEmail: try row.decode(String?.self, "owner"), version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"), updatedAt: try row.decode(Date.self, "updated_at"),
            overrideReason: try row.decode(String?.self, "override_reason"), readiness: readiness)
    }

    static func event(_ row: PostgresRow) throws -> DeploymentEvent {
        DeploymentEvent(
            at: try row.decode(Date.self, "at"), actorEmail: try row.decode(String?.self, "actor"),
            from: try row.decode(named: DeploymentStatus?.self, "from_status"), to: try row.decode(named: DeploymentStatus.self, "to_status"),
            note: try row.decode(String?.self, "note"),
            interface: try row.decode(named: Interface.self, "interface"),
            overrideReason: try row.decode(String?.self, "override_reason"))
    }

    static func service(_ row: PostgresRow) throws -> OmaoloService {
        OmaoloService(
            code: try row.decode(String.self, "code"), family: try row.decode(named: OmaoloServiceFamily.self, "family"), nameFi: try row.decode(String.self, "name_fi"),
            nameEn: try row.decode(String.self, "name_en"), active: try row.decode(Bool.self, "active"),
            readinessThreshold: try row.decode(Int.self, "readiness_threshold"),
            requiredCourses: try row.decode([String].self, "required_courses"))
    }
}
