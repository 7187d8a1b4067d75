import Foundation

/// The wire names of an enumeration's cases, for messages that list what is allowed.
public protocol NamedCases: RawRepresentable<String>, CaseIterable {}

extension NamedCases {
    /// "a, b or c".
    public static var namesListed: String {
        let names = allCases.map(\.rawValue)
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The case named exactly `name` (no other case or spacing), or a field error listing the
    /// allowed names.
    public static func named(_ name: String, field: String) -> Result<Self, FieldError> {
        guard let value = Self(rawValue: name) else {
            return .failure(FieldError(field: field, reason: "must be one of \(namesListed)"))
        }
        return .success(value)
    }
}

extension TicketCategory: NamedCases {}
extension TicketChannel: NamedCases {}
extension TicketPriority: NamedCases {}
extension TicketStatus: NamedCases {}
