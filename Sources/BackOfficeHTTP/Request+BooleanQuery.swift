import BackOffice
import Hummingbird

extension Request {
    /// The query parameter `name` as a boolean: false when absent, `true` or `false` when
    /// given, and anything else an invalid field.
    func booleanQuery(_ name: String) throws -> Bool {
        guard let value = uri.queryParameters[Substring(name)] else { return false }
        switch value {
        case "false": return false
        case "true": return true
        default: throw BackOfficeError.invalid(name, "must be true or false")
        }
    }
}
