import Foundation

/// A monthly usage file, read and checked whole before anything is stored.
///
/// CSV in UTF-8 (a byte order mark is allowed), a header row of exactly
/// `organisation,service,month,started,completed,forwarded`, then one row per organisation,
/// service and month: codes of the catalogue, the month as `YYYY-MM`, and three counts that are
/// whole numbers of 0 or more. Fields may be wrapped in double quotes and padded with spaces;
/// blank lines are skipped. Any bad line makes the whole file invalid, with every bad line named.
public struct UsageFile: Sendable {
    public static let columns = ["organisation", "service", "month", "started", "completed", "forwarded"]

    /// One row: the organisation and service as indexes of `organisationCodes` and `serviceCodes`.
    public struct Row: Sendable, Equatable {
        public let organisation: Int
        public let service: Int
        public let month: UsageMonth
        public let started: Int
        public let completed: Int
        public let forwarded: Int
    }

    public let organisationCodes: [String]
    public let serviceCodes: [String]
    public let rows: [Row]

    /// The months the file covers, in order.
    public var months: [UsageMonth] { Set(rows.map(\.month)).sorted() }

    /// Reads and checks `bytes` against the catalogue. Throws `.invalid` naming every bad line
    /// (`line 17, month`) and why; `progress` hears the lines done and the lines in all.
    public static func parse(
        _ bytes: [UInt8], catalogue: UsageCatalogue, progress: (Int, Int) -> Void = { _, _ in }
    ) throws(BackOfficeError) -> UsageFile {
        var reader = Reader(catalogue: catalogue)
        bytes.withUnsafeBufferPointer { reader.read($0, progress: progress) }
        try reader.errors.throwIfAny()
        return UsageFile(organisationCodes: reader.organisationCodes, serviceCodes: reader.serviceCodes, rows: reader.rows)
    }
}

extension UsageFile {
    /// The state of one pass over a file.
    struct Reader {
        let organisationCodes: [String]
        let serviceCodes: [String]
        let organisationIndex: [String: Int]
        let serviceIndex: [String: Int]
        var rows: [Row] = []
        var errors = FieldErrors()
        /// (organisation, service, month) → the line that first named it.
        var seen: [UInt64: Int] = [:]

        init(catalogue: UsageCatalogue) {
            organisationCodes = catalogue.organisationCodes.sorted()
            serviceCodes = catalogue.serviceCodes.sorted()
            organisationIndex = Dictionary(uniqueKeysWithValues: organisationCodes.enumerated().map { ($1, $0) })
            serviceIndex = Dictionary(uniqueKeysWithValues: serviceCodes.enumerated().map { ($1, $0) })
        }

        mutating func read(_ file: UnsafeBufferPointer<UInt8>, progress: (Int, Int) -> Void) {
            var start = 0
            if file.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
            let total = Self.lineCount(file)
            var number = 0
            while start < file.count {
                let end = Self.lineEnd(in: file, from: start)
                var line = UnsafeBufferPointer(rebasing: file[start..<end])
                if line.last == UInt8(ascii: "\r") { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                start = end + 1
                number += 1
                if number == 1 {
                    readHeader(line)
                    if !errors.errors.isEmpty { return }
                } else if !line.isEmpty {
                    readRow(line, number: number)
                }
                if number % 50_000 == 0 { progress(number, total) }
            }
            if number == 0 { errors.add("line 1", "the header row is missing: \(UsageFile.columns.joined(separator: ","))") }
            else if rows.isEmpty && errors.errors.isEmpty { errors.add("file", "has no rows after the header") }
            progress(total, total)
        }

        mutating func readHeader(_ line: UnsafeBufferPointer<UInt8>) {
            let names = Self.fields(of: line).map { String(decoding: $0, as: UTF8.self).lowercased() }
            if names != UsageFile.columns {
                errors.add("line 1", "the header must be exactly \(UsageFile.columns.joined(separator: ","))")
            }
        }

        mutating func readRow(_ line: UnsafeBufferPointer<UInt8>, number: Int) {
            let fields = Self.fields(of: line)
            func bad(_ column: String, _ reason: String) { errors.add("line \(number), \(column)", reason) }
            if line.contains(where: { $0 >= 0x80 }) {
                var valid = true
                for (index, field) in fields.enumerated() where String(validating: field, as: UTF8.self) == nil {
                    bad(index < UsageFile.columns.count ? UsageFile.columns[index] : "column \(index + 1)", "is not valid UTF-8")
                    valid = false
                }
                if !valid { return }
            }
            guard fields.count == UsageFile.columns.count else {
                bad("columns", "has \(fields.count) columns, not \(UsageFile.columns.count)")
                return
            }
            let organisationCode = String(decoding: fields[0], as: UTF8.self)
            let organisation = organisationIndex[organisationCode]
            if organisation == nil { bad("organisation", organisationCode.isEmpty ? "is required" : "no organisation has the code \(organisationCode)") }
            let serviceCode = String(decoding: fields[1], as: UTF8.self)
            let service = serviceIndex[serviceCode]
            if service == nil { bad("service", serviceCode.isEmpty ? "is required" : "no Omaolo service has the code \(serviceCode)") }
            let month = UsageMonth.parse(fields[2])
            if month == nil { bad("month", "must be a month YYYY-MM, not \"\(String(decoding: fields[2], as: UTF8.self))\"") }
            var counts: [Int] = []
            for index in 3..<6 {
                switch Self.count(fields[index]) {
                case .success(let value): counts.append(value)
                case .failure(let error): bad(UsageFile.columns[index], error.reason)
                }
            }
            if counts.count == 3 {
                if counts[1] > counts[0] { bad("completed", "\(counts[1]) is more than the \(counts[0]) started") }
                if counts[2] > counts[0] { bad("forwarded", "\(counts[2]) is more than the \(counts[0]) started") }
            }
            guard let organisation, let service, let month, counts.count == 3, counts[1] <= counts[0], counts[2] <= counts[0] else { return }
            let key = UInt64(organisation) << 40 | UInt64(service) << 24 | UInt64(month.year * 12 + month.month)
            if let first = seen[key] {
                bad("month", "\(organisationCode) \(serviceCode) \(month) is already on line \(first)")
                return
            }
            seen[key] = number
            rows.append(Row(
                organisation: organisation, service: service, month: month, started: counts[0], completed: counts[1],
                forwarded: counts[2]))
        }

        /// A count: a whole number from 0 to 2 147 483 647 (PostgreSQL's `integer`).
        static func count(_ field: Field) -> Result<Int, CountError> {
            let digits = (UInt8(ascii: "0")...UInt8(ascii: "9"))
            if field.isEmpty { return .failure(CountError("is required")) }
            if field.first == UInt8(ascii: "-"), field.count > 1, field.dropFirst().allSatisfy(digits.contains) {
                return .failure(CountError("must not be negative"))
            }
            guard field.allSatisfy(digits.contains) else {
                return .failure(CountError("must be a whole number, not \"\(String(decoding: field, as: UTF8.self))\""))
            }
            var value = 0
            for digit in field {
                value = value * 10 + Int(digit - UInt8(ascii: "0"))
                if value > Int(Int32.max) { return .failure(CountError("must be at most \(Int32.max)")) }
            }
            return .success(value)
        }

        struct CountError: Error {
            let reason: String
            init(_ reason: String) { self.reason = reason }
        }

        /// One field of a line, a view into the file's bytes.
        typealias Field = Slice<UnsafeBufferPointer<UInt8>>

        /// The fields of a line split at commas, each without surrounding spaces and quotes.
        static func fields(of line: UnsafeBufferPointer<UInt8>) -> [Field] {
            line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false).map { field in
                var field = field
                while field.first == UInt8(ascii: " ") { field = field.dropFirst() }
                while field.last == UInt8(ascii: " ") { field = field.dropLast() }
                if field.count >= 2, field.first == UInt8(ascii: "\""), field.last == UInt8(ascii: "\"") {
                    field = field.dropFirst().dropLast()
                }
                return field
            }
        }

        /// The index of the next newline at or after `start`, or the end of the file.
        static func lineEnd(in file: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            guard let base = file.baseAddress,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), file.count - start)
            else { return file.count }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }

        /// The lines of the file, the header included.
        static func lineCount(_ file: UnsafeBufferPointer<UInt8>) -> Int {
            var count = 0
            var start = 0
            while start < file.count {
                start = lineEnd(in: file, from: start) + 1
                count += 1
            }
            return count
        }
    }
}
