import Foundation
import Hummingbird
import Mustache

/// Renders the pages from the Mustache templates of `Resources/templates`, each inside the
/// layout, with the catalogue of the request's language as `t`.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let catalogues: Catalogues

    /// Loads the templates and the language catalogues from the target's resources.
    public static func load() async throws -> PageRenderer {
        PageRenderer(
            library: try await MustacheLibrary(directory: try resource("templates").path),
            catalogues: try Catalogues.load(from: try resource("i18n")))
    }

    /// The folder `name` of the target's resources (`Resources/<name>` in the sources).
    static func resource(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil) else {
            throw LoadFailure(description: "the web pages' \(name) are missing from the build")
        }
        return url
    }

    struct LoadFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The page `template` with `content` as its view, as an HTML response.
    func render(_ template: String, _ page: Page, status: HTTPResponse.Status = .ok) -> Response {
        guard let html = library.render(TemplateValues.of(page) as Any, withTemplate: template) else {
            preconditionFailure("no template named \(template)")
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
