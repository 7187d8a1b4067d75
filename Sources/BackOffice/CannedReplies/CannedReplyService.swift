import Foundation

/// Keeping canned replies and filling them for a ticket: who may keep and use which set,
/// validation (lengths, placeholders, identity codes) before the store is asked.
public struct CannedReplyService: Sendable {
    let store: any CannedReplyStore
    let access: RoleService
    let tickets: TicketService
    let clock: @Sendable () -> Date

    public init(store: any CannedReplyStore, access: RoleService, tickets: TicketService, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.access = access
        self.tickets = tickets
        self.clock = clock
    }

    /// The set of the organisation `code` (the county's own organisation's code: the
    /// county-wide set), or every set the principal may read when `code` is nil.
    public func replies(in code: String?, for principal: Principal) async throws -> [CannedReply] {
        guard let code, !code.isEmpty else { return try await sets(for: principal).flatMap(\.replies) }
        return try await set(code, for: principal).replies
    }

    /// The set of the organisation `code`, and whether the principal keeps it.
    public func set(_ code: String, for principal: Principal) async throws -> (owner: Organisation, replies: [CannedReply], keeps: Bool) {
        let owner = try await access.organisation(code, for: principal)
        guard CannedReplyRules.mayRead(setOf: owner, principal) else {
            throw BackOfficeError.forbidden("\(principal.email) may not read the canned replies of \(owner.code)")
        }
        return (owner, try await store.replies(of: owner), CannedReplyRules.mayKeep(setOf: owner, principal))
    }

    /// Every set the principal may read without naming it: the county-wide set for the desk,
    /// and the sets of the organisations where they hold a role.
    public func sets(for principal: Principal) async throws -> [(owner: Organisation, replies: [CannedReply], keeps: Bool)] {
        var owners: [Organisation] = []
        if CannedReplyRules.isDesk(principal) { owners.append(try await access.countyOrganisation()) }
        owners += try await access.organisations(for: principal).filter { !principal.roles(in: $0.id).isEmpty }
        var sets: [(Organisation, [CannedReply], Bool)] = []
        for owner in owners where CannedReplyRules.mayRead(setOf: owner, principal) {
            sets.append((owner, try await store.replies(of: owner), CannedReplyRules.mayKeep(setOf: owner, principal)))
        }
        return sets
    }

    public func reply(_ id: UUID, for principal: Principal) async throws -> CannedReply {
        try await located(id, for: principal).reply
    }

    /// Adds a reply to the organisation `code`'s set, or to the county-wide set when nil.
    public func create(_ fields: CannedReplyFields, in code: String?, by principal: Principal) async throws -> CannedReply {
        let owner = try await owner(code, for: principal)
        try CannedReplyRules.requireKeeping(setOf: owner, principal)
        return try await store.create(try fields.validated(), of: owner, by: principal.personID)
    }

    public func update(_ id: UUID, to fields: CannedReplyFields, by principal: Principal) async throws -> CannedReply {
        let (owner, _) = try await located(id, for: principal)
        try CannedReplyRules.requireKeeping(setOf: owner, principal)
        guard let updated = try await store.update(id: id, of: owner, to: try fields.validated(), by: principal.personID) else {
            throw BackOfficeError.notFound("canned reply \(id.uuidString.lowercased())")
        }
        return updated
    }

    public func delete(_ id: UUID, by principal: Principal) async throws {
        let (owner, _) = try await located(id, for: principal)
        try CannedReplyRules.requireKeeping(setOf: owner, principal)
        guard try await store.delete(id: id, of: owner) else { throw BackOfficeError.notFound("canned reply \(id.uuidString.lowercased())") }
    }

    /// The organisation `code` as the principal may see it, or the county's own organisation for nil.
    func owner(_ code: String?, for principal: Principal) async throws -> Organisation {
        guard let code, !code.isEmpty else { return try await access.countyOrganisation() }
        return try await access.organisation(code, for: principal)
    }

    /// The reply `id` and the organisation whose set holds it, if the principal may read that set.
    func located(_ id: UUID, for principal: Principal) async throws -> (owner: Organisation, reply: CannedReply) {
        let organisations = try await access.organisations(for: principal)
        var candidates: [Organisation]
        if principal.countyRoles.isEmpty {
            candidates = organisations.filter { CannedReplyRules.mayRead(setOf: $0, principal) }
        } else {
            let ownerID = try await store.owner(ofReply: id)
            candidates = organisations.filter { $0.id == ownerID && CannedReplyRules.mayRead(setOf: $0, principal) }
        }
        for owner in candidates {
            if let reply = try await store.reply(id: id, of: owner) { return (owner, reply) }
        }
        throw BackOfficeError.notFound("canned reply \(id.uuidString.lowercased())")
    }
}
