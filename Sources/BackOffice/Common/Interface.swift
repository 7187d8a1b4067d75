/// Through which door a change came in; recorded with every audited change.
public enum Interface: String, Sendable, Codable, CaseIterable {
    case cli, http, web, system
}
