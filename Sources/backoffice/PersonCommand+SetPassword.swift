import ArgumentParser
import BackOffice
import BackOfficePostgres
import BackOfficeWeb

extension PersonCommand {
    /// `backoffice person set-password --email E`: an operator sets a person's password for the
    /// web pages; every session of theirs ends.
    struct SetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-password",
            abstract: "Set a person's password for the web pages and end their sessions.",
            discussion: """
                The password is read from standard input (its first line), or asked twice without echo on a \
                terminal: at least 12 characters, not the e-mail address or its name part.
                """)
        @Option(help: "The person's e-mail address.") var email: String

        func run() async throws {
            try await reportingFailures {
                let password = try PasswordInput.read()
                try await withAppPool { pool in
                    let logins = LoginService(
                        store: PostgresWebSessionStore(pool: pool), access: RoleService(store: PostgresAccessStore(pool: pool)),
                        hasher: BcryptPasswordHasher())
                    try await logins.setPassword(password, email: email)
                }
                printError("backoffice: the password of \(email) is set; their sessions have ended")
            }
        }
    }
}
