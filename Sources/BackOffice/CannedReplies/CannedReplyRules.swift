/// Who keeps and who uses which set of canned replies: the county-wide set is the desk's
/// (county admins and support agents keep and use it); an organisation's own set is kept by
/// its org admins (and county admins) and used by whoever works its tickets.
enum CannedReplyRules {
    /// A member of the county's desk: a county admin or a support agent.
    static func isDesk(_ principal: Principal) -> Bool {
        !principal.countyRoles.isDisjoint(with: [.countyAdmin, .supportAgent])
    }

    static func mayKeep(setOf owner: Organisation, _ principal: Principal) -> Bool {
        if owner.kind == .county { return isDesk(principal) }
        return principal.countyRoles.contains(.countyAdmin) || principal.roles(in: owner.id).contains(.orgAdmin)
    }

    static func mayRead(setOf owner: Organisation, _ principal: Principal) -> Bool {
        owner.kind == .county ? isDesk(principal) : mayKeep(setOf: owner, principal) || PermissionMatrix.allows(principal, .workTickets, in: owner.id)
    }

    /// Whether a reply of `owner`'s set may be inserted on a ticket of `ticketOrganisation`.
    static func mayUse(setOf owner: Organisation, onTicketOf ticketOrganisation: Organisation, _ principal: Principal) -> Bool {
        owner.kind == .county ? isDesk(principal) : owner.id == ticketOrganisation.id && mayRead(setOf: owner, principal)
    }

    /// Refuses unless the principal keeps `owner`'s set: `.notFound` where they may not even
    /// read it (an organisation's set stays unseen), `.forbidden` where they may.
    static func requireKeeping(setOf owner: Organisation, _ principal: Principal) throws(BackOfficeError) {
        guard !mayKeep(setOf: owner, principal) else { return }
        if !mayRead(setOf: owner, principal), owner.kind != .county { throw .notFound("organisation \(owner.code)") }
        throw .forbidden("\(principal.email) may not keep the canned replies of \(owner.kind == .county ? "the county" : owner.code)")
    }
}

extension CannedReply {
    /// Whether `principal` keeps the set this reply belongs to (may edit and remove it).
    public func isKept(by principal: Principal) -> Bool {
        countyWide ? CannedReplyRules.isDesk(principal)
            : principal.countyRoles.contains(.countyAdmin) || principal.roles(in: organisationID).contains(.orgAdmin)
    }
}
