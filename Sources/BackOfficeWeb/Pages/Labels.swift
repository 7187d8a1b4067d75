import BackOffice

/// The words of the catalogue for the domain's codes: statuses, priorities, categories,
/// channels, services, roles.
struct Labels {
    let catalogue: Catalogue
    let services: [OmaoloService]

    func status(_ status: TicketStatus) -> String { catalogue.text("status_\(status.rawValue)") }
    func priority(_ priority: TicketPriority) -> String { catalogue.text("priority_\(priority.rawValue)") }
    func category(_ category: TicketCategory) -> String { catalogue.text("category_\(category.rawValue)") }
    func channel(_ channel: TicketChannel) -> String { catalogue.text("channel_\(channel.rawValue)") }

    func service(_ code: String?) -> String? {
        guard let code else { return nil }
        guard let service = services.first(where: { $0.code == code }) else { return code }
        return catalogue.language == .fi ? service.nameFi : service.nameEn
    }

    /// `<option>`s for every value, `selected` chosen.
    func options<Value: RawRepresentable<String> & CaseIterable>(
        _ all: Value.AllCases, selected: String?, label: (Value) -> String
    ) -> [Option] {
        all.map { Option(value: $0.rawValue, label: label($0), selected: $0.rawValue == selected) }
    }

    /// The active services as `<option>`s.
    func serviceOptions(selected: String?) -> [Option] {
        services.filter(\.active).map { Option(value: $0.code, label: service($0.code) ?? $0.code, selected: $0.code == selected) }
    }
}

/// One `<option>` of a `<select>` or `<datalist>`.
struct Option {
    let value: String
    let label: String
    let selected: Bool
}
