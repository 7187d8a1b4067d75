import Foundation

/// A queue saved under a name by the person who made it: their own, or (made by a county
/// admin) shared with everyone at the desk. Only its owner renames or deletes it.
public struct SavedView: Sendable, Equatable {
    public let id: UUID
    public let ownerID: UUID
    public let ownerEmail: String
    public let name: String
    /// Seen by everyone at the desk, not only by its owner.
    public let shared: Bool
    public let filters: QueueFilters
    public let createdAt: Date

    public init(id: UUID, ownerID: UUID, ownerEmail: String, name: String, shared: Bool, filters: QueueFilters, createdAt: Date) {
        self.id = id
        self.ownerID = ownerID
        self.ownerEmail = ownerEmail
        self.name = name
        self.shared = shared
        self.filters = filters
        self.createdAt = createdAt
    }
}

/// What the saved views need from storage. Row-level security keyed on the acting person
/// lets a person read their own views and the shared ones, and change their own only.
public protocol SavedViewStore: Sendable {
    /// The actor's own views and the shared ones, by name.
    func views(visibleTo actor: UUID) async throws -> [SavedView]
    /// Stores a new view of `actor`; a name they already use is a conflict.
    func save(name: String, shared: Bool, filters: QueueFilters, by actor: UUID) async throws -> SavedView
    /// Renames the actor's own view `id` (nil: none of theirs has that id).
    func rename(_ id: UUID, to name: String, by actor: UUID) async throws -> SavedView?
    /// Deletes the actor's own view `id`; false if none of theirs has that id.
    func delete(_ id: UUID, by actor: UUID) async throws -> Bool
}
