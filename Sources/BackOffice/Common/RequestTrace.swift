/// The id of the request being served, for log lines written far from the adapter that
/// received it (the store logs the database's own words there, never to the client).
public enum RequestTrace {
    @TaskLocal public static var id: String?
}
