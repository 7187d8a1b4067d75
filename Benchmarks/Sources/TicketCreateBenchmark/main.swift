import Foundation
import Postgres

// Throughput of the ticket-create transaction through the `Postgres` module and through
// `pgbench -M prepared`, same SQL, same database, same run, same concurrency; printed with
// their ratio. Rounds alternate between the drivers so neither gets the warmer cache.
//
//   DATABASE_URL   the bench database's owner (migrated, demo organisations loaded)
//   BENCH_SECONDS  length of one round (default 10)
//   BENCH_ROUNDS   rounds per driver (default 2)

let environment = ProcessInfo.processInfo.environment
let ownerURL = environment["DATABASE_URL"] ?? ""
let clients = 16
let seconds = Int(environment["BENCH_SECONDS"] ?? "") ?? 10
let rounds = Int(environment["BENCH_ROUNDS"] ?? "") ?? 2
let app = ConnectionConfiguration(ownerURL, overrides: ["user": "backoffice_app"])

try await BenchSetup.prepare(owner: ConnectionConfiguration(ownerURL), app: app, slots: clients)
let appURL = try await BenchSetup.conninfo(of: app)

var swiftRates: [Double] = []
var pgbenchRates: [Double] = []
for round in 1...rounds {
    let swiftRate = try await SwiftDriver.measure(app, clients: clients, seconds: seconds)
    print(String(format: "round %d  Postgres module  %8.0f tx/s", round, swiftRate))
    swiftRates.append(swiftRate)
    let pgbenchRate = try PgbenchDriver.measure(conninfo: appURL, clients: clients, seconds: seconds)
    print(String(format: "round %d  pgbench          %8.0f tx/s", round, pgbenchRate))
    pgbenchRates.append(pgbenchRate)
}
let swiftMean = swiftRates.reduce(0, +) / Double(rounds)
let pgbenchMean = pgbenchRates.reduce(0, +) / Double(rounds)
print(String(
    format: "ticket-create, %d clients over %d connections, %d s x %d rounds:\n  Postgres module  %8.0f tx/s\n  pgbench -M prepared %5.0f tx/s\n  ratio            %8.2f x",
    clients, clients, seconds, rounds, swiftMean, pgbenchMean, swiftMean / pgbenchMean))
