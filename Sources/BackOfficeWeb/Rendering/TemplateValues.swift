/// A page's view turned, once per render, into the dictionaries and arrays that swift-mustache
/// reads by key: otherwise every `{{name}}` reflects over its struct (and, missing there, over
/// each one up the context stack), which made a queue page of 50 rows cost ~100 ms of Mirror.
/// Nil values are left out, as Mustache treats a nil field like a missing one.
enum TemplateValues {
    static func of(_ value: Any) -> Any? {
        switch value {
        case is String, is Int, is Bool, is Double, is [String: String]:
            return value
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { of($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let field = of(child.value) { fields[label] = field }
            }
            return fields
        case .collection, .set:
            return mirror.children.compactMap { of($0.value) }
        default:
            return value
        }
    }
}
