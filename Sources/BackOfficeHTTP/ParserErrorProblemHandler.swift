import Hummingbird
import HummingbirdCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers a request that HTTP parsing refuses before any route sees it (a request line or
/// headers over the size limit, a malformed request) with a problem document, where
/// Hummingbird alone answers an empty 400: 431 for what is too large, 400 for the rest. The
/// connection is closed afterwards, as it must be after a parser error. A parser error in the
/// middle of a response is passed on, since no second answer can be written then.
final class ParserErrorProblemHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var responding = false

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.kind != .informational: responding = true
        case .end: responding = false
        default: break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parserError = error as? HTTPParserError, !responding, let body = try? Self.problem(parserError).encoded() else {
            context.fireErrorCaught(error)
            return
        }
        let problem = Self.problem(parserError)
        var headers = HTTPFields()
        headers[.contentType] = "application/problem+json"
        headers[.contentLength] = String(body.count)
        headers[.connection] = "close"
        responding = true
        context.write(wrapOutboundOut(.head(HTTPResponse(status: problem.status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }

    static func problem(_ error: HTTPParserError) -> Problem {
        if case .headerOverflow = error {
            return Problem(
                .init(code: 431), slug: "request-too-large", title: "Request line or headers too large",
                detail: "the request line and headers together may be at most 80 KB; send long values in the body")
        }
        return Problem(.badRequest, slug: "malformed-request", title: "Malformed request", detail: "the request is not valid HTTP/1.1")
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 as the back office serves it: parser refusals answered with a problem document.
    public static var backOffice: HTTPServerBuilder {
        .http1(additionalChannelHandlers: [ParserErrorProblemHandler()])
    }
}
