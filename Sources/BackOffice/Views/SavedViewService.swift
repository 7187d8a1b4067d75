import Foundation

/// Saved views of the queue: who may save one, share one, rename or delete one.
public struct SavedViewService: Sendable {
    let store: any SavedViewStore

    public init(store: any SavedViewStore) {
        self.store = store
    }

    /// The principal's own views and the desk's shared ones, by name.
    public func views(for principal: Principal) async throws -> [SavedView] {
        try Self.requireDesk(principal)
        return try await store.views(visibleTo: principal.personID)
    }

    /// Saves `filters` under `name`: the principal's own, or (county admins only) shared with
    /// the whole desk.
    public func save(name: String, shared: Bool, filters: QueueFilters, by principal: Principal) async throws -> SavedView {
        try Self.requireDesk(principal)
        var errors = FieldErrors()
        let name = errors.check(Self.validName(name))
        let filters = filters.validated(noting: &errors)
        try errors.throwIfAny()
        if shared, !principal.countyRoles.contains(.countyAdmin) {
            throw BackOfficeError.forbidden("only county admins share views with the whole desk; \(principal.email) may save their own")
        }
        return try await store.save(name: name!, shared: shared, filters: filters, by: principal.personID)
    }

    /// Renames the view `id`; only its owner may.
    public func rename(_ id: UUID, to name: String, by principal: Principal) async throws -> SavedView {
        let view = try await ownView(id, of: principal, doing: "rename")
        let name = try Self.validName(name).mapError { BackOfficeError.invalid([$0]) }.get()
        guard let renamed = try await store.rename(view.id, to: name, by: principal.personID) else {
            throw BackOfficeError.notFound("view \(id.uuidString.lowercased())")
        }
        return renamed
    }

    /// Deletes the view `id`; only its owner may.
    public func delete(_ id: UUID, by principal: Principal) async throws {
        let view = try await ownView(id, of: principal, doing: "delete")
        guard try await store.delete(view.id, by: principal.personID) else {
            throw BackOfficeError.notFound("view \(id.uuidString.lowercased())")
        }
    }

    /// The view `id` if the principal owns it: someone else's shared view is forbidden, a
    /// view they cannot see not found.
    private func ownView(_ id: UUID, of principal: Principal, doing verb: String) async throws -> SavedView {
        guard let view = try await views(for: principal).first(where: { $0.id == id }) else {
            throw BackOfficeError.notFound("view \(id.uuidString.lowercased())")
        }
        guard view.ownerID == principal.personID else {
            throw BackOfficeError.forbidden("only \(view.ownerEmail), who saved the view \"\(view.name)\", may \(verb) it")
        }
        return view
    }

    /// Saved views are the desk's: for those who work tickets (the county desk, org admins
    /// and Omaolo contacts), not for professionals, who have only their own tickets.
    static func requireDesk(_ principal: Principal) throws(BackOfficeError) {
        let county = PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation
        let organisation = principal.organisationRoles.keys.contains {
            PermissionMatrix.reach(of: principal, for: .workTickets, in: $0) == .ownOrganisation
        }
        guard county || organisation else {
            throw BackOfficeError.forbidden("saved views are for those who work tickets; \(principal.email) does not")
        }
    }

    static func validName(_ name: String) -> Result<String, FieldError> {
        Validation.text(name, field: "name", length: 1...80)
    }
}
