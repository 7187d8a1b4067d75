import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension ChildProcess {
    /// A program left running in the background (a server), its standard error in a file.
    public final class Running: Sendable {
        public let processID: pid_t
        public let errorsPath: String

        init(processID: pid_t, errorsPath: String) {
            self.processID = processID
            self.errorsPath = errorsPath
        }

        /// What it wrote to standard error so far.
        public var errors: String { (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? "" }

        /// Sends SIGTERM and waits (on a thread of its own) for it to end.
        public func stop() async {
            kill(processID, SIGTERM)
            let processID = processID
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                Thread {
                    var status: Int32 = 0
                    while waitpid(processID, &status, 0) == -1, errno == EINTR {}
                    continuation.resume()
                }.start()
            }
        }
    }

    /// Starts `executable` in the background with no standard input and its output discarded.
    public static func start(_ executable: String, _ arguments: [String], environment: [String: String]) throws -> Running {
        let errorsPath = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString).err").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errorsPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else { throw SpawnFailed(description: "could not start \(executable): error \(spawned)") }
        return Running(processID: pid, errorsPath: errorsPath)
    }

    /// A loopback TCP port that was free a moment ago.
    public static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw SpawnFailed(description: "no socket: error \(errno)") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(socketDescriptor, socketAddress, length) == 0 && getsockname(socketDescriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw SpawnFailed(description: "no free port: error \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
