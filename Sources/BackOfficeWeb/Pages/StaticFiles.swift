import Foundation
import Hummingbird

/// The pages' style sheets and scripts (the desk's tools in files of their own), read once at start and served with a day's caching.
struct StaticFiles<Parent: RemoteAddressRequestContext>: Sendable {
    typealias Context = WebContext<Parent>
    let files: [String: (contentType: String, body: ByteBuffer)]

    static func load() throws -> StaticFiles {
        let directory = try PageRenderer.resource("static")
        var files: [String: (String, ByteBuffer)] = [:]
        for (name, type) in [
            ("app.css", "text/css; charset=utf-8"), ("app.js", "text/javascript; charset=utf-8"),
            ("desk-tools.css", "text/css; charset=utf-8"), ("desk-tools.js", "text/javascript; charset=utf-8"),
        ] {
            files[name] = (type, ByteBuffer(bytes: Array(try Data(contentsOf: directory.appendingPathComponent(name)))))
        }
        return StaticFiles(files: files)
    }

    func addRoutes(to group: RouterGroup<Context>) {
        group.get("static/:file") { _, context in
            guard let name = context.parameters.get("file"), let file = files[name] else { throw HTTPError(.notFound) }
            return Response(
                status: .ok, headers: [.contentType: file.contentType, .cacheControl: "public, max-age=86400"],
                body: .init(byteBuffer: file.body))
        }
    }
}
