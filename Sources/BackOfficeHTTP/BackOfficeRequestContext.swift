import BackOffice
import Foundation
import Hummingbird
import NIOCore

/// The context of one request: Hummingbird's core, the authenticated principal, and JSON in
/// snake_case with ISO 8601 dates, as every area's API speaks it.
public struct BackOfficeRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `BearerAuthMiddleware` for routes under `/api/v1`.
    public var principal: Principal?
    /// The client's address (nil in tests without a network connection).
    public let remoteAddress: SocketAddress?

    public init(source: Source) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Bodies larger than 1 MiB are refused (413) before they are decoded.
    public var maxUploadSize: Int { 1024 * 1024 }

    public var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        // ISO 8601 as `.iso8601` reads it, with the field named when a value is not one.
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            guard let date = ISO8601DateFormatter().date(from: try container.decode(String.self)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date and time")
            }
            return date
        }
        return decoder
    }

    /// The answers' bodies other than the hot ones (`JSONWritable`): the bodies name their
    /// snake_case keys themselves (`CodingKeys`); Foundation's encoder writes an object's keys
    /// in no fixed order (its dictionary's, which changes from one call to the next); dates as
    /// `InternetDateText`. One encoder for all.
    public var responseEncoder: JSONEncoder { Self.encoder }

    private static let encoder = answerEncoder()

    /// A new encoder set up as `responseEncoder` is (tests compare the written answers with it).
    static func answerEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(InternetDateText.string(from: date))
        }
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    /// The authenticated principal; the auth middleware guarantees one on API routes.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw BackOfficeError.unauthenticated("a bearer token is required") }
        return principal
    }
}
