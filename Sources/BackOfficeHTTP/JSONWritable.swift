import Hummingbird

/// An answer body that writes its own JSON with a `JSONWriter` instead of going through the
/// request context's `responseEncoder`: the hot answers (a ticket, a page of tickets), whose
/// encoding was the largest measured cost of their requests.
protocol JSONWritable: ResponseGenerator {
    func write(to json: inout JSONWriter)
}

extension JSONWritable {
    /// 200 with the JSON, headed as Hummingbird heads an encoded body.
    func response(from request: Request, context: some RequestContext) -> Response {
        var json = JSONWriter()
        write(to: &json)
        var headers = HTTPFields()
        headers.reserveCapacity(4)
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentLength] = String(json.bytes.count)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: json.bytes)))
    }
}
