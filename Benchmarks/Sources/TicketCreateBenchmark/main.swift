import Foundation
import Postgres

// The ticket-create transaction through the `Postgres` module; `run.sh` runs the same SQL
// through `pgbench -M prepared` in the same run and prints both with their ratio.
//
//   TicketCreateBenchmark prepare   give each client an organisation; print pgbench's conninfo
//   TicketCreateBenchmark script    print the transaction as a pgbench script
//   TicketCreateBenchmark measure   run it from 16 tasks over 16 connections; print tx/s
//
//   DATABASE_URL   the bench database's owner (migrated, demo organisations loaded)
//   BENCH_SECONDS  length of one measurement (default 10)

let environment = ProcessInfo.processInfo.environment
let owner = ConnectionConfiguration(environment["DATABASE_URL"] ?? "")
let app = ConnectionConfiguration(owner.conninfo, overrides: ["user": "backoffice_app"])
let clients = 16
let seconds = Int(environment["BENCH_SECONDS"] ?? "") ?? 10

func printNow(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

do {
    switch CommandLine.arguments.dropFirst().first {
    case "prepare":
        try await BenchSetup.prepare(owner: owner, app: app, slots: clients)
        printNow(try await BenchSetup.conninfo(of: app))
    case "script":
        printNow(TicketCreateTransaction.pgbenchScript)
    case "measure":
        let rate = try await SwiftDriver.measure(app, clients: clients, seconds: seconds)
        printNow(String(format: "%.0f", rate))
    default:
        FileHandle.standardError.write(Data("usage: TicketCreateBenchmark prepare|script|measure\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
    exit(1)
}
