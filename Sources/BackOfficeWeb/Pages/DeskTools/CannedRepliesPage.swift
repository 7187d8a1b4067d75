import BackOffice
import Foundation
import Hummingbird

/// `/canned-replies`: the sets of canned replies the person reads (the county-wide set for
/// the desk, their organisations' own sets; county admins pick any organisation's), how often
/// each was used, a new reply, and each reply edited or removed by those who keep its set.
struct CannedRepliesPage<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let pages: AdminRendering

    struct Row {
        let id: String
        let title: String
        let uses: Int
        let lastUsed: String?
        let neverUsed: Bool
        let keeps: Bool
    }

    struct SetView {
        let heading: String
        let rows: [Row]
        let hasRows: Bool
    }

    struct View {
        let sets: [SetView]
        let organisationChoice: [Option]
        let hasOrganisationChoice: Bool
        let form: CannedReplyFormView?
        let notice: String?
    }

    struct EditView {
        let id: String
        let setName: String
        let form: CannedReplyFormView
        let keeps: Bool
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("canned-replies", use: show)
        group.post("canned-replies", use: create)
        group.get("canned-replies/:id", use: edit)
        group.post("canned-replies/:id", use: update)
        group.post("canned-replies/:id/delete", use: remove)
    }

    @Sendable func show(_ request: Request, context: Context) async throws -> Response {
        let notice = request.uri.queryParameters["done"].flatMap { done in
            ["created", "updated", "removed"].contains(done) ? pages.catalogue(context).text("canned_\(done)") : nil
        }
        return try await render(
            org: request.uri.queryParameters["org"].map(String.init), typed: nil, errors: [:], notice: notice, context: context)
    }

    @Sendable func create(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let fields = Self.fields(context.form)
        let set = context.form["set"] ?? ""
        do {
            _ = try await pages.dependencies.cannedReplies.create(fields, in: set.isEmpty ? nil : set, by: principal)
            return Redirect.to("/canned-replies?done=created" + (set.isEmpty ? "" : "&org=\(Redirect.encoded(set))"))
        } catch {
            guard let errors = refusal(error, fields: fields, context: context) else { throw error }
            return try await render(org: set.isEmpty ? nil : set, typed: (set, fields), errors: errors.errors, notice: nil, context: context,
                                    status: errors.status)
        }
    }

    @Sendable func edit(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let reply = try await pages.dependencies.cannedReplies.reply(try Self.id(context), for: principal)
        return try await renderEdit(
            reply, fields: CannedReplyFields(title: reply.title, bodyFinnish: reply.bodyFinnish, bodyEnglish: reply.bodyEnglish),
            errors: [:], context: context)
    }

    @Sendable func update(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let id = try Self.id(context)
        let fields = Self.fields(context.form)
        do {
            let reply = try await pages.dependencies.cannedReplies.update(id, to: fields, by: principal)
            return Redirect.to("/canned-replies?done=updated" + (reply.countyWide ? "" : "&org=\(reply.organisationCode)"))
        } catch {
            guard let errors = refusal(error, fields: fields, context: context) else { throw error }
            let reply = try await pages.dependencies.cannedReplies.reply(id, for: principal)
            return try await renderEdit(reply, fields: fields, errors: errors.errors, context: context, status: errors.status)
        }
    }

    @Sendable func remove(_ request: Request, context: Context) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        try await pages.dependencies.cannedReplies.delete(try Self.id(context), by: principal)
        return Redirect.to("/canned-replies?done=removed")
    }

    private func refusal(_ error: any Error, fields: CannedReplyFields, context: Context) -> (errors: [String: String], status: HTTPResponse.Status)? {
        let catalogue = pages.catalogue(context)
        if case BackOfficeError.invalid(let errors) = error {
            return (CannedReplyFormView.errors(errors, of: fields, catalogue: catalogue), .unprocessableContent)
        }
        return pages.refusal(error, catalogue: catalogue)
    }

    private func render(
        org: String?, typed: (set: String, fields: CannedReplyFields)?, errors: [String: String], notice: String?, context: Context,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let service = pages.dependencies.cannedReplies
        let catalogue = pages.catalogue(context)
        let time = HelsinkiTime(language: context.language)
        var sets = try await service.sets(for: principal)
        if let org, !org.isEmpty, !sets.contains(where: { $0.owner.code == org.uppercased() }) {
            sets.append(try await service.set(org, for: principal))
        }
        guard !sets.isEmpty else { throw BackOfficeError.forbidden("\(principal.email) keeps and uses no canned replies") }
        let setViews = sets.map { set in
            let rows = set.replies.map { reply in
                Row(id: reply.id.uuidString.lowercased(), title: reply.title, uses: reply.useCount,
                    lastUsed: reply.lastUsedAt.map(time.moment), neverUsed: reply.useCount == 0, keeps: set.keeps)
            }
            return SetView(heading: Self.name(of: set.owner, catalogue: catalogue), rows: rows, hasRows: !rows.isEmpty)
        }
        let kept = sets.filter(\.keeps).map(\.owner)
        let chosenSet = typed?.set ?? (kept.first { $0.code == org?.uppercased() } ?? kept.first).map { $0.kind == .county ? "" : $0.code } ?? ""
        let form = kept.isEmpty ? nil : CannedReplyFormView(
            set: chosenSet,
            sets: kept.map { Option(value: $0.kind == .county ? "" : $0.code, label: Self.name(of: $0, catalogue: catalogue),
                                    selected: ($0.kind == .county ? "" : $0.code) == chosenSet) },
            fields: typed?.fields ?? CannedReplyFields(title: "", bodyFinnish: ""), errors: errors)
        let organisationChoice = PermissionMatrix.allows(principal, .keepCatalogues)
            ? try await pages.dependencies.roles.organisations(for: principal).filter { $0.kind != .county && $0.active }.map {
                Option(value: $0.code, label: "\($0.code) – \($0.name)", selected: $0.code == org?.uppercased())
            } : []
        let view = View(
            sets: setViews, organisationChoice: organisationChoice, hasOrganisationChoice: !organisationChoice.isEmpty, form: form,
            notice: notice)
        return try await pages.render(
            "canned_replies", title: catalogue.text("canned_title"), view: view, path: "/canned-replies", context: context, status: status)
    }

    private func renderEdit(
        _ reply: CannedReply, fields: CannedReplyFields, errors: [String: String], context: Context, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let principal = try context.requireSignedIn().principal
        let catalogue = pages.catalogue(context)
        let keeps = reply.isKept(by: principal)
        let setName = reply.countyWide ? catalogue.text("canned_set_county") : catalogue.text("canned_set_of", ["org": reply.organisationCode])
        let view = EditView(
            id: reply.id.uuidString.lowercased(), setName: setName,
            form: CannedReplyFormView(set: reply.countyWide ? "" : reply.organisationCode, sets: [], fields: fields, errors: errors),
            keeps: keeps)
        return try await pages.render(
            "canned_reply_edit", title: reply.title, view: view, path: "/canned-replies", context: context, status: status)
    }

    private static func name(of owner: Organisation, catalogue: Catalogue) -> String {
        owner.kind == .county ? catalogue.text("canned_set_county") : catalogue.text("canned_set_of", ["org": "\(owner.code) – \(owner.name)"])
    }

    private static func fields(_ form: FormData) -> CannedReplyFields {
        CannedReplyFields(title: form["title"] ?? "", bodyFinnish: form["body_fi"] ?? "", bodyEnglish: form["body_en"])
    }

    private static func id(_ context: Context) throws -> UUID {
        guard let text = context.parameters.get("id"), let id = UUID(uuidString: text) else { throw BackOfficeError.notFound("canned reply") }
        return id
    }
}
