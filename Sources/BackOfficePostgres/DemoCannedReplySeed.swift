import BackOffice
import Foundation
import Postgres

/// Adds the demo desk's canned replies (`DemoCannedReplies`) through the canned-reply
/// service: the county-wide set as the support agent, Oulun terveyskeskus's own as its org
/// admin. A reply whose title its set already has is left as it is, so running it again
/// changes nothing.
public struct DemoCannedReplySeed: Sendable {
    public init() {}

    /// Returns how many replies were added.
    @discardableResult
    public func load(app: ConnectionPool) async throws -> Int {
        try await app.holdingSeedLock {
            let roles = RoleService(store: PostgresAccessStore(pool: app))
            let tickets = TicketService(store: PostgresTicketStore(pool: app), access: roles, cursors: HMACCursorSeal(secret: RandomSecret.make()))
            let service = CannedReplyService(store: PostgresCannedReplyStore(pool: app), access: roles, tickets: tickets)
            var added = 0
            for reply in DemoCannedReplies.replies {
                let role = reply.organisationCode == nil ? CountyRole.supportAgent.rawValue : OrganisationRole.orgAdmin.rawValue
                guard let email = DemoData.people.first(where: {
                    $0.role == role && $0.organisationCode == (reply.organisationCode ?? DemoData.countyCode)
                })?.email else { continue }
                let keeper = try await roles.principal(email: email, interface: .system)
                let set = reply.organisationCode ?? DemoData.countyCode
                let titles = Set(try await service.replies(in: set, for: keeper).map { $0.title.lowercased() })
                guard !titles.contains(reply.fields.title.lowercased()) else { continue }
                _ = try await service.create(reply.fields, in: reply.organisationCode, by: keeper)
                added += 1
            }
            return added
        }
    }
}
