import Foundation

/// What a principal may try to do; the permission matrix of SPEC.md decides where.
public enum Action: String, Sendable, CaseIterable {
    /// Keep organisations, regions and catalogues; import usage.
    case keepCatalogues = "keep_catalogues"
    case grantCountyRoles = "grant_county_roles"
    case grantOrganisationRoles = "grant_organisation_roles"
    /// See an organisation's people and their roles.
    case listMembers = "list_members"
    case logTicket = "log_ticket"
    /// Assign, change status, write internal notes.
    case workTickets = "work_tickets"
    case readResidentContact = "read_resident_contact"
    /// Assign training and mark it done for others.
    case assignTraining = "assign_training"
    case completeOwnTraining = "complete_own_training"
    case setDeploymentStatus = "set_deployment_status"
    case viewReports = "view_reports"
}

/// How far an allowance reaches.
public enum Reach: Sendable, Equatable {
    case nowhere
    /// Only in organisations where the principal holds the role.
    case ownOrganisation
    /// In every organisation.
    case everyOrganisation
    /// Only the principal's own tickets (a professional, as their reporter).
    case ownTicketsOnly
}

/// The permission matrix of SPEC.md ("Roles and what they may do"), one row per action.
public enum PermissionMatrix {
    /// How far `role` reaches for `action`.
    public static func reach(of role: CountyRole, for action: Action) -> Reach {
        switch (role, action) {
        case (.countyAdmin, .completeOwnTraining): return .nowhere
        case (.countyAdmin, _): return .everyOrganisation
        case (.supportAgent, .logTicket), (.supportAgent, .workTickets), (.supportAgent, .readResidentContact),
             (.supportAgent, .viewReports), (.supportAgent, .listMembers):
            return .everyOrganisation
        case (.reporter, .viewReports): return .everyOrganisation
        default: return .nowhere
        }
    }

    /// How far an organisation `role` reaches for `action` (never beyond its organisation).
    public static func reach(of role: OrganisationRole, for action: Action) -> Reach {
        switch (role, action) {
        case (.orgAdmin, .grantOrganisationRoles): return .ownOrganisation
        case (.orgAdmin, .listMembers), (.omaoloContact, .listMembers): return .ownOrganisation
        case (_, .logTicket): return role == .professional ? .ownTicketsOnly : .ownOrganisation
        case (.professional, .workTickets): return .ownTicketsOnly
        case (_, .workTickets), (_, .readResidentContact), (_, .assignTraining), (_, .setDeploymentStatus),
             (_, .viewReports):
            return role == .professional ? .nowhere : .ownOrganisation
        case (_, .completeOwnTraining): return .ownOrganisation
        default: return .nowhere
        }
    }

    /// The widest reach `principal` has for `action` in `organisation` (nil: county-level).
    public static func reach(of principal: Principal, for action: Action, in organisation: UUID?) -> Reach {
        var widest = Reach.nowhere
        for role in principal.countyRoles where reach(of: role, for: action) == .everyOrganisation {
            return .everyOrganisation
        }
        guard let organisation else { return widest }
        for role in principal.roles(in: organisation) {
            switch reach(of: role, for: action) {
            case .everyOrganisation, .ownOrganisation: widest = .ownOrganisation
            case .ownTicketsOnly where widest == .nowhere: widest = .ownTicketsOnly
            default: break
            }
        }
        return widest
    }

    /// Whether `principal` may do `action` in `organisation` (fully, not only for their own tickets).
    public static func allows(_ principal: Principal, _ action: Action, in organisation: UUID? = nil) -> Bool {
        let reach = reach(of: principal, for: action, in: organisation)
        return reach == .everyOrganisation || reach == .ownOrganisation
    }

    /// Refuses unless allowed: `.notFound` where the principal has no standing in the
    /// organisation (so codes cannot be probed), `.forbidden` where they do.
    public static func require(
        _ principal: Principal, _ action: Action, in organisation: UUID? = nil, organisationCode: String? = nil
    ) throws(BackOfficeError) {
        guard !allows(principal, action, in: organisation) else { return }
        if let organisation, !principal.canSee(organisation: organisation) {
            throw .notFound("organisation \(organisationCode ?? organisation.uuidString.lowercased())")
        }
        throw .forbidden("\(principal.email) may not \(action.rawValue.replacingOccurrences(of: "_", with: " "))"
            + (organisationCode.map { " in \($0)" } ?? ""))
    }
}
