import Foundation

/// Hands a whole message to the machine's mail system.
public protocol MailTransport: Sendable {
    /// Returns when the mail system has taken the message; throws `MailTransportError` if not.
    func send(_ message: String) async throws
}

/// The mail system did not take a message: what it said.
public struct MailTransportError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// `sendmail -t -i` (msmtp's, postfix's or exim's): recipients from the headers, a lone dot
/// is no end. `command` is the program and any arguments of its own (`SENDMAIL`).
public struct SendmailTransport: MailTransport {
    public let command: [String]

    public init(_ setting: String) {
        command = setting.split(separator: " ").map(String.init)
    }

    public func send(_ message: String) async throws {
        guard let program = command.first else { throw MailTransportError("SENDMAIL is empty") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst()) + ["-t", "-i"]
        // the message from a file, not a pipe: a program that exits early cannot SIGPIPE us
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("backoffice-mail-\(UUID().uuidString)")
        try Data(message.utf8).write(to: file, options: [.atomic])
        defer { try? FileManager.default.removeItem(at: file) }
        let input = try FileHandle(forReadingFrom: file)
        defer { try? input.close() }
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: MailTransportError("\(program) could not be started: \(error.localizedDescription)"))
            }
        }
        guard status == 0 else {
            let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            throw MailTransportError("\(program) exited with \(status)\(said.isEmpty ? "" : ": " + said.prefix(500))")
        }
    }
}
