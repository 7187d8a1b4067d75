import Crypto
import Foundation

/// One file of `sql/migrations/`: applied once, in file-name order, in its own transaction.
public struct Migration: Sendable, Equatable {
    /// The file name, e.g. `0003_catalogues.sql`.
    public let name: String
    /// The leading number, e.g. `0003`; it orders the files and keys the record of them.
    public let version: String
    public let sql: String
    /// The SHA-256 of the file's bytes, in lowercase hex.
    public let sha256: String

    public init(name: String, sql: Data) throws {
        guard let version = Migration.version(ofFileName: name) else {
            throw MigrationError.badFileName(name)
        }
        guard let text = String(data: sql, encoding: .utf8) else {
            throw MigrationError.notUTF8(name)
        }
        self.name = name
        self.version = version
        self.sql = text
        sha256 = SHA256.hash(data: sql).map { String(format: "%02x", $0) }.joined()
    }

    /// `0001` for `0001_roles.sql`; nil for names that are not `NNNN_lowercase_words.sql`.
    static func version(ofFileName name: String) -> String? {
        guard name.hasSuffix(".sql") else { return nil }
        let stem = name.dropLast(4)
        let parts = stem.split(separator: "_", maxSplits: 1)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].allSatisfy({ $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == "_" })
        else { return nil }
        return String(parts[0])
    }

    /// The migrations of a folder, in order; refuses stray `.sql` names and duplicate numbers.
    public static func load(from directory: URL) throws -> [Migration] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw MigrationError.unreadableDirectory(directory.path)
        }
        let migrations = try names.filter { $0.hasSuffix(".sql") }.sorted().map { name in
            try Migration(name: name, sql: Data(contentsOf: directory.appendingPathComponent(name)))
        }
        var seen: [String: String] = [:]
        for migration in migrations {
            if let other = seen[migration.version] { throw MigrationError.duplicateVersion(other, migration.name) }
            seen[migration.version] = migration.name
        }
        return migrations
    }

    /// `$BACKOFFICE_MIGRATIONS`, or the first `sql/migrations` found walking up from the
    /// working directory or from the executable.
    public static func locateDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> URL {
        if let configured = environment["BACKOFFICE_MIGRATIONS"] { return URL(fileURLWithPath: configured) }
        let starts = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent(),
        ]
        for start in starts {
            var folder = start.standardizedFileURL
            while folder.path != "/" {
                let candidate = folder.appendingPathComponent("sql/migrations")
                if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
                folder.deleteLastPathComponent()
            }
        }
        throw MigrationError.directoryNotFound
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Why migrations could not be read or applied.
public enum MigrationError: Error, Equatable, CustomStringConvertible {
    case directoryNotFound
    case unreadableDirectory(String)
    case badFileName(String)
    case notUTF8(String)
    case duplicateVersion(String, String)
    case changedAfterApplied(name: String, recorded: String, actual: String)
    case appliedFileMissing(String)
    case failed(name: String, reason: String)

    public var description: String {
        switch self {
        case .directoryNotFound:
            return "no sql/migrations folder found; set BACKOFFICE_MIGRATIONS to its path"
        case .unreadableDirectory(let path):
            return "the migrations folder \(path) cannot be read"
        case .badFileName(let name):
            return "migration file \(name) is not named NNNN_lowercase_words.sql"
        case .notUTF8(let name):
            return "migration file \(name) is not valid UTF-8"
        case .duplicateVersion(let first, let second):
            return "migration files \(first) and \(second) share a number"
        case .changedAfterApplied(let name, let recorded, let actual):
            return "migration \(name) was changed after it was applied (applied sha256 \(recorded), file now \(actual)); "
                + "add a new migration instead of editing an applied one"
        case .appliedFileMissing(let name):
            return "migration \(name) was applied to this database but its file is missing"
        case .failed(let name, let reason):
            return "migration \(name) failed and was rolled back: \(reason)"
        }
    }
}
