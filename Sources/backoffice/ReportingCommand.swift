import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// `backoffice reporting grant-login|revoke-login|list-logins`: the PostgreSQL logins of IT
/// management's reporting jobs. Run as the schema owner (`DATABASE_URL`), who may create roles.
struct ReportingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reporting",
        abstract: "Create, list and drop reporting logins (PostgreSQL logins that read the reporting views).",
        discussion: "Runs as the schema owner (DATABASE_URL). See docs/reporting.md.",
        subcommands: [GrantLogin.self, RevokeLogin.self, ListLogins.self])

    struct GrantLogin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "grant-login",
            abstract: "Create a reporting login scoped to organisations or the county (or change an existing one's scope).",
            discussion: """
                The login is a PostgreSQL role in the group backoffice_reporting: it reads the views of the \
                reporting schema and nothing else, and sees the organisations of its scope only. Without \
                --password-file a new login gets a random password, printed once.
                """)

        @Argument(help: "Login name: 3-63 lowercase letters, digits and underscores, starting with a letter.") var name: String
        @Option(name: .customLong("org"), parsing: .upToNextOption, help: "Organisation code(s) the login may see.") var organisations: [String] = []
        @Flag(help: "The login sees every organisation of the county.") var county = false
        @Option(help: "File whose first line is the password (default: a random one for a new login).") var passwordFile: String?

        func run() async throws {
            try await reportingFailures {
                let password = try passwordFile.map(Self.readPassword)
                let settings = DatabaseSettings()
                try await withPool(settings.owner, maximumConnections: 1) { pool in
                    let service = ReportingLoginService(store: PostgresReportingLoginStore(pool: pool))
                    let granted = try await service.grant(name: name, organisationCodes: organisations, county: county, password: password)
                    let target = try await pool.withConnection { await $0.target() }
                    ReportingLoginText.printGranted(granted, target: target, passwordFromFile: passwordFile != nil)
                }
            }
        }

        static func readPassword(_ path: String) throws -> String {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CommandFailure.failed("cannot read the password file \(path)")
            }
            return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
    }

    struct RevokeLogin: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-login", abstract: "Drop a reporting login and its scope.")

        @Argument(help: "Login name.") var name: String

        func run() async throws {
            try await reportingFailures {
                try await withPool(DatabaseSettings().owner, maximumConnections: 1) { pool in
                    try await ReportingLoginService(store: PostgresReportingLoginStore(pool: pool)).revoke(name: name)
                    printError("backoffice: reporting login \(name) dropped")
                }
            }
        }
    }

    struct ListLogins: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list-logins", abstract: "List the reporting logins and their scopes.")

        @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table

        func run() async throws {
            try await reportingFailures {
                try await withPool(DatabaseSettings().owner, maximumConnections: 1) { pool in
                    let logins = try await ReportingLoginService(store: PostgresReportingLoginStore(pool: pool)).logins()
                    format.print(
                        columns: ["login", "scope", "granted_at", "granted_by"],
                        rows: logins.map { [$0.name, ReportingLoginText.scope($0.scope), ISO8601DateFormatter().string(from: $0.grantedAt), $0.grantedBy] })
                }
            }
        }
    }
}

/// What `grant-login` and `list-logins` print.
enum ReportingLoginText {
    static func scope(_ scope: ReportingScope) -> String {
        scope.text
    }

    static func printGranted(_ granted: GrantedReportingLogin, target: (host: String, port: String, database: String), passwordFromFile: Bool) {
        let conninfo = [("host", target.host), ("port", target.port), ("dbname", target.database), ("user", granted.name)]
            .filter { !$0.1.isEmpty }.map { "\($0.0)=\(quoted($0.1))" }.joined(separator: " ")
        print("reporting login \(granted.name): scope \(scope(granted.scope))")
        if let password = granted.password, !passwordFromFile {
            print("password (shown once): \(password)")
        }
        let passwordHint = switch (granted.password, passwordFromFile) {
        case (nil, _): "<its password>"
        case (_, true): "<the password in the file>"
        case (let password?, false): password
        }
        print("""
            connect with psql, then e.g. SELECT * FROM reporting.my_scope; (views: docs/reporting.md):
              PGPASSWORD='\(passwordHint)' psql "\(conninfo)"
            or print a report:
              REPORTING_DATABASE_URL="\(conninfo) password=\(passwordHint)" backoffice report tickets_monthly
            """)
    }

    /// A conninfo value, in single quotes when it holds a space, a quote or a backslash.
    static func quoted(_ value: String) -> String {
        guard value.contains(where: { $0 == " " || $0 == "'" || $0 == "\\" }) else { return value }
        return "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
