import Foundation

/// The county's training catalogue and the training tasks of the organisations' people: the
/// permission matrix and validation applied before the store is asked. Days are days in
/// Finland (`LocalDate(inFinland:)`).
public struct TrainingService: Sendable {
    let store: any TrainingStore
    let access: RoleService
    /// The desk address training mails leave from and the kinds of mail turned off.
    let mail: MailSettings
    let clock: @Sendable () -> Date

    public init(store: any TrainingStore, access: RoleService, mail: MailSettings = MailSettings(),
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.access = access
        self.mail = mail
        self.clock = clock
    }

    /// Today in Finland.
    var today: LocalDate { LocalDate(inFinland: clock()) }

    // MARK: The catalogue

    /// The catalogue, open to everyone who may act; inactive courses only when asked.
    public func courses(includeInactive: Bool = false, for principal: Principal) async throws -> [Course] {
        try await store.courses(includeInactive: includeInactive)
    }

    /// Adds a course to the catalogue (county admins).
    public func createCourse(_ new: NewCourse, by principal: Principal) async throws -> Course {
        try PermissionMatrix.require(principal, .keepCatalogues)
        var errors = FieldErrors()
        let code = errors.check(Validation.snakeCode(new.code))
        let title = errors.check(Validation.text(new.title, field: "title", length: 1...200))
        let description = errors.check(Validation.paragraphs(new.description, field: "description", length: 0...10_000))
        let roles = Self.roles(new.mandatoryFor, errors: &errors)
        let days = Self.daysToComplete(new.daysToComplete ?? 30, errors: &errors)
        let validity = new.validityMonths.flatMap { Self.validityMonths($0, errors: &errors) }
        try errors.throwIfAny()
        let course = Course(
            id: UUID(), code: code!, title: title!, description: description!, mandatoryFor: roles, daysToComplete: days!,
            validityMonths: validity, active: true, waiverCounts: new.waiverCounts)
        return try await store.createCourse(course, by: principal.personID) { course in
            AuditEntry(
                actorID: principal.personID, action: "course.create", objectType: "training_course", objectID: course.code,
                before: nil, after: Self.fields(of: course), reason: nil, interface: principal.interface)
        }
    }

    /// Changes a course of the catalogue (county admins). Tasks already assigned keep their
    /// due dates and expiries.
    public func updateCourse(_ code: String, with changes: CourseChanges, by principal: Principal) async throws -> Course {
        try PermissionMatrix.require(principal, .keepCatalogues)
        var errors = FieldErrors()
        let title = changes.title.flatMap { errors.check(Validation.text($0, field: "title", length: 1...200)) }
        let description = changes.description.flatMap { errors.check(Validation.paragraphs($0, field: "description", length: 0...10_000)) }
        let roles = changes.mandatoryFor.map { Self.roles($0, errors: &errors) }
        let days = changes.daysToComplete.flatMap { Self.daysToComplete($0, errors: &errors) }
        var validity: Int??
        if let months = changes.validityMonths {
            validity = months == 0 ? .some(nil) : Self.validityMonths(months, errors: &errors).map { .some($0) }
        }
        if changes.isEmpty {
            errors.add("fields", "give at least one of title, description, mandatory_for, days_to_complete, validity_months, active, waiver_counts")
        }
        try errors.throwIfAny()
        return try await store.changeCourse(code: code, by: principal.personID, { course in
            if let title { course.title = title }
            if let description { course.description = description }
            if let roles { course.mandatoryFor = roles }
            if let days { course.daysToComplete = days }
            if let validity { course.validityMonths = validity }
            if let active = changes.active { course.active = active }
            if let waiverCounts = changes.waiverCounts { course.waiverCounts = waiverCounts }
        }, audit: { before, after in
            AuditEntry(
                actorID: principal.personID, action: "course.update", objectType: "training_course", objectID: after.code,
                before: Self.fields(of: before), after: Self.fields(of: after), reason: nil, interface: principal.interface)
        })
    }

    /// The active course `code`, or a field error.
    func activeCourse(_ code: String, field: String = "course") async throws -> Course {
        let code = try Validation.snakeCode(code, field: field).mapError { BackOfficeError.invalid([$0]) }.get()
        guard let course = try await store.course(code: code), course.active else {
            throw BackOfficeError.invalid(field, "no course in use has the code \(code)")
        }
        return course
    }

    static func roles(_ names: [String], errors: inout FieldErrors) -> [OrganisationRole] {
        var roles: Set<OrganisationRole> = []
        for name in names {
            guard let role = OrganisationRole(rawValue: name) else {
                errors.add("mandatory_for", "\(name) is not org_admin, omaolo_contact or professional")
                continue
            }
            roles.insert(role)
        }
        return roles.sorted()
    }

    static func daysToComplete(_ days: Int, errors: inout FieldErrors) -> Int? {
        guard (1...3650).contains(days) else {
            errors.add("days_to_complete", "must be 1 to 3650")
            return nil
        }
        return days
    }

    static func validityMonths(_ months: Int, errors: inout FieldErrors) -> Int? {
        guard (1...600).contains(months) else {
            errors.add("validity_months", "must be 1 to 600 (or 0 for completions that never expire)")
            return nil
        }
        return months
    }

    static func fields(of course: Course) -> [String: String] {
        [
            "title": course.title, "mandatory_for": course.mandatoryFor.map(\.rawValue).joined(separator: ","),
            "days_to_complete": String(course.daysToComplete), "validity_months": course.validityMonths.map(String.init) ?? "",
            "active": String(course.active), "waiver_counts": String(course.waiverCounts),
        ]
    }
}
