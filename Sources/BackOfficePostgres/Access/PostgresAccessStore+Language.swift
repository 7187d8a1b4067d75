import BackOffice
import Foundation
import Postgres

/// The language of a person's mails (`people.language`, a global identity's own column).
extension PostgresAccessStore {
    public func language(of personID: UUID) async throws -> MailLanguage {
        try await StoreError.mapping {
            try await pool.withTransaction { transaction in
                guard let row = try await transaction.query("SELECT language FROM people WHERE id = \(personID)").first else {
                    throw BackOfficeError.notFound("person")
                }
                return try row.decode(named: MailLanguage.self, "language")
            }
        }
    }

    public func setLanguage(_ language: MailLanguage, of personID: UUID, by actor: UUID, audit: (MailLanguage) -> AuditEntry) async throws {
        let county = try await pool.countyOrganisationID()
        try await StoreError.mapping {
            try await pool.withTenant(county, actor: actor) { transaction in
                guard let row = try await transaction.query("SELECT language FROM people WHERE id = \(personID) FOR UPDATE").first else {
                    throw BackOfficeError.notFound("person")
                }
                let before = try row.decode(named: MailLanguage.self, "language")
                guard before != language else { return }
                try await transaction.execute("UPDATE people SET language = \(language.rawValue), updated_at = now() WHERE id = \(personID)")
                try await AuditWriter.write(audit(before), organisation: county, in: transaction)
            }
        }
    }
}
