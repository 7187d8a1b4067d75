import ArgumentParser
import BackOffice
import BackOfficePostgres
import Foundation
import Postgres

/// `backoffice token create|list|revoke`: API tokens, made by an operator for a person.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make, list and revoke API tokens (an operator's commands, run with database access).",
        subcommands: [Create.self, List.self, Revoke.self])

    struct PersonOption: ParsableArguments {
        @Option(help: "E-mail of the person the token belongs to.") var person: String
        @Option(help: "Output format: table, json or csv.") var format: OutputFormat = .table
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make a token; it is printed this once and stored only as a hash.")

        @OptionGroup var options: PersonOption
        @Option(help: "A name that tells the token apart, e.g. the script that uses it.") var name: String
        @Option(help: "Days until the token expires (default: never).") var expiresIn: Int?

        func run() async throws {
            try await reportingFailures {
                try await withTokens(for: options.person) { service, principal in
                    let made = try await service.create(for: principal.personID, name: name, expiresInDays: expiresIn, interface: .cli)
                    options.format.print(columns: TokenTable.columns + ["token"], rows: [TokenTable.row(made.token) + [made.secret]])
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a person's tokens (never the secrets).")
        @OptionGroup var options: PersonOption

        func run() async throws {
            try await reportingFailures {
                try await withTokens(for: options.person) { service, principal in
                    options.format.print(columns: TokenTable.columns, rows: try await service.tokens(of: principal).map(TokenTable.row))
                }
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke one of a person's tokens.")
        @OptionGroup var options: PersonOption
        @Option(help: "The token's id (from `token list`).") var id: String

        func run() async throws {
            try await reportingFailures {
                guard let tokenID = UUID(uuidString: id) else { throw BackOfficeError.invalid("id", "is not a token id") }
                try await withTokens(for: options.person) { service, principal in
                    try await service.revoke(tokenID, of: principal)
                    printError("backoffice: token \(tokenID.uuidString.lowercased()) revoked")
                }
            }
        }
    }
}

/// Runs `body` with the token service and the principal of `email`, on the app login.
func withTokens(for email: String, _ body: (TokenService, Principal) async throws -> Void) async throws {
    try await withAppPool { pool in
        let principal = try await RoleService(store: PostgresAccessStore(pool: pool)).principal(email: email, interface: .cli)
        try await body(TokenService(store: PostgresTokenStore(pool: pool)), principal)
    }
}

/// How tokens print.
enum TokenTable {
    static let columns = ["id", "name", "created_at", "expires_at", "last_used_at", "revoked_at"]

    static func row(_ token: ApiToken) -> [String] {
        let format = ISO8601DateFormatter()
        return [token.id.uuidString.lowercased(), token.name, format.string(from: token.createdAt),
                token.expiresAt.map(format.string) ?? "", token.lastUsedAt.map(format.string) ?? "",
                token.revokedAt.map(format.string) ?? ""]
    }
}
