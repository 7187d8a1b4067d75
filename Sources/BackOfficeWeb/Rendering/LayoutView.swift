import BackOffice
import Foundation

/// The header of every page: who is signed in, where, with which county roles; the
/// navigation their roles call for; the language switch; the form token for logout.
struct LayoutView {
    struct Link {
        let href: String
        let label: String
        let current: Bool
    }

    let personName: String?
    /// The codes of the organisations where the person holds roles; nil for none.
    let organisations: String?
    /// The person's county roles in words; nil for none.
    let countyRoles: String?
    let nav: [Link]
    /// Stored, not computed: templates see stored properties only.
    let hasNav: Bool
    let languages: [Link]
    let csrfToken: String?

    /// The header for `signedIn` (nil: a visitor, on the login or an error page) at `path`.
    init(signedIn: SignedIn?, organisations: [Organisation], path: String, catalogue: Catalogue) {
        personName = signedIn?.person.fullName
        csrfToken = signedIn?.session.csrfToken
        let principal = signedIn?.principal
        countyRoles = (principal?.countyRoles.sorted() ?? []).map { catalogue.text("role_\($0.rawValue)") }.joinedOrNil
        self.organisations = principal.flatMap { principal in
            organisations.filter { !principal.roles(in: $0.id).isEmpty }.map(\.code).joinedOrNil
        }
        var nav: [Link] = []
        if let principal {
            let organisationIDs = principal.organisationRoles.keys
            let worksTickets = PermissionMatrix.reach(of: principal, for: .workTickets, in: nil) == .everyOrganisation
                || organisationIDs.contains { PermissionMatrix.allows(principal, .workTickets, in: $0) }
            let reportsTickets = organisationIDs.contains {
                PermissionMatrix.reach(of: principal, for: .workTickets, in: $0) == .ownTicketsOnly
            }
            if worksTickets {
                nav.append(Link(href: "/tickets", label: catalogue.text("nav_queues"), current: path == "/tickets"))
            } else if reportsTickets {
                nav.append(Link(href: "/tickets", label: catalogue.text("nav_my_tickets"), current: path == "/tickets"))
            }
            if worksTickets || reportsTickets {
                nav.append(Link(href: "/tickets/new", label: catalogue.text("nav_new_ticket"), current: path == "/tickets/new"))
            }
            if worksTickets {
                nav.append(Link(href: "/canned-replies", label: catalogue.text("nav_canned_replies"), current: path == "/canned-replies"))
            }
            nav += Self.adminLinks(for: principal, path: path, catalogue: catalogue)
        }
        self.nav = nav
        hasNav = !nav.isEmpty
        let back = Redirect.encoded(path)
        languages = Language.allCases.map { language in
            Link(href: "/language/\(language.rawValue)?back=\(back)", label: catalogue.text("language_\(language.rawValue)"),
                 current: language == catalogue.language)
        }
    }
}

extension [String] {
    /// The strings joined with commas; nil when there are none.
    var joinedOrNil: String? { isEmpty ? nil : joined(separator: ", ") }
}
