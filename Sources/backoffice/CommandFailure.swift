import Foundation
import ArgumentParser
import BackOffice
import Postgres

/// A command that could not do its work: one line on stderr and the exit code of DESIGN.md
/// (1 refused or failed, 69 database unavailable, 77 permission denied).
enum CommandFailure: Error, CustomStringConvertible {
    case failed(String)
    case databaseUnavailable(String)
    case permissionDenied(String)

    var description: String {
        switch self {
        case .failed(let message): return message
        case .databaseUnavailable(let message): return "database unavailable: \(message)"
        case .permissionDenied(let message): return "permission denied: \(message)"
        }
    }

    var exitCode: ExitCode {
        switch self {
        case .failed: return .failure
        case .databaseUnavailable: return ExitCode(69)
        case .permissionDenied: return ExitCode(77)
        }
    }
}

extension AsyncParsableCommand {
    /// Runs `body`; a failure prints one line on stderr and exits with its code.
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            printError("backoffice: \(failure)")
            throw failure.exitCode
        } catch let error as ExitCode {
            throw error
        } catch let error as BackOfficeError {
            printError("backoffice: \(error)")
            switch error {
            case .forbidden, .unauthenticated: throw ExitCode(77)
            case .unavailable, .outcomeUnknown: throw ExitCode(69)
            default: throw ExitCode.failure
            }
        } catch let error as PostgresError where [.connection, .poolTimeout].contains(error.kind) {
            printError("backoffice: database unavailable: \(error.message)")
            throw ExitCode(69)
        } catch {
            printError("backoffice: \(error)")
            throw ExitCode.failure
        }
    }
}

func printError(_ line: String) {
    var standardError = StandardError()
    print(line, to: &standardError)
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
