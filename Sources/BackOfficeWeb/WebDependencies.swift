import BackOffice
import Foundation

/// What the web pages need from the rest of the back office: the same domain services as
/// the JSON API, and how sessions and cookies are set up.
public struct WebDependencies: Sendable {
    public let login: LoginService
    public let roles: RoleService
    public let tickets: TicketService
    public let cannedReplies: CannedReplyService
    public let deployments: DeploymentService
    public let training: TrainingService
    public let usage: UsageImportService
    public let organisations: OrganisationService
    public let outbox: MailOutboxService
    public let reports: ReportService
    /// The queue's saved views.
    public let views: SavedViewService
    /// Who else has a ticket open, in this process's memory.
    public let presence: PresenceBoard
    public let calendar: SLACalendar
    /// Cookies get `Secure` when the public address of the pages is https.
    public let secureCookies: Bool

    public init(
        login: LoginService, roles: RoleService, tickets: TicketService, cannedReplies: CannedReplyService,
        deployments: DeploymentService, training: TrainingService, usage: UsageImportService,
        organisations: OrganisationService, outbox: MailOutboxService, reports: ReportService, views: SavedViewService,
        calendar: SLACalendar, secureCookies: Bool, presence: PresenceBoard = PresenceBoard()
    ) {
        self.login = login
        self.roles = roles
        self.tickets = tickets
        self.cannedReplies = cannedReplies
        self.deployments = deployments
        self.training = training
        self.usage = usage
        self.organisations = organisations
        self.outbox = outbox
        self.reports = reports
        self.views = views
        self.presence = presence
        self.calendar = calendar
        self.secureCookies = secureCookies
    }
}
