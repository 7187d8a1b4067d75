import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation

/// `backoffice view …`: the queue's saved views of the acting person (and the desk's shared ones).
struct ViewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "view",
        abstract: "Save queue filters under a name, list, rename and delete saved views.",
        discussion: "A view is its owner's own, or (--shared, county admins only) seen by the whole desk; only its owner renames or deletes it.",
        subcommands: [List.self, Save.self, Rename.self, Delete.self])

    static let columns = ["id", "name", "shared", "owner", "queue", "organisation", "status", "priority", "category", "service", "text"]

    static func row(_ view: SavedView) -> [String] {
        let filters = view.filters
        return [view.id.uuidString.lowercased(), view.name, view.shared ? "yes" : "no", view.ownerEmail,
                filters.queue ?? "", filters.organisation ?? "", filters.status ?? "", filters.priority ?? "",
                filters.category ?? "", filters.service ?? "", filters.text ?? ""]
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Your saved views and the desk's shared ones.")
        @OptionGroup var acting: ActingOptions

        func run() async throws {
            try await reportingFailures {
                try await acting.withViewService { service, principal in
                    acting.format.print(columns: ViewCommand.columns, rows: try await service.views(for: principal).map(ViewCommand.row))
                }
            }
        }
    }

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save queue filters under a name.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "The view's name (1 to 80 characters).") var name: String
        @Flag(help: "Seen by the whole desk (county admins only).") var shared = false
        @Option(help: "A named queue: mine, unassigned, breaching, waiting or open.") var queue: String?
        @Option(help: "An organisation's code.") var org: String?
        @Option(help: "new, open, waiting, resolved or closed.") var status: String?
        @Option(help: "critical, high, normal or low.") var priority: String?
        @Option(help: "A category, e.g. login_and_access.") var category: String?
        @Option(help: "An Omaolo service code.") var service: String?
        @Option(help: "Words to search for.") var text: String?

        func run() async throws {
            try await reportingFailures {
                try await acting.withViewService { views, principal in
                    let filters = QueueFilters(
                        queue: queue, organisation: org, status: status, priority: priority, category: category, service: service,
                        text: text)
                    let view = try await views.save(name: name, shared: shared, filters: filters, by: principal)
                    acting.format.print(columns: ViewCommand.columns, rows: [ViewCommand.row(view)])
                }
            }
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Rename one of your views.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The view's id (from `view list`).") var id: String
        @Option(help: "The new name.") var name: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withViewService { views, principal in
                    let view = try await views.rename(try ViewCommand.id(id), to: name, by: principal)
                    acting.format.print(columns: ViewCommand.columns, rows: [ViewCommand.row(view)])
                }
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete one of your views.")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The view's id (from `view list`).") var id: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withViewService { views, principal in
                    try await views.delete(try ViewCommand.id(id), by: principal)
                    FileHandle.standardError.write(Data("view \(id) deleted\n".utf8))
                }
            }
        }
    }

    static func id(_ text: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw BackOfficeError.invalid("id", "is not a view's id (see `view list`)") }
        return id
    }
}

extension ActingOptions {
    /// Runs `body` with the saved view service and the acting principal.
    func withViewService(_ body: (SavedViewService, Principal) async throws -> Void) async throws {
        try await withAppPool { pool in
            let roles = RoleService(store: PostgresAccessStore(pool: pool))
            try await body(SavedViewService(store: PostgresSavedViewStore(pool: pool)), try await roles.principal(email: actor, interface: .cli))
        }
    }
}
