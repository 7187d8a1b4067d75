/// Who may see which report, and of which organisations: the "reports" row of the permission
/// matrix (SPEC.md). County admins and reporters see every report of every organisation; the
/// support desk (support_agent) the ticket reports of every organisation; org admins and
/// Omaolo contacts every report of the organisations where they hold that role.
public enum ReportAccess {
    /// The scope `principal` sees `report` in, out of `organisations` (those they can see);
    /// nil when they may not see it at all.
    public static func scope(of principal: Principal, for report: ReportName, among organisations: [Organisation]) -> ReportingScope? {
        if reachesEveryOrganisation(principal, report) { return .county }
        let codes = organisations.filter { holdsReportingRole(principal, in: $0) }.map(\.code)
        return codes.isEmpty ? nil : .organisations(Array(Set(codes)).sorted())
    }

    /// Whether `principal` may see `report` anywhere (for the navigation and the list of reports).
    public static func mayView(_ principal: Principal, _ report: ReportName) -> Bool {
        reachesEveryOrganisation(principal, report) || principal.organisationRoles.values.contains { roles in
            roles.contains { PermissionMatrix.reach(of: $0, for: .viewReports) != .nowhere }
        }
    }

    /// `scope` narrowed to the organisation `code`: `.notFound` when it is not in the scope
    /// (another organisation's code answers as one that does not exist); `exists` says whether
    /// a county scope knows the code.
    public static func narrowed(_ scope: ReportingScope, to code: String, exists: Bool) throws(BackOfficeError) -> ReportingScope {
        switch scope {
        case .county where exists: return .organisations([code])
        case .organisations(let codes) where codes.contains(code): return .organisations([code])
        default: throw .notFound("organisation \(code)")
        }
    }

    private static func reachesEveryOrganisation(_ principal: Principal, _ report: ReportName) -> Bool {
        principal.countyRoles.contains { role in
            PermissionMatrix.reach(of: role, for: .viewReports) == .everyOrganisation && (role != .supportAgent || report.isAboutTickets)
        }
    }

    private static func holdsReportingRole(_ principal: Principal, in organisation: Organisation) -> Bool {
        principal.roles(in: organisation.id).contains { PermissionMatrix.reach(of: $0, for: .viewReports) != .nowhere }
    }
}
