import CLibPQ

extension Connection {
    /// The SCRAM-SHA-256 verifier of `password` for the role `user`, computed by libpq here on
    /// the client (`PQencryptPasswordConn`), so that `CREATE ROLE … PASSWORD` carries no
    /// clear-text password to the server or its log.
    public func scramVerifier(password: String, user: String) async throws -> String {
        guard !password.utf8.contains(0), !user.utf8.contains(0) else {
            throw PostgresError(.invalidParameter, "a password or role name contains a NUL byte")
        }
        return try await perform { () throws(PostgresError) -> String in
            guard let verifier = PQencryptPasswordConn(self.handle, password, user, "scram-sha-256") else {
                throw PostgresError(.protocolViolation, "libpq could not encrypt the password: \(Connection.errorMessage(self.handle))")
            }
            defer { PQfreemem(verifier) }
            return String(cString: verifier)
        }
    }

    /// Where this connection went: host (or socket folder), port and database, as libpq
    /// reports them, e.g. to tell a new login how to connect.
    public func target() async -> (host: String, port: String, database: String) {
        await onQueue {
            (PQhost(self.handle).map { String(cString: $0) } ?? "",
             PQport(self.handle).map { String(cString: $0) } ?? "",
             PQdb(self.handle).map { String(cString: $0) } ?? "")
        }
    }
}
