import BackOffice
import Foundation
import Postgres

/// Decodes the rows of the deployment queries into the domain's values.
enum DeploymentRow {
    static func deployment(_ row: PostgresRow) throws -> Deployment {
        Deployment(
            id: try row.decode(UUID.self, "id"), organisationID: try row.decode(UUID.self, "org_id"),
            serviceCode: try row.decode(String.self, "service"), status: try status(row, "status"),
            plannedStart: try row.decode(CalendarDate?.self, "planned_start")?.asDay,
            liveSince: try row.decode(CalendarDate?.self, "live_since")?.asDay,
            retiredOn: try row.decode(CalendarDate?.self, "retired_on")?.asDay,
            ownerEmail: try row.decode(String?.self, "owner"), version: try row.decode(Int.self, "version"),
            createdAt: try row.decode(Date.self, "created_at"), updatedAt: try row.decode(Date.self, "updated_at"))
    }

    static func event(_ row: PostgresRow) throws -> DeploymentEvent {
        DeploymentEvent(
            at: try row.decode(Date.self, "at"), actorEmail: try row.decode(String?.self, "actor"),
            from: row.isNull("from_status") ? nil : try status(row, "from_status"), to: try status(row, "to_status"),
            note: try row.decode(String?.self, "note"),
            interface: Interface(rawValue: try row.decode(String.self, "interface")) ?? .system)
    }

    static func service(_ row: PostgresRow) throws -> OmaoloService {
        let family = try row.decode(String.self, "family")
        guard let known = OmaoloServiceFamily(rawValue: family) else {
            throw PostgresError(.decoding, "unknown Omaolo service family \(family)")
        }
        return OmaoloService(
            code: try row.decode(String.self, "code"), family: known, nameFi: try row.decode(String.self, "name_fi"),
            nameEn: try row.decode(String.self, "name_en"), active: try row.decode(Bool.self, "active"))
    }

    private static func status(_ row: PostgresRow, _ column: String) throws -> DeploymentStatus {
        let text = try row.decode(String.self, column)
        guard let status = DeploymentStatus(rawValue: text) else { throw PostgresError(.decoding, "unknown deployment status \(text)") }
        return status
    }
}

extension CalendarDate {
    /// The same day as the domain writes it.
    var asDay: Day? { Day(year: year, month: month, day: day) }
}

extension Day {
    /// The same day as PostgreSQL's `date`.
    var calendarDate: CalendarDate? { CalendarDate(year: year, month: month, day: day) }
}
