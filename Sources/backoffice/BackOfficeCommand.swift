import ArgumentParser

/// `backoffice`: the Omaolo back office's command line.
@main
struct BackOfficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backoffice",
        abstract: "The Omaolo back office of the North Ostrobothnia wellbeing services county.",
        discussion: """
            Configuration comes from the environment:
              DATABASE_URL          the schema owner's database (migrations, seeds); libpq's PG* variables when unset
              APP_DATABASE_URL      the server's login (default: DATABASE_URL as user backoffice_app)
              APP_DATABASE_PASSWORD password for backoffice_app when APP_DATABASE_URL is unset
              REPORTING_DATABASE_URL a reporting login's database (perhaps a read replica) for `report`
              PORT                  port of `serve` (default 8080)
              BACKOFFICE_MIGRATIONS folder of the migration files (default: the nearest sql/migrations)
            """,
        subcommands: [
            ServeCommand.self, DatabaseCommand.self, SeedCommand.self, MemberCommand.self, RoleCommand.self, TokenCommand.self,
            OrganisationCommand.self, RegionCommand.self, PersonCommand.self, TicketCommand.self, CannedReplyCommand.self,
            RetentionCommand.self,
            DeploymentCommand.self, UsageCommand.self, TrainingCommand.self, ReportingCommand.self, ReportCommand.self,
            PrivacyCommand.self, MailCommand.self, ViewCommand.self,
        ]
    )
}
