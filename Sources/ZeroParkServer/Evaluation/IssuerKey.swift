import Crypto
import Foundation
import ZeroParkEvaluation

/// The issuer's Ed25519 signing key and name, read from a key file when the server starts (issue #11
/// item 4: private keys never in the database in clear). The file holds the raw 32-byte private key in
/// base64, as `zeropark keys generate` writes it; the public key goes beside it as `NAME.pub`.
public struct IssuerKey: Sendable {
    /// The raw private key (the key type is not Sendable; it is rebuilt to sign).
    let raw: Data
    public let name: String
    public let keyID: String
    public let publicKeyBase64: String

    public init(key: Curve25519.Signing.PrivateKey, name: String) {
        self.raw = key.rawRepresentation
        self.name = name
        self.keyID = ParkCertificate.keyID(key.publicKey)
        self.publicKeyBase64 = key.publicKey.rawRepresentation.base64EncodedString()
    }

    /// The signing key.
    public func signingKey() throws -> Curve25519.Signing.PrivateKey {
        try Curve25519.Signing.PrivateKey(rawRepresentation: raw)
    }

    /// Why a key file cannot be used.
    public struct FileError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads a private key file (base64 of the raw key).
    public static func load(path: String, name: String) throws(FileError) -> IssuerKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.utf8.count <= 1_024,
              let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else {
            throw FileError(description: "\(path): not an Ed25519 private key (base64, from `zeropark keys generate`)")
        }
        return IssuerKey(key: key, name: name)
    }

    /// Writes a new key pair: `path` (private, mode 0600) and the public key beside it with `.pub` for
    /// `.key`. Never overwrites a file.
    public static func generate(path: String, name: String) throws(FileError) -> IssuerKey {
        let key = Curve25519.Signing.PrivateKey()
        let publicPath = publicPath(for: path)
        for file in [path, publicPath] where FileManager.default.fileExists(atPath: file) {
            throw FileError(description: "\(file) exists: a key is never overwritten")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]),
              FileManager.default.createFile(atPath: publicPath, contents: Data((key.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8)) else {
            throw FileError(description: "cannot write \(path) and \(publicPath)")
        }
        return IssuerKey(key: key, name: name)
    }

    /// `….key` → `….pub`; any other name gets `.pub` appended.
    public static func publicPath(for path: String) -> String {
        path.hasSuffix(".key") ? String(path.dropLast(4)) + ".pub" : path + ".pub"
    }
}
