import BackOffice
import Foundation
import Postgres

/// Writes a usage file's rows to `usage_staging` in COPY's text format, formatted straight into
/// a byte buffer (no string per row) and sent in chunks of about 120 KiB.
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
            var chunk: [UInt8] = []
            chunk.reserveCapacity(128 * 1024)
            for (index, row) in file.rows.enumerated() {
                chunk += organisationBytes[row.organisation]
                chunk.append(tab)
                chunk += serviceBytes[row.service]
                chunk.append(tab)
                append(row.month.year, width: 4, to: &chunk)
                chunk.append(UInt8(ascii: "-"))
                append(row.month.month, width: 2, to: &chunk)
                chunk += firstDay
                chunk.append(tab)
                append(row.started, width: 1, to: &chunk)
                chunk.append(tab)
                append(row.completed, width: 1, to: &chunk)
                chunk.append(tab)
                append(row.forwarded, width: 1, to: &chunk)
                chunk.append(UInt8(ascii: "\n"))
                if chunk.count >= 120 * 1024 {
                    try await writer.write(chunk)
                    chunk.removeAll(keepingCapacity: true)
                }
                if (index + 1) % 50_000 == 0 { progress(UsageImportProgress(.loading, done: index + 1, total: total)) }
            }
            try await writer.write(chunk)
        }
        progress(UsageImportProgress(.loading, done: total, total: total))
    }

    private static let tab = UInt8(ascii: "\t")
    private static let firstDay = Array("-01".utf8)

    /// The decimal digits of a value of 0 or more, zero-padded to `width`.
    private static func append(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        let start = bytes.endIndex
        var rest = value
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0 || bytes.endIndex - start < width
        bytes[start...].reverse()
    }
}
