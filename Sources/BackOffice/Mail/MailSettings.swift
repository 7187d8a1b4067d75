import Foundation

/// How the back office sends and recognises mail, from the environment:
/// `MAIL_FROM` (the county-wide desk address, default `tuki@pohde.example`),
/// `MAIL_DESK_ADDRESSES` (per organisation: `OULU-TK=tuki-oulu@pohde.example,…`),
/// `SENDMAIL` (default `/usr/sbin/sendmail`), `MAIL_NOTIFICATIONS_OFF` (kinds not sent:
/// `received,resolved,…`).
public struct MailSettings: Sendable, Equatable {
    public var from: String
    /// Organisation code → the desk address of that organisation.
    public var deskAddresses: [String: String]
    public var sendmail: String
    public var disabledKinds: Set<MailKind>

    public init(from: String = "tuki@pohde.example", deskAddresses: [String: String] = [:],
                sendmail: String = "/usr/sbin/sendmail", disabledKinds: Set<MailKind> = []) {
        self.from = from.lowercased()
        self.deskAddresses = Dictionary(uniqueKeysWithValues: deskAddresses.map { ($0.key.uppercased(), $0.value.lowercased()) })
        self.sendmail = sendmail
        self.disabledKinds = disabledKinds
    }

    /// Every kind turned off: what the demo seeds use, whose history is not news.
    public static let silent = MailSettings(disabledKinds: Set(MailKind.allCases))

    /// Reads the settings; a malformed one is refused with the variable named.
    public static func fromEnvironment(_ environment: [String: String]) throws -> MailSettings {
        var errors = FieldErrors()
        let from = environment["MAIL_FROM"].flatMap { errors.check(Validation.email($0, field: "MAIL_FROM")) }
        var desks: [String: String] = [:]
        for entry in (environment["MAIL_DESK_ADDRESSES"] ?? "").split(separator: ",") {
            let pair = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, let address = errors.check(Validation.email(pair[1], field: "MAIL_DESK_ADDRESSES")) else {
                errors.add("MAIL_DESK_ADDRESSES", "give CODE=address pairs separated by commas")
                continue
            }
            desks[pair[0]] = address
        }
        var kinds: Set<MailKind> = []
        for name in (environment["MAIL_NOTIFICATIONS_OFF"] ?? "").split(separator: ",") {
            if let kind = errors.check(MailKind.named(name.trimmingCharacters(in: .whitespaces), field: "MAIL_NOTIFICATIONS_OFF")) {
                kinds.insert(kind)
            }
        }
        try errors.throwIfAny()
        return MailSettings(from: from ?? "tuki@pohde.example", deskAddresses: desks,
                            sendmail: environment["SENDMAIL"] ?? "/usr/sbin/sendmail", disabledKinds: kinds)
    }

    /// The address the organisation's desk writes from and receives at.
    public func deskAddress(of organisationCode: String) -> String {
        deskAddresses[organisationCode.uppercased()] ?? from
    }

    /// Whether `address` is one of the desk's own (mail from it would loop).
    public func isOwn(_ address: String) -> Bool {
        let address = address.lowercased()
        return address == from || deskAddresses.values.contains(address)
    }
}
