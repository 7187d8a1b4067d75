/// Whether the back office can serve requests, and if not, why.
public struct Readiness: Sendable, Equatable {
    /// One thing that was checked: its name, whether it passed, and what was seen.
    public struct Check: Sendable, Equatable {
        public let name: String
        public let passed: Bool
        public let detail: String

        public init(name: String, passed: Bool, detail: String) {
            self.name = name
            self.passed = passed
            self.detail = detail
        }
    }

    public let checks: [Check]

    public init(checks: [Check]) { self.checks = checks }

    public var isReady: Bool { checks.allSatisfy(\.passed) }
}

/// Something that can tell whether the back office is ready: the database is reachable and its
/// schema is current.
public protocol ReadinessProbe: Sendable {
    func readiness() async -> Readiness
}
