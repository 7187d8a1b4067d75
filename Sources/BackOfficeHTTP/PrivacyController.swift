import BackOffice
import Foundation
import Hummingbird

/// `/api/v1/privacy/access-report`: a resident's extract of the access log, for county admins.
struct PrivacyController {
    typealias Context = BackOfficeRequestContext
    let privacy: PrivacyService

    /// The extract as answered.
    struct ReportBody: ResponseEncodable {
        struct Read: Encodable {
            let at: Date
            let reader: String
            let roles: [String]
            let organisation: String
            let interface: String
            let purpose: String
        }

        struct Ticket: Encodable {
            let reference: String
            let organisation: String
            let organisationName: String
            let createdAt: Date
            let status: String
            let closedAt: Date?
            let reads: [Read]
            enum CodingKeys: String, CodingKey {
                case reference, organisation, organisationName = "organisation_name", createdAt = "created_at", status,
                    closedAt = "closed_at", reads
            }
        }

        let contact: String
        let note: String
        let tickets: [Ticket]

        init(_ report: AccessReport) {
            contact = report.contact
            note = report.note
            tickets = report.tickets.map { ticket in
                Ticket(
                    reference: ticket.reference, organisation: ticket.organisationCode, organisationName: ticket.organisationName,
                    createdAt: ticket.createdAt, status: ticket.status.rawValue, closedAt: ticket.closedAt,
                    reads: ticket.reads.map {
                        Read(at: $0.at, reader: $0.readerName, roles: $0.readerRoles, organisation: $0.organisationCode,
                             interface: $0.interface.rawValue, purpose: $0.purpose)
                    })
            }
        }
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("privacy/access-report", use: accessReport)
    }

    @Sendable func accessReport(_ request: Request, context: Context) async throws -> ReportBody {
        let query = request.uri.queryParameters
        let resident = try ResidentIdentifier.given(phone: query["phone"].map(String.init), email: query["email"].map(String.init))
        return ReportBody(try await privacy.accessReport(
            for: resident, purpose: query["purpose"].map(String.init), by: try context.requirePrincipal()))
    }
}
