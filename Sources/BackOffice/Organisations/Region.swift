import Foundation

/// A part of the county; reports group by it.
public struct Region: Sendable, Equatable, Identifiable {
    public let id: UUID
    public let code: String
    public let name: String

    public init(id: UUID, code: String, name: String) {
        self.id = id
        self.code = code
        self.name = name
    }
}
