import BackOffice
import Foundation
import Hummingbird
import Synchronization

extension Request {
    /// The body as `T`, strictly: `Content-Type: application/json` (else 415), one JSON object
    /// (else 400 for what is not JSON at all, 422 for other JSON), and every field known,
    /// present when required and of its type (else 422 naming each field in plain words).
    /// An empty string is never a date: a date left out or `null` is no date.
    func decodeJSON<T: Decodable>(as type: T.Type, context: BackOfficeRequestContext) async throws -> T {
        try requireMediaType("application/json")
        let buffer = try await body.collect(upTo: context.maxUploadSize)
        let data = Data(buffer.readableBytesView)
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw Problem(.badRequest, slug: "malformed", title: "Malformed request body", detail: "the body is not valid JSON")
        }
        guard let fields = object as? [String: Any] else {
            throw BackOfficeError.invalid("body", "must be a JSON object")
        }
        let value: T
        do {
            value = try context.requestDecoder.decode(T.self, from: data)
        } catch let error as DecodingError {
            throw BackOfficeError.invalid([JSONBodyError.fieldError(error)])
        }
        try JSONBodyError.unknownFields(fields, of: value).throwIfAny()
        return value
    }

    /// Refuses a body of another media type than `expected` (parameters such as `charset`
    /// aside) with 415.
    func requireMediaType(_ expected: String) throws {
        let sent = headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard sent == expected else {
            throw Problem(.unsupportedMediaType, slug: "unsupported-media-type", title: "Unsupported media type",
                          detail: "send the body as Content-Type: \(expected)\(sent.map { ", not \($0)" } ?? "")")
        }
    }
}

/// What is wrong with a JSON body, in the words of the API's fields.
enum JSONBodyError {
    /// A decoding failure as one field error: the snake_case path of the field and why.
    static func fieldError(_ error: DecodingError) -> FieldError {
        switch error {
        case .keyNotFound(let key, let context):
            return FieldError(field: path(context.codingPath + [key]), reason: "is required")
        case .valueNotFound(_, let context):
            return FieldError(field: path(context.codingPath), reason: "must not be null")
        case .typeMismatch(let type, let context):
            return FieldError(field: path(context.codingPath), reason: "must be \(kind(of: type))")
        case .dataCorrupted(let context):
            let reason = context.debugDescription.lowercased().contains("date")
                ? "must be a date and time in ISO 8601 with an offset, e.g. 2025-05-01T08:00:00+03:00"
                : "is not a value of the right kind"
            return FieldError(field: path(context.codingPath), reason: reason)
        @unknown default:
            return FieldError(field: "body", reason: "could not be read")
        }
    }

    /// Every key of `fields` (and of the objects within) that `value`'s type has no property
    /// for, as "is not a field of this request".
    static func unknownFields(_ fields: [String: Any], of value: Any, prefix: String = "") -> FieldErrors {
        var errors = FieldErrors()
        let known = fieldNames(of: value)
        for (key, nested) in fields.sorted(by: { $0.key < $1.key }) {
            guard let label = known[key] else {
                errors.add(prefix + key, "is not a field of this request")
                continue
            }
            if let object = nested as? [String: Any],
               let property = Mirror(reflecting: value).children.first(where: { $0.label == label }),
               let present = unwrapped(property.value) {
                for error in unknownFields(object, of: present, prefix: prefix + key + ".").errors { errors.add(error.field, error.reason) }
            }
        }
        return errors
    }

    /// The JSON field names of `value`'s type (its properties' names in snake_case) with the
    /// property each names, read by reflection once per type.
    private static func fieldNames(of value: Any) -> [String: String] {
        let type = ObjectIdentifier(Swift.type(of: value))
        if let names = namesByType.withLock({ $0[type] }) { return names }
        var names: [String: String] = [:]
        for case let label? in Mirror(reflecting: value).children.map(\.label) { names[snakeCase(label)] = label }
        namesByType.withLock { $0[type] = names }
        return names
    }

    private static let namesByType = Mutex<[ObjectIdentifier: [String: String]]>([:])

    /// The wrapped value of an optional, the value itself otherwise; nil for `nil`.
    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map(\.value)
    }

    /// `reporterEmail` → `reporter_email`, as the decoder's `convertFromSnakeCase` reads it.
    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "body" : keys.map { $0.intValue.map { "\($0)" } ?? snakeCase($0.stringValue) }.joined(separator: ".")
    }

    private static func kind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type, is Int32.Type, is Int64.Type: return "a whole number"
        case is Double.Type: return "a number"
        case is Bool.Type: return "true or false"
        case is Date.Type: return "a date and time in ISO 8601"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }
}
