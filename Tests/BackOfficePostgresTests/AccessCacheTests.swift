import BackOffice
import BackOfficePostgres
import BackOfficeTestSupport
import Foundation
import Postgres
import PostgresTestSupport
import Testing

/// Principals and organisation codes kept in memory while the process listens to the
/// database's notifications, and the token uses written off the request's path.
@Suite("Access cache")
struct AccessCacheTests {
    /// Runs `body` with a pool of the app login whose cache is its own (its own
    /// application_name) and whose listener runs.
    static func withListeningPool(
        _ name: String, _ body: @Sendable (ConnectionPool, AccessCache, String) async throws -> Void
    ) async throws {
        var configuration = try TestDatabase.appConfiguration()
        let applicationName = "\(name)-\(UUID().uuidString.prefix(8).lowercased())"
        configuration.overrides["application_name"] = applicationName
        let pool = try TestDatabase.pool(configuration, maximumConnections: 2)
        let cache = AccessCache.shared(for: pool)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await AccessCacheService(pool: pool).run() }
            try await eventually("the cache's listener listens", within: .seconds(60)) { cache.isListening }
            do {
                try await body(pool, cache, applicationName)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
        await pool.close()
    }

    /// Reads the principal of `secret` until the cache keeps it: other tests' changes to the
    /// same database empty it now and then.
    static func kept(_ secret: String, _ tokens: TokenService, _ cache: AccessCache) async throws {
        try await eventually("the principal is kept", within: .seconds(60)) {
            _ = try await tokens.principal(bearer: secret, interface: .http)
            return cache.counts.principals > 0
        }
    }

    @Test func aBrokenListenerEmptiesTheCacheWhichMissesNothingMeanwhileAndServesAgainOnceListening() async throws {
        try await Self.withListeningPool("cache-drop") { pool, cache, applicationName in
            let fixture = try await AccessFixture.make(app: pool)
            let tokens = TokenService(store: PostgresTokenStore(pool: pool))
            let made = try await tokens.create(for: fixture.member.id, name: "kuuntelija", expiresInDays: 1)
            try await Self.kept(made.secret, tokens, cache)

            let owner = try TestDatabase.configuration()
            try await TestDatabase.withConnection(try TestDatabase.appConfiguration()) { connection in
                let ended = try await connection.query("""
                    SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = \(applicationName + " listener")
                    """)
                #expect(ended.count == 1)
            }
            try await eventually("the cache stops on the broken connection") { !cache.isListening }
            #expect(cache.counts.principals == 0)
            // Revoked behind the cache's back, while no one listens: the next request reads it afresh.
            try await TestDatabase.withConnection(owner) { connection in
                try await connection.execute("UPDATE api_tokens SET revoked_at = now() WHERE id = \(made.token.id)")
            }
            await #expect(throws: BackOfficeError.self) { try await tokens.principal(bearer: made.secret, interface: .http) }

            try await eventually("a new connection listens", within: .seconds(60)) { cache.isListening }
            let other = try await tokens.create(for: fixture.adminA.id, name: "uusi", expiresInDays: 1)
            try await Self.kept(other.secret, tokens, cache)
            await #expect(throws: BackOfficeError.self) { try await tokens.principal(bearer: made.secret, interface: .http) }
        }
    }

    @Test func aChangeByAnotherConnectionEmptiesTheCacheByItsNotification() async throws {
        try await Self.withListeningPool("cache-notify") { pool, cache, _ in
            let fixture = try await AccessFixture.make(app: pool)
            let tokens = TokenService(store: PostgresTokenStore(pool: pool))
            let made = try await tokens.create(for: fixture.member.id, name: "ilmoitus", expiresInDays: 1)
            try await Self.kept(made.secret, tokens, cache)
            try await TestDatabase.withConnection(try TestDatabase.configuration()) { connection in
                try await connection.execute("UPDATE people SET active = false WHERE id = \(fixture.member.id)")
            }
            try await eventually("the notification empties the cache", within: .seconds(5)) { cache.counts.principals == 0 }
            await #expect(throws: BackOfficeError.self) { try await tokens.principal(bearer: made.secret, interface: .http) }
        }
    }

    @Test func aTokensLastUseMovesAtMostOnceAMinute() async throws {
        try await Self.withListeningPool("token-use") { pool, _, _ in
            let fixture = try await AccessFixture.make(app: pool)
            let store = PostgresTokenStore(pool: pool)
            let clock = SettableClock()
            clock.set(Date(timeIntervalSince1970: (Date().timeIntervalSince1970 / 60).rounded(.down) * 60 + 3600))
            let tokens = TokenService(store: store, clock: { clock.now })
            let made = try await tokens.create(for: fixture.member.id, name: "kaytto", expiresInDays: 2)
            func lastUsed() async throws -> Date? {
                try await store.tokens(of: fixture.member.id).first { $0.id == made.token.id }?.lastUsedAt
            }
            let start = clock.now
            _ = try await tokens.principal(bearer: made.secret, interface: .http)
            try await eventually("the first use is recorded") { try await lastUsed() != nil }
            #expect(abs(try await lastUsed()!.timeIntervalSince(start)) < 0.001)

            for seconds in [1.0, 30, 59] {
                clock.set(start.addingTimeInterval(seconds))
                _ = try await tokens.principal(bearer: made.secret, interface: .http)
            }
            try await AccessCacheService(pool: pool).recordTokenUses()
            #expect(abs(try await lastUsed()!.timeIntervalSince(start)) < 0.001)

            clock.set(start.addingTimeInterval(61))
            _ = try await tokens.principal(bearer: made.secret, interface: .http)
            try await eventually("the use a minute later is recorded") {
                abs(try await lastUsed()!.timeIntervalSince(start.addingTimeInterval(61))) < 0.001
            }
        }
    }
}
