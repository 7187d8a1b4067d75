import ArgumentParser
import BackOffice
import Foundation

/// How a command prints data: an aligned table (default), JSON or CSV.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv

    /// Prints `rows` under `columns` to stdout.
    func print(columns: [String], rows: [[String]]) {
        switch self {
        case .table:
            let widths = columns.indices.map { column in
                ([columns[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
            }
            func line(_ cells: [String]) -> String {
                zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                    .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }
            Swift.print(line(columns))
            Swift.print(line(widths.map { String(repeating: "-", count: $0) }))
            rows.forEach { Swift.print(line($0)) }
        case .json:
            let objects = rows.map { Dictionary(uniqueKeysWithValues: zip(columns, $0)) }
            let data = (try? JSONSerialization.data(withJSONObject: objects, options: [.sortedKeys, .prettyPrinted])) ?? Data()
            Swift.print(String(decoding: data, as: UTF8.self))
        case .csv:
            Swift.print(CSVText.line(columns))
            rows.forEach { Swift.print(CSVText.line($0)) }
        }
    }

    /// Prints one record: its fields one per line in a table, one object in JSON, one row in CSV.
    func print(record fields: [(String, String)]) {
        switch self {
        case .table: OutputFormat.table.print(columns: ["field", "value"], rows: fields.map { [$0.0, $0.1] })
        case .json, .csv: print(columns: fields.map(\.0), rows: [fields.map(\.1)])
        }
    }
}
