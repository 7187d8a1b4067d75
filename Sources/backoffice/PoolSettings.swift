import Foundation

/// The server's connection pool, from the environment: `DATABASE_POOL_SIZE` connections at
/// most (default: twice the processors plus two, 6 on a 2-core machine, which keeps every core
/// of a PostgreSQL on the same machine busy without making the backends queue for them), and
/// `DATABASE_LEASE_TIMEOUT_SECONDS` (default 10) that a request waits for a free connection
/// before it is answered 503.
struct PoolSettings {
    let size: Int
    let leaseTimeout: Duration

    static var defaultSize: Int { 2 * ProcessInfo.processInfo.activeProcessorCount + 2 }

    init(_ environment: [String: String]) throws {
        size = try Self.positive(environment, "DATABASE_POOL_SIZE", default: Self.defaultSize, most: 1000)
        leaseTimeout = .seconds(try Self.positive(environment, "DATABASE_LEASE_TIMEOUT_SECONDS", default: 10, most: 3600))
    }

    private static func positive(_ environment: [String: String], _ name: String, default value: Int, most: Int) throws -> Int {
        guard let given = environment[name] else { return value }
        guard let number = Int(given), (1...most).contains(number) else {
            throw CommandFailure.failed("\(name) must be a whole number from 1 to \(most), not \(given)")
        }
        return number
    }
}
