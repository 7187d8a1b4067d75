import BackOffice
import Foundation
import Hummingbird

/// What the admins' pages share: the page inside the layout, the catalogue of the request's
/// language, and a refusal of the domain in the page's words.
struct AdminRendering: Sendable {
    let dependencies: WebDependencies
    let renderer: PageRenderer

    func catalogue<Parent>(_ context: WebContext<Parent>) -> Catalogue {
        renderer.catalogues[context.language]
    }

    /// `template` with `view`, inside the layout of the signed-in person at `path`.
    func render<Parent>(
        _ template: String, title: String, view: Any, path: String, context: WebContext<Parent>,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        let organisations = try await dependencies.roles.organisations(for: signedIn.principal)
        let catalogue = catalogue(context)
        return renderer.render(
            template,
            Page(title: title, view: view,
                 layout: LayoutView(signedIn: signedIn, organisations: organisations, path: path, catalogue: catalogue),
                 catalogue: catalogue),
            status: status)
    }

    /// A refused change in words, by field (`form` for the form as a whole), and its status;
    /// nil for errors that are not refusals of the form (not found, forbidden, …).
    func refusal(_ error: any Error, catalogue: Catalogue) -> (errors: [String: String], status: HTTPResponse.Status)? {
        switch error {
        case BackOfficeError.invalid(let errors):
            return (catalogue.reasonsByField(errors), .unprocessableContent)
        case BackOfficeError.conflict(let why), BackOfficeError.stale(let why):
            return (["form": Self.conflict(why, catalogue: catalogue)], .conflict)
        case BackOfficeError.forbidden(let why):
            return (["form": catalogue.text("refused_forbidden", ["why": why])], .forbidden)
        default:
            return nil
        }
    }

    /// A conflict in the page's language where the catalogue knows it (the last-admin guards),
    /// otherwise the domain's own sentence.
    static func conflict(_ why: String, catalogue: Catalogue) -> String {
        if why == GrantRules.lastOrgAdminRefusal { return catalogue.text("refused_last_org_admin") }
        if why == GrantRules.lastCountyAdminRefusal { return catalogue.text("refused_last_county_admin") }
        return catalogue.text("refused_conflict", ["why": why])
    }
}

/// Days as people read them: `2.12.2026` in Finnish, `2 Dec 2026` in English.
struct Days: Sendable {
    let language: Language
    private static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func day(_ day: LocalDate) -> String {
        switch language {
        case .fi: return "\(day.day).\(day.month).\(day.year)"
        case .en: return "\(day.day) \(Self.englishMonths[day.month - 1]) \(day.year)"
        }
    }

    func day(_ moment: Date) -> String {
        day(LocalDate(inFinland: moment))
    }

    /// The moment that starts `day` in Finland.
    static func start(of day: LocalDate) -> Date {
        day.moment(atMinute: 0, in: LocalDate.finland)
    }
}
