import BackOffice
import Foundation
import Hummingbird

/// `POST /tickets/{REF}/presence`: the ticket page's script reports every few seconds that
/// the page is open (`writing=1` while its reply is being typed, `left=1` when the page
/// closes) and gets back, as JSON, who else is on the ticket in the page's language. A form
/// post like every other: same origin, the session's form token, the session's person, and
/// the ticket checked against what they work.
struct PresenceEndpoint<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let presence: PresenceService
    let renderer: PageRenderer

    init(dependencies: WebDependencies, renderer: PageRenderer) {
        presence = PresenceService(tickets: dependencies.tickets, board: dependencies.presence)
        self.renderer = renderer
    }

    /// The answer: each other person with what they are doing, in words.
    struct Answer: Encodable {
        struct Other: Encodable {
            let name: String
            let writing: Bool
            let text: String
        }

        let others: [Other]
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("tickets/:reference/presence", use: report)
    }

    @Sendable func report(_ request: Request, context: Context) async throws -> Response {
        let signedIn = try context.requireSignedIn()
        guard let reference = context.parameters.get("reference")?.uppercased(),
              let code = TicketReference.organisationCode(of: reference)
        else { throw BackOfficeError.notFound("ticket") }
        if context.form["left"] == "1" {
            try await presence.leave(reference, in: code, by: signedIn.principal)
            return Response(status: .noContent)
        }
        let others = try await presence.report(
            on: reference, in: code, name: Self.shownName(of: signedIn.person.fullName), writing: context.form["writing"] == "1",
            by: signedIn.principal)
        let catalogue = renderer.catalogues[context.language]
        let answer = Answer(others: others.map {
            Answer.Other(name: $0.name, writing: $0.writing,
                         text: catalogue.text($0.writing ? "presence_writing" : "presence_viewing", ["name": $0.name]))
        })
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: Array(try JSONEncoder().encode(answer)))))
    }

    /// "Teemu" of "Teemu Tukipalvelu": how colleagues call each other.
    static func shownName(of name: String) -> String {
        name.split(separator: " ").first.map(String.init) ?? name
    }
}
