import Crypto
import Foundation
import Hummingbird
import Mustache
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkStore

/// The online check of a certificate, for anyone (issue #11 item 5): `/verify/{id}` verifies the stored
/// document with the issuer's public key exactly as the offline `zeropark certificate verify` does
/// (signature, validity on today's date in China time, revocation) and shows the standard's four items;
/// `/verify/{id}/certificate.json` is the document as signed, `/verify/keys/{key}.pub` the issuer's
/// public key, `/verify/revoked.txt` the revocation list; a system administrator revokes a certificate with a reason, shown here from then on.
///
/// Serves STANDARD.md's Certificate clause and 1.1.2(d) (disclosure).
struct VerifyPages: Sendable {
    let store: any ParkRepository
    let renderer: WebRenderer
    let library: MustacheLibrary?
    let publicURL: String?
    let pdfs: PrintedPDFs

    init(store: any ParkRepository, renderer: WebRenderer, publicURL: String?, pdfs: PrintedPDFs) {
        self.store = store
        self.renderer = renderer
        self.library = try? EvaluationTemplates.library()
        self.publicURL = publicURL
        self.pdfs = pdfs
    }

    func register(on web: RouterGroup<AppRequestContext>) {
        web.get("verify/keys/:key") { _, context in
            let name = try context.parameter("key")
            guard name.hasSuffix(".pub"), let key = try await store.issuerKeys().first(where: { Self.keyFile($0.keyID) == name }) else {
                throw StoreError.notFound("key")
            }
            return JSONBody.text(key.publicKey + "\n", contentType: "text/plain; charset=utf-8")
        }
        web.get("verify/revoked.txt") { _, _ in
            // The revocation list for offline checks (`zeropark certificate verify … --revoked FILE`): one
            // `ID<TAB>reason` per line; tabs and line breaks in a reason become spaces.
            let lines = try await store.revokedCertificates().map { entry in
                entry.id + "\t" + entry.reason.map { $0 == "\t" || $0.isNewline ? " " : String($0) }.joined() + "\n"
            }
            return JSONBody.text(lines.joined(), contentType: "text/plain; charset=utf-8")
        }
        web.get("verify/:id/certificate.json") { _, context in
            guard let stored = try await store.parkCertificate(id: try Self.id(context)) else { throw StoreError.notFound("certificate") }
            var response = JSONBody.text(stored.document, contentType: "application/json")
            response.headers[.contentDisposition] = "attachment; filename=\"zeropark-certificate.json\""
            return response
        }
        web.get("verify/:id/print") { request, context in
            let (stored, html) = try await printPage(request, context)
            _ = stored
            return PrintPage.response(html)
        }
        web.get("verify/:id/certificate.pdf") { request, context in
            let (stored, html) = try await printPage(request, context)
            return await pdfs.response(key: stored.id, html: html, fileName: "zeropark-certificate.pdf",
                                       title: VerifyText.dictionary(context.language == .zh)["title"] ?? "", renderer: renderer, context: context)
        }
        web.get("verify/:id") { _, context in try await page(context) }
        web.post("verify/:id/revoke") { request, context in
            let caller = try context.requireLogin()
            let form = try await WebForm.verified(request, context: context)
            let revoked = try await store.revokeCertificate(id: try Self.id(context), reason: form["reason"] ?? "", caller: caller)
            // The stored id is the platform's own `urn:uuid:…`, safe in a path.
            return Response(status: .seeOther, headers: [.location: "/verify/\(revoked.id)"])
        }
    }

    /// The certificate id of the path, percent-decoded (a QR reader or browser may encode its colons).
    static func id(_ context: AppRequestContext) throws -> String {
        let raw = try context.parameter("id")
        return raw.removingPercentEncoding ?? raw
    }

    /// `ed25519:abcd…` → `ed25519-abcd….pub`.
    static func keyFile(_ keyID: String) -> String {
        keyID.replacingOccurrences(of: ":", with: "-") + ".pub"
    }

    /// The check of a stored certificate: the verification failure (nil when valid) and the parsed document.
    static func check(_ stored: StoredParkCertificate, keys: [(keyID: String, publicKey: String, registeredAt: String)],
                      today: CalendarDate) -> (failure: ParkCertificate.VerificationFailure?, document: CanonicalValue?) {
        let document = try? CanonicalValue.parse(stored.document)
        guard let entry = keys.first(where: { $0.keyID == stored.keyID }), let raw = Data(base64Encoded: entry.publicKey),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else {
            return (.notACertificate("the issuer key \(stored.keyID) is unknown"), document)
        }
        var revoked: [String: String] = [:]
        if stored.revokedAt != nil { revoked[stored.id] = stored.revocationReason ?? "" }
        do {
            return (nil, try ParkCertificate.verify(stored.document, key: key, today: today, revoked: revoked))
        } catch {
            return (error, document)
        }
    }

    /// The stored certificate and its print page, with the QR code for the online check at the public
    /// address (the configured one, else this request's host when it is a plain host name).
    func printPage(_ request: Request, _ context: AppRequestContext) async throws -> (StoredParkCertificate, String) {
        guard let stored = try await store.parkCertificate(id: try Self.id(context)),
              let document = try? CanonicalValue.parse(stored.document) else { throw StoreError.notFound("certificate") }
        let base = publicURL ?? Self.requestBase(request)
        return (stored, CertificatePrint.html(document: document, checkURL: "\(base)/verify/\(stored.id)", keyID: stored.keyID))
    }

    /// `http://HOST` of the request; a Host header with anything but a host name and port is not trusted.
    static func requestBase(_ request: Request) -> String {
        let host = request.head.authority ?? ""
        let allowed = host.count <= 100 && !host.isEmpty && host.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || ".-:[]".unicodeScalars.contains($0)
        }
        return "http://" + (allowed ? host : "localhost")
    }

    /// A published park's certificates for its disclosure (issue #11 item 6; 1.1.2(d)): grade, period,
    /// validity and the online check's status, newest first.
    static func disclosureRows(store: any ParkRepository, parkKey: String, chinese: Bool) async throws -> [[String: Any]] {
        let certificates = try await store.parkCertificates(parkKey: parkKey, caller: nil)
        guard !certificates.isEmpty, let today = ReportClock.today() else { return [] }
        let keys = try await store.issuerKeys()
        let v = VerifyText.dictionary(chinese)
        return certificates.map { stored in
            let (failure, document) = check(stored, keys: keys, today: today)
            let subject = document?["credentialSubject"]
            return ["id": stored.id, "grade": subject?["grade"]?[chinese ? "zh" : "en"]?.stringValue ?? "—",
                    "period": "\(subject?["zeroCarbonPeriod"]?["start"]?.stringValue ?? "") – \(subject?["zeroCarbonPeriod"]?["end"]?.stringValue ?? "")",
                    "until": document?["validUntil"]?.stringValue ?? (v["open"] ?? ""),
                    "status": failure.map { failureText($0, chinese: chinese) } ?? (chinese ? "有效" : "valid"),
                    "statusClass": failure == nil ? "ok" : "warn"]
        }
    }

    /// A verification failure in the page's language.
    static func failureText(_ failure: ParkCertificate.VerificationFailure, chinese: Bool) -> String {
        guard chinese else { return failure.description }
        switch failure {
        case .unreadable: return "证书无法读取"
        case .notACertificate: return "不是 ZeroPark 证书，或签发密钥未知"
        case .noProof: return "证书没有签名"
        case .unknownKey: return "证书不是由本平台的签发密钥签名的"
        case .badSignature: return "签名不符：证书在签名后被改动，或由其他密钥签名"
        case let .notYetValid(from): return "尚未生效（\(from) 起有效）"
        case let .expired(until): return "已过期（有效期至 \(until)）"
        case let .revoked(reason): return "已撤销：\(reason)"
        }
    }

    func page(_ context: AppRequestContext) async throws -> Response {
        let chinese = context.language == .zh
        let v = VerifyText.dictionary(chinese)
        let id = try Self.id(context)
        var data: [String: Any] = ["v": v, "csrf": context.csrfToken ?? ""]
        guard let stored = try await store.parkCertificate(id: id), let today = ReportClock.today() else {
            data["unknown"] = true
            return renderer.page(body: library?.render(data, withTemplate: "verify") ?? "", title: v["title"] ?? "", context: context, status: .notFound)
        }
        let (failure, document) = Self.check(stored, keys: try await store.issuerKeys(), today: today)
        let subject = document?["credentialSubject"]
        func text(_ value: CanonicalValue?) -> String { value?.stringValue ?? "—" }
        func tonnes(_ value: CanonicalValue?) -> String { value?.stringValue.flatMap(Double.init).map { Display.number($0) } ?? "—" }
        var certificate: [String: Any] = [
            "id": stored.id, "keyID": stored.keyID, "keyFile": Self.keyFile(stored.keyID),
            "status": failure.map { (v["invalid"] ?? "") + (chinese ? "：" : ": ") + Self.failureText($0, chinese: chinese) } ?? (v["valid"] ?? ""),
            "statusClass": failure == nil ? "ok" : "warn",
            "park": text(subject?["park"]?["name"]), "grade": text(subject?["grade"]?[chinese ? "zh" : "en"]),
            "year": subject?["yearOfRecognition"].map { $0.canonical } ?? "—",
            "period": "\(text(subject?["zeroCarbonPeriod"]?["start"])) – \(text(subject?["zeroCarbonPeriod"]?["end"]))",
            "rulePackName": EvaluationService.packs.first { $0.id == text(subject?["rulePack"]?["id"]) }.map { chinese ? $0.nameZh : $0.nameEn } ?? "",
            "rulePack": "\(text(subject?["rulePack"]?["id"])) v\(text(subject?["rulePack"]?["version"]))",
            "emissions": tonnes(subject?["figures"]?["emissionsTco2"]), "sequestration": tonnes(subject?["figures"]?["sequestrationTco2"]),
            "offsets": tonnes(subject?["figures"]?["offsetsTco2"]), "net": tonnes(subject?["figures"]?["netTco2"]),
            "evaluator": text(subject?["evaluator"]), "issuer": text(document?["issuer"]?["name"]),
            "validFrom": text(document?["validFrom"]), "validUntil": document?["validUntil"]?.stringValue ?? (v["open"] ?? ""),
            "canRevoke": context.caller?.isSystemAdmin == true && stored.revokedAt == nil,
        ]
        if case let .object(hashes)? = subject?["hashes"] {
            certificate["hashes"] = hashes.sorted { $0.key < $1.key }.map { ["name": $0.key, "value": $0.value.stringValue ?? ""] }
            certificate["hasHashes"] = !hashes.isEmpty
        }
        if let at = stored.revokedAt { certificate["revocation"] = ["at": TelemetryFormat.isoTime(at), "reason": stored.revocationReason ?? ""] }
        data["certificate"] = certificate
        return renderer.page(body: library?.render(data, withTemplate: "verify") ?? "", title: v["title"] ?? "", context: context)
    }
}
