import BackOffice

extension LayoutView {
    /// The admins' entries of the navigation, each for those whose roles allow its page:
    /// organisations (members, training, deployments), one's own training, the county's
    /// deployments, courses, usage import, reports, county roles, and the outbox (the county desk's).
    static func adminLinks(for principal: Principal, path: String, catalogue: Catalogue) -> [Link] {
        let organisations = Array(principal.organisationRoles.keys)
        func anywhere(_ action: Action) -> Bool {
            PermissionMatrix.allows(principal, action) || organisations.contains { PermissionMatrix.allows(principal, action, in: $0) }
        }
        func link(_ href: String, _ key: String) -> Link {
            Link(href: href, label: catalogue.text(key), current: path == href || path.hasPrefix(href + "/"))
        }
        var links: [Link] = []
        if anywhere(.listMembers) || anywhere(.assignTraining) || anywhere(.setDeploymentStatus) {
            links.append(link("/orgs", "nav_organisations"))
        }
        if organisations.contains(where: { PermissionMatrix.allows(principal, .completeOwnTraining, in: $0) }) {
            links.append(link("/me/training", "nav_my_training"))
        }
        if PermissionMatrix.allows(principal, .keepCatalogues) {
            links.append(link("/deployments", "nav_deployments"))
            links.append(link("/courses", "nav_courses"))
            links.append(link("/usage", "nav_usage"))
        }
        if ReportName.allCases.contains(where: { ReportAccess.mayView(principal, $0) }) {
            links.append(link("/reports", "nav_reports"))
        }
        if PermissionMatrix.allows(principal, .grantCountyRoles) {
            links.append(link("/county/roles", "nav_county_roles"))
        }
        if PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation {
            links.append(link("/mail/outbox", "nav_outbox"))
        }
        return links
    }
}
