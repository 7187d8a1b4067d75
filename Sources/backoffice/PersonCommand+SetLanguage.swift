import ArgumentParser
import BackOffice
import Foundation

extension PersonCommand {
    /// `backoffice person set-language --as ACTOR [--email E] --language fi|en`: the language
    /// the person's mails are written in; one's own, or anyone's for a county admin.
    struct SetLanguage: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-language",
            abstract: "Set the language of a person's mails (fi or en): your own, or anyone's as a county admin.")
        @OptionGroup var acting: ActingOptions
        @Option(help: "The person's e-mail address (default: the one acting).") var email: String?
        @Option(help: "fi or en.") var language: String

        func run() async throws {
            try await reportingFailures {
                try await acting.withRoleService { service, principal in
                    let set = try await service.setLanguage(language, of: email, by: principal)
                    printError("the mails of \(email ?? principal.email) are written in \(set.rawValue)")
                }
            }
        }
    }
}
