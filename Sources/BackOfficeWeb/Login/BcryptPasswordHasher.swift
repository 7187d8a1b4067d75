import BackOffice
import HummingbirdBcrypt
import NIOPosix

/// bcrypt (cost 12 by default) on NIO's thread pool, so that the slow hash never holds up an
/// event loop or the cooperative thread pool.
public struct BcryptPasswordHasher: PasswordHasher {
    let cost: UInt8

    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt cost must be 4 to 31")
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { [cost] in Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    public var decoyHash: String {
        get async throws { try await DecoyHash.shared.value(cost: cost, hasher: self) }
    }
}

/// The decoy hash of each cost, made once on first use from a random secret nobody knows.
private actor DecoyHash {
    static let shared = DecoyHash()
    private var hashes: [UInt8: String] = [:]

    func value(cost: UInt8, hasher: BcryptPasswordHasher) async throws -> String {
        if let hash = hashes[cost] { return hash }
        let hash = try await hasher.hash(RandomSecret.make())
        hashes[cost] = hash
        return hash
    }
}
