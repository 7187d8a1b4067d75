import BackOffice
import Foundation
import Postgres

/// Writes a usage file's rows to `usage_staging` in COPY's text format, byte by byte, since a
/// million rows through string interpolation would cost more than the database's own work.
enum UsageCopy {
    static func send(
        _ file: UsageFile, organisations: [UUID], services: [UUID], in transaction: Transaction,
        progress: @Sendable (UsageImportProgress) -> Void
    ) async throws {
        let organisationBytes = organisations.map { Array($0.uuidString.lowercased().utf8) }
        let serviceBytes = services.map { Array($0.uuidString.lowercased().utf8) }
        let total = file.rows.count
        progress(UsageImportProgress(.loading, done: 0, total: total))
        try await transaction.copyFrom(
            "COPY usage_staging (org_id, service_id, month, started, completed, forwarded) FROM STDIN"
        ) { writer in
            var line: [UInt8] = []
            line.reserveCapacity(128 * 1024)
            for (index, row) in file.rows.enumerated() {
                line += organisationBytes[row.organisation]
                line.append(tab)
                line += serviceBytes[row.service]
                line.append(tab)
                append(row.month.year, width: 4, to: &line)
                line.append(UInt8(ascii: "-"))
                append(row.month.month, width: 2, to: &line)
                line += Array("-01".utf8)
                for count in [row.started, row.completed, row.forwarded] {
                    line.append(tab)
                    append(count, width: 1, to: &line)
                }
                line.append(UInt8(ascii: "\n"))
                if line.count >= 120 * 1024 {
                    try await writer.write(line)
                    line.removeAll(keepingCapacity: true)
                }
                if (index + 1) % 50_000 == 0 { progress(UsageImportProgress(.loading, done: index + 1, total: total)) }
            }
            try await writer.write(line)
        }
        progress(UsageImportProgress(.loading, done: total, total: total))
    }

    private static let tab = UInt8(ascii: "\t")

    /// The decimal digits of a value of 0 or more, zero-padded to `width`.
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if digits.count < width { digits += Array(repeating: UInt8(ascii: "0"), count: width - digits.count) }
        bytes += digits.reversed()
    }
}
