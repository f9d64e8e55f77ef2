import Crypto
import Foundation
import ZeroParkCore

/// The certificate a third party issues to a park that passes its evaluation (STANDARD.md "Certificate";
/// issue #11 item 4): a JSON document shaped like a W3C Verifiable Credential holding the standard's four
/// items — park name, grade, year of recognition, the zero-carbon period the evaluation rests on — plus
/// the rule pack and version, the basis figures, the hashes of the inventory snapshots and data trail it
/// rests on, the evaluator and the issuer key. Signed with Ed25519 as in eddsa-jcs-2022 over the JCS
/// canonical text of the document and of its proof options (docs/evaluation.md). Figures are decimal
/// strings, so the canonical text is exact.
public enum ParkCertificate {
    public static let context = ["https://www.w3.org/ns/credentials/v2", "https://zeropark.example/credentials/park-certificate/v1"]
    public static let type = ["VerifiableCredential", "ZeroCarbonParkCertificate"]

    /// What goes into a certificate besides the evaluation result.
    public struct Issue: Sendable {
        public var id: String
        public var issuerName: String
        public var evaluator: String
        public var parkID: String
        public var parkName: String
        public var issued: CalendarDate
        public var validUntil: CalendarDate?
        /// Hashes of what the figures rest on (inventory snapshots, data-trail head), by name.
        public var hashes: [String: String]

        public init(id: String, issuerName: String, evaluator: String, parkID: String, parkName: String, issued: CalendarDate,
                    validUntil: CalendarDate?, hashes: [String: String]) {
            self.id = id
            self.issuerName = issuerName
            self.evaluator = evaluator
            self.parkID = parkID
            self.parkName = parkName
            self.issued = issued
            self.validUntil = validUntil
            self.hashes = hashes
        }
    }

    /// Why a certificate cannot be issued.
    public enum IssueError: Error, Equatable, Sendable {
        case notAwarded(grade: String)
        case noBasisPeriod
    }

    /// A key's id: `ed25519:` and the first 16 bytes of SHA-256 of its raw public key, in hex.
    public static func keyID(_ key: Curve25519.Signing.PublicKey) -> String {
        "ed25519:" + SHA256.hash(data: key.rawRepresentation).prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    /// The unsigned document of an awarded evaluation.
    public static func document(_ result: EvaluationResult, input: EvaluationInput, issue: Issue,
                                key: Curve25519.Signing.PublicKey) throws(IssueError) -> CanonicalValue {
        guard result.grade.awarded else { throw .notAwarded(grade: result.grade.code) }
        guard let period = input.basisPeriod else { throw .noBasisPeriod }
        func figure(_ value: Double?) -> CanonicalValue { value.map { .string(String($0)) } ?? .null }
        var credential: [String: CanonicalValue] = [
            "@context": .array(context.map { .string($0) }),
            "type": .array(type.map { .string($0) }),
            "id": .string(issue.id),
            "issuer": .object(["id": .string(keyID(key)), "name": .string(issue.issuerName)]),
            "validFrom": .string(issue.issued.description),
            "credentialSubject": .object([
                "park": .object(["id": .string(issue.parkID), "name": .string(issue.parkName), "type": .string(input.parkType.rawValue)]),
                "grade": .object(["code": .string(result.grade.code), "zh": .string(result.grade.zh), "en": .string(result.grade.en)]),
                "yearOfRecognition": .integer(issue.issued.year),
                "zeroCarbonPeriod": .object(["start": .string(period.start.description), "end": .string(period.end.description),
                                             "basis": .string(input.basis.rawValue)]),
                "rulePack": .object(["id": .string(result.pack), "version": .string(result.packVersion)]),
                "figures": .object(["emissionsTco2": figure(result.averageEmissionsTco2), "sequestrationTco2": figure(result.averageSequestrationTco2),
                                    "offsetsTco2": figure(result.averageOffsetsTco2), "netTco2": figure(result.averageNetTco2)]),
                "evaluator": .string(issue.evaluator),
                "hashes": .object(issue.hashes.mapValues { .string($0) }),
            ]),
        ]
        if let until = issue.validUntil { credential["validUntil"] = .string(until.description) }
        return .object(credential)
    }

    /// The document with its proof. As in eddsa-jcs-2022, the signed bytes are SHA-256 of the canonical
    /// proof options (the proof without its value, with the document's `@context`) followed by SHA-256 of
    /// the canonical document, so every field of the proof but the signature itself is covered too.
    public static func sign(_ document: CanonicalValue, with key: Curve25519.Signing.PrivateKey, created: String) throws -> CanonicalValue {
        guard case var .object(members) = document else { return document }
        var proof: [String: CanonicalValue] = [
            "type": .string("DataIntegrityProof"), "cryptosuite": .string("eddsa-jcs-2022"), "created": .string(created),
            "verificationMethod": .string(keyID(key.publicKey)), "proofPurpose": .string("assertionMethod"),
        ]
        let signature = try key.signature(for: signingInput(document: document, proofOptions: proof))
        proof["proofValue"] = .string(base64url(signature))
        members["proof"] = .object(proof)
        return .object(members)
    }

    /// SHA-256(canonical proof options with the document's @context) ‖ SHA-256(canonical document).
    static func signingInput(document: CanonicalValue, proofOptions: [String: CanonicalValue]) -> Data {
        var options = proofOptions
        options["proofValue"] = nil
        options["@context"] = document["@context"]
        return Data(SHA256.hash(data: Data(CanonicalValue.object(options).canonical.utf8)))
            + Data(SHA256.hash(data: Data(document.canonical.utf8)))
    }

    /// What a verification found wrong, first failure only, said exactly.
    public enum VerificationFailure: Error, Equatable, Sendable, CustomStringConvertible {
        case unreadable(String)
        case notACertificate(String)
        case noProof
        case unknownKey(expected: String, found: String)
        case badSignature
        case notYetValid(String)
        case expired(String)
        case revoked(String)

        public var description: String {
            switch self {
            case let .unreadable(why): return "unreadable: \(why)"
            case let .notACertificate(why): return "not a ZeroPark certificate: \(why)"
            case .noProof: return "no proof: the certificate is not signed"
            case let .unknownKey(expected, found): return "signed by \(found), not by the key given (\(expected))"
            case .badSignature: return "signature does not match: the certificate was changed after signing, or signed by another key"
            case let .notYetValid(from): return "not valid before \(from)"
            case let .expired(until): return "expired on \(until)"
            case let .revoked(reason): return "revoked: \(reason)"
            }
        }
    }

    /// Verifies a certificate's text offline against a public key on `today`; `revoked` maps revoked
    /// certificate ids to their reason. Returns the parsed document.
    public static func verify(_ text: String, key: Curve25519.Signing.PublicKey, today: CalendarDate,
                              revoked: [String: String] = [:]) throws(VerificationFailure) -> CanonicalValue {
        let document: CanonicalValue
        do { document = try CanonicalValue.parse(text) } catch { throw .unreadable(error.description) }
        guard case var .object(members) = document else { throw .notACertificate("not a JSON object") }
        guard case let .array(types)? = members["type"], types.contains(.string("ZeroCarbonParkCertificate")) else {
            throw .notACertificate("type is not ZeroCarbonParkCertificate")
        }
        guard let proof = members.removeValue(forKey: "proof") else { throw .noProof }
        let expected = keyID(key)
        guard let method = proof["verificationMethod"]?.stringValue else { throw .notACertificate("proof.verificationMethod is missing") }
        guard method == expected else { throw .unknownKey(expected: expected, found: method) }
        guard proof["cryptosuite"]?.stringValue == "eddsa-jcs-2022", let value = proof["proofValue"]?.stringValue,
              let signature = Self.data(base64url: value), signature.count == 64, base64url(signature) == value else {
            // Strict: a proof value must be the canonical base64url of 64 bytes, so its unused low bits cannot vary.
            throw .notACertificate("proof.proofValue is not an eddsa-jcs-2022 signature")
        }
        guard case let .object(options) = proof,
              key.isValidSignature(signature, for: signingInput(document: .object(members), proofOptions: options)) else { throw .badSignature }
        if let from = members["validFrom"]?.stringValue, let date = CalendarDate(iso: from), today < date { throw .notYetValid(from) }
        if let until = members["validUntil"]?.stringValue, let date = CalendarDate(iso: until), today > date { throw .expired(until) }
        if let id = members["id"]?.stringValue, let reason = revoked[id] { throw .revoked(reason) }
        return document
    }

    static func base64url(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func data(base64url text: String) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        return Data(base64Encoded: base)
    }
}
