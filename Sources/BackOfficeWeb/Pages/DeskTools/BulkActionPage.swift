import BackOffice
import Foundation
import Hummingbird

/// `POST /tickets/bulk`: the queue's bulk action. The page answers with what became of each
/// ticket (a reload resends it, but every ticket carries the version it was ticked at, so
/// nothing is done twice); a form refused whole is shown again with the message beside its field.
struct BulkActionPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct View {
        let form: BulkFormView?
        let result: BulkResultView?
        let ticked: Int
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.post("tickets/bulk", use: apply)
    }

    @Sendable func apply(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let form = context.form
        let back = Self.queuePath(form["back"])
        let ticked = form["all_on_page"] == "1" ? form.all("page_ticket") : form.all("ticket")
        var typed = BulkFormView.Typed()
        typed.action = form["action"] ?? ""
        typed.assignee = form["assignee"] ?? ""
        typed.status = form["status"]
        typed.priority = form["priority"]
        typed.note = form["note"] ?? ""
        typed.reason = form["reason"] ?? ""
        let value: String? = switch typed.action {
        case "assign": typed.assignee
        case "status": typed.status
        case "priority": typed.priority
        default: typed.note
        }
        let catalogue = pages.catalogue(context)
        do {
            let items = try ticked.map(Self.item)
            let outcomes = try await pages.dependencies.tickets.bulk(
                TicketBulkRequest(tickets: items, action: typed.action, value: value, reason: typed.reason), by: principal)
            let view = View(form: nil, result: BulkResultView(outcomes, back: back, catalogue: catalogue), ticked: items.count)
            return try await pages.render("bulk", title: catalogue.text("bulk_title"), view: view, path: "/tickets", context: context)
        } catch BackOfficeError.invalid(let errors) {
            var byField = catalogue.reasonsByField(errors)
            if let reason = byField.removeValue(forKey: "value") { byField[typed.action == "assign" ? "assignee" : typed.action] = reason }
            let labels = Labels(catalogue: catalogue, services: [])
            let view = View(
                form: BulkFormView(back: back, pageTickets: [], tickedTickets: ticked, typed: typed, errors: byField, labels: labels),
                result: nil, ticked: ticked.count)
            return try await pages.render(
                "bulk", title: catalogue.text("bulk_title"), view: view, path: "/tickets", context: context, status: .unprocessableContent)
        }
    }

    /// `OULU-TK-12@3`: the reference and the version it was ticked at.
    static func item(_ text: String) throws -> TicketBulkRequest.Item {
        let parts = text.split(separator: "@", maxSplits: 1)
        guard let reference = parts.first else { throw BackOfficeError.invalid("tickets", "a ticked ticket lost its reference; reload the queue") }
        guard parts.count == 2, let version = Int(parts[1]), version > 0 else {
            throw BackOfficeError.invalid("tickets", "a ticked ticket lost its version; reload the queue")
        }
        return TicketBulkRequest.Item(reference: String(reference), version: version)
    }

    /// The queue the form came from, if it is one (`/tickets?…`); else the queue itself.
    static func queuePath(_ back: String?) -> String {
        guard let back, back == "/tickets" || back.hasPrefix("/tickets?") else { return "/tickets" }
        return back
    }
}
