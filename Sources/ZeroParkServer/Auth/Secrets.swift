import Foundation
import HummingbirdBcrypt
import ZeroParkStore

/// Passwords (bcrypt) and random tokens for sessions, CSRF and API keys. Secrets are generated
/// here, stored only as hashes, and never logged.
enum Secrets {
    static func hashPassword(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    static func verify(_ password: String, hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }

    /// 32 random bytes as 64 hex characters.
    static func token() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    static func hash(_ token: String) -> String { ContentHash.sha256(token) }

    /// Constant-time comparison for CSRF tokens.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
