import Foundation

/// A local SMTP sink for the mail tests (`scripts/smtp-sink.py`: aiosmtpd, from the virtual
/// environment `scripts/mail-tools.sh` makes) on a free loopback port, and an msmtp
/// configuration that sends to it: a real `sendmail -t -i` into a real SMTP server.
public final class SMTPSink {
    public let port: Int
    public let directory: URL
    private let process: Process
    private let input: Pipe

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Starts the sink and returns once it listens (it prints its port then).
    public static func start() async throws -> SMTPSink {
        let python = root.appendingPathComponent(".build/mail-venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw SinkError("no \(python.path): run scripts/mail-tools.sh (make test does)")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-sink-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = python
        process.arguments = [root.appendingPathComponent("scripts/smtp-sink.py").path, directory.path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        let line: String = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var data = Data()
                while !data.contains(0x0A) {
                    let chunk = output.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    data.append(chunk)
                }
                continuation.resume(returning: String(decoding: data, as: UTF8.self))
            }
        }
        guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw SinkError("the SMTP sink did not start: \(line)")
        }
        return SMTPSink(port: port, directory: directory, process: process, input: input)
    }

    private init(port: Int, directory: URL, process: Process, input: Pipe) {
        self.port = port
        self.directory = directory
        self.process = process
        self.input = input
    }

    /// `SENDMAIL` for msmtp sending to this sink (its configuration written beside the mails).
    public func sendmail(from: String) throws -> String {
        let configuration = directory.appendingPathComponent("msmtprc")
        try "account default\nhost 127.0.0.1\nport \(port)\nfrom \(from)\nauth off\ntls off\n"
            .write(to: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configuration.path)
        guard let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first(where: FileManager.default.isExecutableFile) else {
            throw SinkError("no msmtp: run scripts/mail-tools.sh (make test does)")
        }
        return "\(msmtp) -C \(configuration.path)"
    }

    /// The messages received so far, in order, each with `X-Envelope-From` and `X-Envelope-To` on top.
    public func messages() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".eml") }.sorted()
            .map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
    }

    /// Stops the sink (SIGTERM; without waiting, which would hold a thread of the
    /// cooperative pool) and removes what it received.
    public func stop() {
        process.terminate()
        try? input.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: directory)
    }

    struct SinkError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
