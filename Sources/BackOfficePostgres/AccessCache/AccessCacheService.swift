import BackOffice
import Foundation
import Logging
import Postgres
import ServiceLifecycle

/// Keeps `AccessCache` in use for as long as a connection of its own listens to the
/// database's `backoffice_access` channel: every notification empties the cache; a broken
/// connection empties it and turns it off until a new one listens. Once a second it also
/// writes the tokens' uses (`last_used_at`) that `TokenUseLedger` collected.
public struct AccessCacheService: Service {
    static let channel = "backoffice_access"
    let pool: ConnectionPool
    let logger: Logger

    public init(pool: ConnectionPool, logger: Logger = Logger(label: "backoffice.access-cache")) {
        self.pool = pool
        self.logger = logger
    }

    /// Listens until graceful shutdown or cancellation, connecting again (after a second)
    /// whenever the connection breaks.
    public func run() async throws {
        let cache = AccessCache.shared(for: pool)
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await listen(cache)
                } catch {
                    cache.listening(false)
                    logger.warning("access cache off: its listening connection broke", metadata: ["error": "\(error)"])
                    try? await Task.sleep(for: .seconds(1))
                }
            }
        }
        cache.listening(false)
        // After a graceful shutdown the last uses are written; a cancelled service drops them.
        if !Task.isCancelled { await markUsed(cache) }
    }

    /// Writes the token uses noted since the last time now (the service does it every second).
    public func recordTokenUses() async throws {
        let uses = AccessCache.shared(for: pool).tokenUses.takeWaiting()
        guard !uses.isEmpty else { return }
        try await PostgresTokenStore.markUsed(uses, pool: pool)
    }

    private func listen(_ cache: AccessCache) async throws {
        var configuration = pool.configuration.connection
        configuration.overrides["application_name"] = (configuration.overrides["application_name"] ?? "backoffice") + " listener"
        let connection = try await Connection.connect(configuration)
        do {
            try await connection.executeScript("LISTEN \(Self.channel)")
            cache.listening(true)
            var lastMarked = ContinuousClock.now
            while !Task.isCancelled {
                if try await connection.nextNotification(within: .milliseconds(200)) != nil {
                    cache.invalidate()
                }
                if ContinuousClock.now - lastMarked >= .seconds(1) {
                    lastMarked = .now
                    await markUsed(cache)
                }
            }
            cache.listening(false)
            await connection.close()
        } catch {
            await connection.close()
            throw error
        }
    }

    /// Writes the waiting token uses; a failure only loses those marks.
    private func markUsed(_ cache: AccessCache) async {
        do {
            try await recordTokenUses()
        } catch {
            logger.warning("token uses not recorded", metadata: ["error": "\(error)"])
        }
    }
}
