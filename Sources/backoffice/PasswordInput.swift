import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new password from standard input: on a terminal asked twice without echo, otherwise the
/// first line of what is piped in (so it never appears in the arguments or the shell history).
enum PasswordInput {
    static func read() throws -> String {
        guard isatty(STDIN_FILENO) == 1 else { return readLine(strippingNewline: true) ?? "" }
        let password = try ask("New password: ")
        guard try ask("Once more: ") == password else { throw CommandFailure.failed("the two passwords differ") }
        return password
    }

    /// A line typed after `prompt` (on stderr) with echo off, restored afterwards.
    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw CommandFailure.failed("cannot read the terminal's settings") }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure.failed("no password given") }
        return line
    }
}
