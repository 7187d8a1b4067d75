import BackOffice
import Postgres

/// The domain's days bind and decode as PostgreSQL `date`s (through `CalendarDate`), so stores
/// pass them as they are.
extension LocalDate: PostgresEncodable, PostgresDecodable {
    public func postgresBind() throws(PostgresError) -> PostgresBind {
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            throw PostgresError(.invalidParameter, "\(self) is outside the years 1 to 9999 that a date holds here")
        }
        return try date.postgresBind()
    }

    public static func decode(_ text: String, typeOID: UInt32) -> LocalDate? {
        CalendarDate.decode(text, typeOID: typeOID).map { LocalDate(year: $0.year, month: $0.month, day: $0.day) }
    }
}
