import BackOffice

/// The heading of an organisation's pages: its name and code, and a tab for each of its
/// pages the person may open (members, training, deployments).
struct OrganisationTabs {
    let code: String
    let name: String
    let tabs: [LayoutView.Link]

    init(_ organisation: Organisation, principal: Principal, current: String, catalogue: Catalogue) {
        code = organisation.code
        name = organisation.name
        var tabs: [LayoutView.Link] = []
        let base = "/orgs/\(organisation.code)"
        if PermissionMatrix.allows(principal, .listMembers, in: organisation.id) {
            tabs.append(.init(href: "\(base)/members", label: catalogue.text("tab_members"), current: current == "members"))
        }
        if PermissionMatrix.allows(principal, .assignTraining, in: organisation.id) {
            tabs.append(.init(href: "\(base)/training", label: catalogue.text("tab_training"), current: current == "training"))
        }
        tabs.append(.init(href: "\(base)/deployments", label: catalogue.text("tab_deployments"), current: current == "deployments"))
        self.tabs = tabs
    }
}
