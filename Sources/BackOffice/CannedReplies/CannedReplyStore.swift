import Foundation

/// What the canned-reply service needs from storage. Each set is read and changed in its
/// owner's tenant scope (the county's own organisation for the county-wide set).
public protocol CannedReplyStore: Sendable {
    /// The set of `owner`, by title.
    func replies(of owner: Organisation) async throws -> [CannedReply]
    func reply(id: UUID, of owner: Organisation) async throws -> CannedReply?
    /// The organisation whose set holds `id`, looked up in the county scope (for county roles).
    func owner(ofReply id: UUID) async throws -> UUID?
    /// Stores a new reply; a title the set already has is a `.conflict`.
    func create(_ fields: CannedReplyFields, of owner: Organisation, by actor: UUID) async throws -> CannedReply
    /// Replaces the fields of `id`; nil when the set has no such reply.
    func update(id: UUID, of owner: Organisation, to fields: CannedReplyFields, by actor: UUID) async throws -> CannedReply?
    /// Removes `id`; false when the set has no such reply.
    func delete(id: UUID, of owner: Organisation) async throws -> Bool
    /// Counts one more use of `id` at `moment`.
    func recordUse(of id: UUID, of owner: Organisation, at moment: Date) async throws
    /// A person's full name, for `{{agentti}}`.
    func fullName(of person: UUID) async throws -> String?
}
