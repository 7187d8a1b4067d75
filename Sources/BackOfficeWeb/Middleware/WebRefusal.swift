/// Why the web pages refused a request before any service was asked.
enum WebRefusal: Error, Equatable {
    /// The request came from another site (`Origin`, `Sec-Fetch-Site`).
    case crossSite
    /// The form's token is missing or is not this session's: 403.
    case missingFormToken
    /// A change not sent as a form.
    case notAForm
    /// The form could not be decoded (bad escapes, invalid UTF-8, NUL characters).
    case malformedForm
}
