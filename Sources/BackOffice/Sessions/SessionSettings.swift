import Foundation

/// How long sessions last and how failed logins are slowed down.
public struct SessionSettings: Sendable, Equatable {
    /// A session unused this long ends (default 8 hours, `SESSION_IDLE_HOURS`).
    public var idleTimeout: TimeInterval
    /// A session ends this long after login whatever its use (default 24 hours, `SESSION_MAX_HOURS`).
    public var absoluteTimeout: TimeInterval
    /// This many failed logins within `failureWindow`, per e-mail or per client address, make
    /// the next attempts wait until the oldest of them leaves the window.
    public var failureLimit: Int
    public var failureWindow: TimeInterval
    /// A session's last use is written at most this often (reads in between change nothing).
    public var touchInterval: TimeInterval

    public init(
        idleTimeout: TimeInterval = 8 * 3600, absoluteTimeout: TimeInterval = 24 * 3600,
        failureLimit: Int = 5, failureWindow: TimeInterval = 15 * 60, touchInterval: TimeInterval = 60
    ) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.failureLimit = failureLimit
        self.failureWindow = failureWindow
        self.touchInterval = touchInterval
    }

    public static let standard = SessionSettings()

    /// The longest any session can last (`SESSION_MAX_HOURS` is at most 720 hours), so older
    /// sessions can be removed whatever the settings were.
    public static let longestTimeout: TimeInterval = 720 * 3600

    /// The defaults with `SESSION_IDLE_HOURS` and `SESSION_MAX_HOURS` applied; a value that is
    /// not a positive number of hours is refused.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SessionSettings {
        var settings = SessionSettings()
        if let idle = try hours(environment, "SESSION_IDLE_HOURS") { settings.idleTimeout = idle }
        if let absolute = try hours(environment, "SESSION_MAX_HOURS") { settings.absoluteTimeout = absolute }
        return settings
    }

    private static func hours(_ environment: [String: String], _ name: String) throws -> TimeInterval? {
        guard let text = environment[name] else { return nil }
        let most = longestTimeout / 3600
        guard let hours = Double(text), hours > 0, hours <= most else {
            throw BackOfficeError.invalid(name, "must be a number of hours between 0 and \(Int(most)), not '\(text)'")
        }
        return hours * 3600
    }

    /// Whether a session made at `createdAt` and last used at `lastSeenAt` is still live at `moment`.
    public func isLive(_ session: WebSession, at moment: Date) -> Bool {
        moment < session.lastSeenAt.addingTimeInterval(idleTimeout) && moment < session.createdAt.addingTimeInterval(absoluteTimeout)
    }
}
