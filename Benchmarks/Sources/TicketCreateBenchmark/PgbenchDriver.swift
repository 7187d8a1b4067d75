import Foundation

/// Runs the same transaction through `pgbench -M prepared` and reads its throughput.
enum PgbenchDriver {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func measure(conninfo: String, clients: Int, seconds: Int) throws -> Double {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("ticket-create-\(UUID().uuidString).sql")
        try TicketCreateTransaction.pgbenchScript.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pgbench", "-n", "-M", "prepared", "-c", "\(clients)", "-j", "2", "-T", "\(seconds)",
                             "-f", script.path, conninfo]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
              let rate = Double(line.dropFirst(6).prefix { $0 != " " })
        else { throw Failure(description: "pgbench failed:\n\(text)") }
        return rate
    }
}
