import Foundation

/// What the report pages need from storage: a report read from the `reporting` views in a
/// scope the app sets for the transaction (not a reporting login's own scope).
public protocol ScopedReportStore: Sendable {
    func table(for request: ReportRequest, in scope: ReportingScope) async throws -> ReportTable
}

/// The reports of the web pages: the same views as the reporting logins read, each in the
/// scope `ReportAccess` gives the person asking, narrowed to one organisation on request.
public struct ReportService: Sendable {
    let store: any ScopedReportStore
    let access: RoleService
    let clock: @Sendable () -> Date

    /// The longest period, in months, that a report is asked for.
    public static let maximumMonths = 60

    public init(store: any ScopedReportStore, access: RoleService, clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.access = access
        self.clock = clock
    }

    /// `report` as `principal` may see it: only `organisation` (a code) when given, only
    /// `region` when given, the last `months` months (up to this month in Finland) when given
    /// and the report has months. `.forbidden` for a report the principal may not see,
    /// `.notFound` for an organisation outside their scope, `.invalid` naming every bad filter
    /// (`org`, `region`, `months`).
    public func table(
        _ report: ReportName, organisation: String?, region: String?, months: String?, by principal: Principal
    ) async throws -> ReportTable {
        var errors = FieldErrors()
        let period = months.flatMap { errors.check(Self.period(lastMonths: $0, endingIn: ReportMonth(of: LocalDate(inFinland: clock())))) }
        let validated = Result { () throws(BackOfficeError) -> ReportRequest in
            try ReportRequest.validated(
                name: report.rawValue, organisation: report.hasOrganisation ? organisation : nil, region: region,
                from: report.hasMonths ? period?.from.description : nil, to: report.hasMonths ? period?.to.description : nil)
        }
        var request: ReportRequest?
        switch validated {
        case .success(let valid): request = valid
        case .failure(.invalid(let found)): for error in found { errors.add(error.field, error.reason) }
        case .failure(let other): throw other
        }
        // Reports without an organisation column are narrowed by their scope alone.
        let code = report.hasOrganisation
            ? request?.organisationCode : organisation.flatMap { errors.check(Validation.organisationCode($0, field: "org")) }
        try errors.throwIfAny()
        guard let request else { throw BackOfficeError.invalid("report", "is required") }
        var scope = try await scope(of: principal, for: report)
        if let code {
            let known = scope == .county ? try await exists(code, for: principal) : false
            scope = try ReportAccess.narrowed(scope, to: code, exists: known)
        }
        return try await store.table(for: request, in: scope)
    }

    /// The scope `principal` sees `report` in; `.forbidden` when they may not see it.
    public func scope(of principal: Principal, for report: ReportName) async throws -> ReportingScope {
        guard ReportAccess.mayView(principal, report),
              let scope = ReportAccess.scope(of: principal, for: report, among: try await access.organisations(for: principal))
        else { throw BackOfficeError.forbidden("\(principal.email) may not view the report \(report.rawValue)") }
        return scope
    }

    private func exists(_ code: String, for principal: Principal) async throws -> Bool {
        do {
            _ = try await access.organisation(code, for: principal)
            return true
        } catch BackOfficeError.notFound {
            return false
        }
    }

    /// The last `text` months up to and including `last`: a whole number from 1 to `maximumMonths`.
    public static func period(lastMonths text: String, endingIn last: ReportMonth) -> Result<(from: ReportMonth, to: ReportMonth), FieldError> {
        guard let count = Int(text.trimmingCharacters(in: .whitespaces)), (1...maximumMonths).contains(count) else {
            return .failure(FieldError(field: "months", reason: "must be a whole number of months from 1 to \(maximumMonths)", code: "months_range"))
        }
        return .success((last.adding(months: 1 - count), last))
    }
}
