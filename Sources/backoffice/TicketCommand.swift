import ArgumentParser
import BackOffice
import Foundation

/// `backoffice ticket …`: the support desk's work from the command line.
struct TicketCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticket",
        abstract: "Log, find and work support tickets.",
        discussion: """
            A ticket is named by its reference, e.g. OULU-TK-42; --org is needed only with a bare number.
            Due times count business minutes (Mon–Fri 08:00–16:00 Europe/Helsinki, Finnish public holidays off;
            SLA_HOURS, SLA_TIME_ZONE and SLA_CLOSED_DAYS change the calendar).
            """,
        subcommands: [Create.self, List.self, Search.self, Show.self, Update.self, Status.self, Comment.self, Assign.self,
                      Bulk.self, Merge.self])

    /// Where a command's ticket is: its organisation and reference.
    struct Locator: ParsableArguments {
        @Argument(help: "The ticket's reference, e.g. OULU-TK-42 (or its number with --org).") var reference: String
        @Option(help: "Organisation code; only needed with a bare number.") var org: String?

        /// The organisation's code: `--org`, or the reference without its number.
        var organisation: String {
            get throws {
                guard let code = org ?? TicketReference.organisationCode(of: reference) else {
                    throw BackOfficeError.invalid("reference", "give a reference such as OULU-TK-42, or --org with a number")
                }
                return code
            }
        }
    }

    /// The queue's filters, shared by `list` and `search`.
    struct Filters: ParsableArguments {
        @Option(help: "Organisation code; leave out for the county-wide queue (county roles).") var org: String?
        @Option(help: "Statuses, comma-separated: new, open, waiting, resolved, closed.") var status: String?
        @Option(help: "Priorities, comma-separated: critical, high, normal, low.") var priority: String?
        @Option(help: "Categories, comma-separated, e.g. login_and_access.") var category: String?
        @Option(help: "An Omaolo service code.") var service: String?
        @Option(help: "me, unassigned, or an assignee's e-mail.") var assignee: String?
        @Option(help: "Only tickets falling due within this many hours (or overdue).") var breachingWithin: Int?
        @Option(help: "due (resolution due first; default) or newest.") var sort: String?
        @Option(help: "At most this many (1 to 200; default 50).") var limit: Int?
        @Option(help: "The cursor printed after the previous page.") var cursor: String?

        func query(text: String? = nil) -> TicketQuery {
            func list(_ value: String?) -> [String] { value.map { $0.split(separator: ",").map(String.init) } ?? [] }
            return TicketQuery(
                organisation: nil, statuses: list(status), priorities: list(priority), categories: list(category), service: service,
                assignee: assignee, breachingWithinHours: breachingWithin, text: text, sort: sort, limit: limit, cursor: cursor)
        }

        func printPage(_ service: TicketService, text: String? = nil, for principal: Principal, format: OutputFormat) async throws {
            let page = try await service.tickets(query(text: text), in: org, for: principal)
            format.print(columns: TicketTable.columns, rows: page.tickets.map(TicketTable.row))
            if let next = page.nextCursor { printError("more: --cursor \(next)") }
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Log a ticket for a professional (--reporter, default yourself) or a resident (--resident-name and an e-mail or phone).")
        @OptionGroup var acting: ActingOptions
        @Option(help: "Organisation code, e.g. OULU-TK.") var org: String
        @Option(help: "Subject (1 to 200 characters).") var subject: String
        @Option(help: "Description.") var description: String = ""
        @Option(help: "login_and_access, symptom_assessment_content, service_configuration, technical_fault, training_request, data_protection, feature_request or other.")
        var category: String
        @Option(help: "phone, email, web, chat or in_person.") var channel: String
        @Option(help: "critical, high, normal (default) or low.") var priority: String?
        @Option(help: "The Omaolo service concerned, e.g. symptom_back_pain.") var service: String?
        @Option(help: "E-mail of the reporting professional (a member of the organisation).") var reporter: String?
        @Option(help: "A reporting resident's name.") var residentName: String?
        @Option(help: "A reporting resident's e-mail.") var residentEmail: String?
        @Option(help: "A reporting resident's phone number.") var residentPhone: String?
        @Option(help: "E-mail of the person to work it.") var assignee: String?
        @Option(help: "A key that makes a retry return the ticket made the first time.") var idempotencyKey: String?

        func run() async throws {
            try await reportingFailures {
                let resident = residentName == nil && residentEmail == nil && residentPhone == nil
                    ? nil : ResidentContact(name: residentName, email: residentEmail, phone: residentPhone)
                let new = NewTicket(
                    subject: subject, description: description, category: category, channel: channel, priority: priority,
                    serviceCode: service, reporterEmail: reporter, resident: resident, assigneeEmail: assignee)
                try await acting.withTicketService { service, principal in
                    let made = try await service.create(new, in: org, idempotencyKey: idempotencyKey, by: principal)
                    acting.format.print(record: TicketTable.fields(made.ticket))
                    if !made.created { printError("already logged with this idempotency key: \(made.ticket.reference)") }
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A queue: an organisation's tickets, or the county-wide queue without --org.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var filters: Filters

        func run() async throws {
            try await reportingFailures {
                try await acting.withTicketService { service, principal in
                    try await filters.printPage(service, for: principal, format: acting.format)
                }
            }
        }
    }

    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find tickets by words in their subject, description or comments, in any inflection (kirjautuminen finds kirjautumisessa).")
        @OptionGroup var acting: ActingOptions
        @Argument(help: "The words to find.") var words: [String]
        @OptionGroup var filters: Filters

        func run() async throws {
            try await reportingFailures {
                try await acting.withTicketService { service, principal in
                    try await filters.printPage(service, text: words.joined(separator: " "), for: principal, format: acting.format)
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a ticket, and on request its comments, history or resident contact.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var ticket: Locator
        @Flag(help: "Also the comments you may read.") var comments = false
        @Flag(help: "Also the history of changes.") var history = false
        @Flag(help: "Also the resident reporter's contact details (the read is logged).") var contact = false
        @Option(help: "Why the contact details are read; logged with the read.") var purpose: String?

        func run() async throws {
            try await reportingFailures {
                let code = try ticket.organisation
                try await acting.withTicketService { service, principal in
                    acting.format.print(record: TicketTable.fields(try await service.ticket(ticket.reference, in: code, for: principal)))
                    if comments {
                        let list = try await service.comments(of: ticket.reference, in: code, for: principal)
                        acting.format.print(columns: TicketTable.commentColumns, rows: list.map(TicketTable.row))
                    }
                    if history {
                        let list = try await service.events(of: ticket.reference, in: code, for: principal)
                        acting.format.print(columns: TicketTable.eventColumns, rows: list.map(TicketTable.row))
                    }
                    if contact {
                        let found = try await service.residentContact(of: ticket.reference, in: code, purpose: purpose, for: principal)
                        acting.format.print(record: [
                            ("name", found.name ?? ""), ("email", found.email ?? ""), ("phone", found.phone ?? ""),
                            ("anonymised_at", found.anonymisedAt.map(TicketTable.moment) ?? ""),
                        ])
                    }
                }
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a ticket's subject, description, category, priority or service.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var ticket: Locator
        @Option(help: "New subject.") var subject: String?
        @Option(help: "New description.") var description: String?
        @Option(help: "New category.") var category: String?
        @Option(help: "New priority; the due times are recomputed from creation.") var priority: String?
        @Option(help: "New Omaolo service code; \"\" clears it.") var service: String?
        @Option(help: "The version you read (from `ticket show`); refused if it changed meanwhile.") var version: Int?

        func run() async throws {
            try await reportingFailures {
                let code = try ticket.organisation
                let changes = TicketChanges(subject: subject, description: description, category: category, priority: priority, serviceCode: service)
                try await acting.withTicketService { tickets, principal in
                    let updated = try await tickets.update(ticket.reference, in: code, with: changes, expectedVersion: version, by: principal)
                    acting.format.print(record: TicketTable.fields(updated))
                }
            }
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a ticket: new → open|waiting|resolved, open → waiting|resolved, waiting → open|resolved, resolved → open|closed.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var ticket: Locator
        @Option(help: "open, waiting, resolved or closed.") var to: String
        @Option(help: "The version you read; refused if it changed meanwhile.") var version: Int?

        func run() async throws {
            try await reportingFailures {
                let code = try ticket.organisation
                try await acting.withTicketService { service, principal in
                    let moved = try await service.changeStatus(ticket.reference, in: code, to: to, expectedVersion: version, by: principal)
                    acting.format.print(record: TicketTable.fields(moved))
                }
            }
        }
    }

    struct Comment: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Comment on a ticket: internal by default from the support side, --public for the reporter to see.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var ticket: Locator
        @Option(help: "The comment.") var body: String
        @Flag(help: "Visible to the reporter; the first public answer is the first response.") var `public` = false

        func run() async throws {
            try await reportingFailures {
                let code = try ticket.organisation
                try await acting.withTicketService { service, principal in
                    let comment = try await service.comment(
                        on: ticket.reference, in: code, body: body, visibility: `public` ? "public" : nil, by: principal).comment
                    acting.format.print(columns: TicketTable.commentColumns, rows: [TicketTable.row(comment)])
                }
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a ticket to someone who works the organisation's tickets, or to nobody.")
        @OptionGroup var acting: ActingOptions
        @OptionGroup var ticket: Locator
        @Option(help: "The assignee's e-mail, or me.") var to: String?
        @Flag(help: "Leave the ticket unassigned.") var nobody = false
        @Option(help: "The version you read; refused if it changed meanwhile.") var version: Int?

        func validate() throws {
            guard (to == nil) != (!nobody) else { throw ValidationError("give either --to EMAIL or --nobody") }
        }

        func run() async throws {
            try await reportingFailures {
                let code = try ticket.organisation
                try await acting.withTicketService { service, principal in
                    let assignee = to?.lowercased() == "me" ? principal.email : to
                    let assigned = try await service.assign(ticket.reference, in: code, to: assignee, expectedVersion: version, by: principal)
                    acting.format.print(record: TicketTable.fields(assigned))
                }
            }
        }
    }
}
