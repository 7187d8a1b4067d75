import Foundation

/// Where and how to connect: a libpq URL or `key=value` conninfo, plus parameters that
/// override it (for example the login to use).
public struct ConnectionConfiguration: Sendable, Equatable {
    /// A `postgresql://` URL or a `key=value` conninfo; empty means libpq's `PG*` variables.
    public var conninfo: String
    /// Parameters that win over the conninfo, e.g. `["user": "backoffice_app"]`.
    public var overrides: [String: String]

    public init(_ conninfo: String = "", overrides: [String: String] = [:]) {
        self.conninfo = conninfo
        self.overrides = overrides
    }

    /// `DATABASE_URL` (or the named variable) when it is set, libpq's `PG*` variables otherwise.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment,
        variable: String = "DATABASE_URL"
    ) -> ConnectionConfiguration {
        ConnectionConfiguration(environment[variable] ?? "")
    }

    /// libpq keywords in processing order: our defaults, then the conninfo (which may override
    /// them), then `overrides` (which override both).
    var keywordsAndValues: [(String, String)] {
        var pairs: [(String, String)] = [
            ("fallback_application_name", "backoffice"),
            ("connect_timeout", "10"),
            ("dbname", conninfo),
        ]
        for key in overrides.keys.sorted() { pairs.append((key, overrides[key]!)) }
        pairs.append(("client_encoding", "UTF8"))
        return pairs
    }
}
