import BackOffice
import Foundation
import Postgres

/// Decodes the rows of the deployment queries into the domain's values.
enum DeploymentRow {
    static func deployment(_ row: PostgresRow) throws -> Deployment {
        Deployment(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"),
            serviceCode: try row.decode(String.self, "service"), status: try row.decode(named: DeploymentStatus.self, "status"),
            plannedStart: try row.decode(LocalDate?.self, "planned_start"),
            liveSince: try row.decode(LocalDate?.self, "live_since"),
            retiredOn: try row.decode(LocalDate?.self, "retired_on"),
            ownerEmail: try row.decode(String?.self, "owner"), version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"), updatedAt: try row.decode(Date.self, "updated_at"))
    }

    static func event(_ row: PostgresRow) throws -> DeploymentEvent {
        DeploymentEvent(
            at: try row.decode(Date.self, "at"), actorEmail: try row.decode(String?.self, "actor"),
            from: try row.decode(named: DeploymentStatus?.self, "from_status"), to: try row.decode(named: DeploymentStatus.self, "to_status"),
            note: try row.decode(String?.self, "note"),
            interface: try row.decode(named: Interface.self, "interface"))
    }

    static func service(_ row: PostgresRow) throws -> OmaoloService {
        OmaoloService(
            code: try row.decode(String.self, "code"), family: try row.decode(named: OmaoloServiceFamily.self, "family"), nameFi: try row.decode(String.self, "name_fi"),
            nameEn: try row.decode(String.self, "name_en"), active: try row.decode(Bool.self, "active"))
    }
}
