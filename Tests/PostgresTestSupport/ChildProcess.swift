import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and returns its exit status and standard output; standard
/// error goes to a file as well. It waits on a thread of its own (`waitpid`), never on the
/// cooperative pool, and does not depend on Foundation's `Process`, whose termination
/// notice does not always arrive when the child leaves daemons behind (as `pg_ctl` does).
public enum ChildProcess {
    public struct Outcome: Sendable {
        public let status: Int32
        public let output: String
        public let errors: String
    }

    /// `input`, when given, is the child's standard input (otherwise `/dev/null`).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], input: String? = nil
    ) async throws -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outputPath = folder.appendingPathComponent("out").path
        let errorPath = folder.appendingPathComponent("err").path
        let inputPath = input == nil ? "/dev/null" : folder.appendingPathComponent("in").path
        if let input { try input.write(toFile: inputPath, atomically: false, encoding: .utf8) }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result {
                    try spawnAndWait(
                        executable, arguments, environment: environment, input: inputPath, output: outputPath, errors: errorPath)
                })
            }
            thread.start()
        }
        return Outcome(
            status: status,
            output: (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "",
            errors: (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? "")
    }

    public struct SpawnFailed: Error, CustomStringConvertible {
        public let description: String
    }

    private static func spawnAndWait(
        _ executable: String, _ arguments: [String], environment: [String: String], input: String, output: String, errors: String
    ) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errors, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(description: "could not start \(executable): error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw SpawnFailed(description: "waitpid failed: error \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        return status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    }
}
