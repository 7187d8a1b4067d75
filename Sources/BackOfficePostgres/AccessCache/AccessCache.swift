import BackOffice
import Foundation
import Postgres
import Synchronization

/// What bearer tokens and organisation codes stand for, kept in the server's memory so that a
/// request needs no statement to authenticate.
///
/// It is used only while `AccessCacheService` listens to the database's `backoffice_access`
/// channel (migration 0024), and everything in it is dropped on each notification, when the
/// listening connection breaks, and at once when a change is made through this process
/// (`ConnectionPool.accessChanged`). A principal is kept at most until the first moment at
/// which one of its grants or its token starts or ends. A value read while a change came in
/// is not kept (the generation moved on), so nothing stale outlives the notification.
public final class AccessCache: Sendable {
    /// Most principals kept; past it the cache starts again empty.
    static let capacity = 10_000
    /// A principal is read again after this long in any case.
    static let longestKeep: TimeInterval = 600

    struct Entry: Sendable {
        let principal: Principal
        let tokenID: UUID
        let keptUntil: Date
    }

    private struct State {
        var isListening = false
        var generation: UInt64 = 0
        var principals: [Data: Entry] = [:]
        var organisations: [String: Organisation] = [:]

        mutating func clear() {
            generation &+= 1
            principals.removeAll()
            organisations.removeAll()
        }
    }

    private let state = Mutex(State())
    /// When each token's use was last recorded, and the uses waiting to be written.
    let tokenUses = TokenUseLedger()

    /// The cache of the pools that connect to the same database the same way as `pool`,
    /// shared by every store of this process.
    public static func shared(for pool: ConnectionPool) -> AccessCache {
        let connection = pool.configuration.connection
        let key = ([connection.conninfo] + connection.overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" })
            .joined(separator: "\n")
        return registry.withLock { caches in
            if let cache = caches[key] { return cache }
            let cache = AccessCache()
            caches[key] = cache
            return cache
        }
    }

    private static let registry = Mutex<[String: AccessCache]>([:])

    /// Whether the cache is in use: its listener is connected and listening.
    public var isListening: Bool { state.withLock { $0.isListening } }

    /// Moves on whenever the cache is emptied: a value read in one generation is kept only if
    /// it is still the same one.
    public var generation: UInt64 { state.withLock { $0.generation } }

    /// How many principals and organisations are kept now.
    public var counts: (principals: Int, organisations: Int) {
        state.withLock { ($0.principals.count, $0.organisations.count) }
    }

    /// Drops everything: something that a principal or an organisation depends on changed.
    public func invalidate() {
        state.withLock { $0.clear() }
    }

    /// Starts or stops using the cache; it starts empty either way.
    func listening(_ isListening: Bool) {
        state.withLock { state in
            state.clear()
            state.isListening = isListening
        }
    }

    /// The generation to hand back with a value read from the database now; nil when nothing is kept.
    func generationForReading() -> UInt64? {
        state.withLock { $0.isListening ? $0.generation : nil }
    }

    func principal(tokenHash: Data, at moment: Date) -> Entry? {
        state.withLock { state in
            guard state.isListening, let entry = state.principals[tokenHash], entry.keptUntil > moment else { return nil }
            return entry
        }
    }

    func keep(_ entry: Entry, tokenHash: Data, readIn generation: UInt64?) {
        state.withLock { state in
            guard state.isListening, state.generation == generation else { return }
            if state.principals.count >= Self.capacity { state.principals.removeAll() }
            state.principals[tokenHash] = entry
        }
    }

    func organisation(code: String) -> Organisation? {
        state.withLock { $0.isListening ? $0.organisations[code] : nil }
    }

    func keep(_ organisation: Organisation, readIn generation: UInt64?) {
        state.withLock { state in
            guard state.isListening, state.generation == generation else { return }
            if state.organisations.count >= Self.capacity { state.organisations.removeAll() }
            state.organisations[organisation.code] = organisation
        }
    }
}

extension ConnectionPool {
    /// Tells this process's cache at once that what a token or an organisation stands for
    /// changed; other processes hear it from the database's notification.
    func accessChanged() {
        AccessCache.shared(for: self).invalidate()
    }
}
