/// Seals the cursors of lists, so that a client can only hand back a cursor this server made:
/// a forged or altered one is refused instead of being read as a position in the list. The
/// domain names the keys; how they are signed is the store's concern.
public protocol CursorSeal: Sendable {
    /// `key` with its signature, as the client sees it: URL-safe, opaque.
    func seal(_ key: String) -> String
    /// The key sealed in `cursor`, or nil if this server did not seal it.
    func open(_ cursor: String) -> String?
}
