import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkStore
@testable import ZeroParkServer

/// Evidence files on an evaluation (issue #11 item 2): an evaluator attaches them to a draft's checklist
/// items through the page (multipart upload); their SHA-256 joins the evaluation's hashes and the signed
/// certificate; they are frozen once submitted; readers download them exactly, tenants never see them;
/// hostile uploads are refused before anything is stored.
struct EvaluationEvidenceTests {
    static let boundary = "----ZeroParkTestBoundary0xA1"
    static let pdf = Array("%PDF-1.4\n% 运行许可证（测试）\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)

    static func sha256(_ bytes: [UInt8]) -> String { SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined() }

    static func upload(_ client: any TestClientProtocol, cookie: String, token: String, item: String, fileName: String, bytes: [UInt8],
                       uri: String = "/parks/xihu-creative/evaluations/1/evidence") async throws -> (HTTPResponse.Status, String) {
        var body: [UInt8] = []
        for (name, value) in [("_csrf", token), ("item", item)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        return try await client.execute(uri: uri, method: .post, headers: [.cookie: cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                        body: ByteBuffer(bytes: body)) { ($0.status, $0.text) }
    }

    @Test func anEvaluatorAttachesFilesReadersDownloadThemAndTheCertificateCarriesTheirHashes() async throws {
        let f = try await EvaluationWorkflowTests.fixture()
        let auditor = try await f.caller("auditor"), admin = try await f.caller("admin")
        let opened = try await f.service.open(parkKey: "xihu-creative", form: ["evaluator": "评价人甲", "operation_start": "2023-01-01"], caller: auditor)
        #expect(opened.id == 1)
        let store = f.server.store
        try await f.server.run { client in
            let cookie = try await WebTests.login(client, "auditor", "zeropark-auditor")
            let page = try await client.execute(uri: "/parks/xihu-creative/evaluations/1", method: .get, headers: [.cookie: cookie]) { $0.text }
            #expect(page.contains("id=\"evidence-none\"") && page.contains("enctype=\"multipart/form-data\""))
            let token = try #require(WebTests.csrf(in: page))
            var (status, html) = try await Self.upload(client, cookie: cookie, token: token, item: "compliance", fileName: "C:\\扫描\\运行许可证.pdf", bytes: Self.pdf)
            #expect(status == .seeOther)
            let listed = try await client.execute(uri: "/parks/xihu-creative/evaluations/1", method: .get, headers: [.cookie: cookie]) { $0.text }
            let hash = Self.sha256(Self.pdf)
            #expect(listed.contains("运行许可证.pdf") && listed.contains("id=\"evidence-sha-1\">\(hash)<") && listed.contains("application/pdf"))
            // The draft's hashes already list the file under its id and item.
            #expect(listed.contains("evidence-1-compliance"))
            // A manager (a reader, not an evaluator) downloads it exactly, as an attachment; a tenant cannot.
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/xihu-creative/evaluations/1/evidence/1", method: .get, headers: [.cookie: manager]) { response in
                #expect(response.status == .ok && Array(response.body.readableBytesView) == Self.pdf)
                #expect(response.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
                #expect(response.headers[.contentDisposition]?.contains("filename*=UTF-8''%E8%BF%90") == true)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/xihu-creative/evaluations/1/evidence/1", method: .get, headers: [.cookie: tenant]) { #expect($0.status == .notFound) }
            // A reader who is not an evaluator is refused before the body is read.
            let managerPage = try await client.execute(uri: "/parks/xihu-creative/evaluations/1", method: .get, headers: [.cookie: manager]) { $0.text }
            (status, _) = try await Self.upload(client, cookie: manager, token: WebTests.csrf(in: managerPage) ?? "", item: "compliance", fileName: "x.pdf", bytes: Self.pdf)
            #expect(status == .forbidden)
            // An executable, an unknown item and a wrong CSRF token: refused, nothing stored.
            (status, html) = try await Self.upload(client, cookie: cookie, token: token, item: "catalogue", fileName: "清单.pdf",
                                                   bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0])
            #expect(status == .unprocessableContent && html.contains("不支持的文件类型"))
            (status, html) = try await Self.upload(client, cookie: cookie, token: token, item: "../../x", fileName: "a.txt", bytes: Array("ok".utf8))
            #expect(status == .unprocessableContent && html.contains("未知的核查项"))
            (status, _) = try await Self.upload(client, cookie: cookie, token: "forged", item: "catalogue", fileName: "a.txt", bytes: Array("ok".utf8))
            #expect(status == .forbidden)
            #expect(try await store.evidence(parkKey: "xihu-creative", evaluationID: 1, caller: admin).count == 1)
            // A second file, then removed: the draft's evidence is what the evaluator leaves.
            (status, _) = try await Self.upload(client, cookie: cookie, token: token, item: "catalogue", fileName: "设备清单.csv", bytes: Array("设备,等级\n水泵,1\n".utf8))
            #expect(status == .seeOther)
            try await client.execute(uri: "/parks/xihu-creative/evaluations/1/evidence/2/delete", method: .post,
                                     headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "_csrf=\(token)")) {
                #expect($0.status == .seeOther)
            }
            #expect(try await store.evidence(parkKey: "xihu-creative", evaluationID: 1, caller: admin).map(\.id) == [1])
        }
        // Submitted: the file's hash is in the record; no file can be added or removed any more.
        let submitted = try await f.service.save(parkKey: "xihu-creative", id: 1, form: EvaluationWorkflowTests.answered, submit: true, caller: auditor)
        let record = try #require(EvaluationRecord.decode(submitted.result))
        #expect(record.hashes["evidence-1-compliance"] == Self.sha256(Self.pdf))
        await #expect(throws: StoreError.self) {
            try await f.server.store.addEvidence(parkKey: "xihu-creative", evaluationID: 1, item: "catalogue", fileName: "late.pdf",
                                                 mediaType: "application/pdf", content: Self.pdf, caller: auditor)
        }
        await #expect(throws: StoreError.self) { try await f.server.store.removeEvidence(parkKey: "xihu-creative", evaluationID: 1, evidenceID: 1, caller: auditor) }
        // Decided: the signed certificate carries the hash, and verifies.
        let decided = try await f.service.decide(parkKey: "xihu-creative", id: 1, note: nil, validUntil: nil, caller: admin)
        let certificateID = try #require(decided.certificateID)
        let stored = try #require(try await f.server.store.parkCertificate(id: certificateID))
        let document = try ParkCertificate.verify(stored.document, key: f.key.publicKey, today: try #require(EvaluationWorkflowTests.today))
        #expect(document["credentialSubject"]?["hashes"]?["evidence-1-compliance"]?.stringValue == Self.sha256(Self.pdf))
        // Attaching and removing are in the audit log, without the bytes.
        let actions = try await f.server.store.auditLog(parkKey: "xihu-creative", caller: admin, limit: 100).filter { $0.entity == "evidence" }.map(\.action)
        #expect(actions.sorted() == ["create", "create", "delete"])
    }

    @Test func filesAreBoundedInSizeAndNumber() async throws {
        let f = try await EvaluationWorkflowTests.fixture()
        let auditor = try await f.caller("auditor")
        _ = try await f.service.open(parkKey: "xihu-creative", form: ["evaluator": "评价人甲", "operation_start": "2023-01-01"], caller: auditor)
        let tooLarge = [UInt8](repeating: 0x41, count: SQLiteParkStore.evidenceFileLimit + 1)
        await #expect(throws: StoreError.self) {
            try await f.server.store.addEvidence(parkKey: "xihu-creative", evaluationID: 1, item: "compliance", fileName: "big.txt",
                                                 mediaType: "text/plain", content: tooLarge, caller: auditor)
        }
        for index in 0..<SQLiteParkStore.evidenceFilesPerEvaluation {
            _ = try await f.server.store.addEvidence(parkKey: "xihu-creative", evaluationID: 1, item: "compliance", fileName: "\(index).txt",
                                                     mediaType: "text/plain", content: Array("\(index)".utf8), caller: auditor)
        }
        await #expect(throws: StoreError.self) {
            try await f.server.store.addEvidence(parkKey: "xihu-creative", evaluationID: 1, item: "compliance", fileName: "one-more.txt",
                                                 mediaType: "text/plain", content: Array("x".utf8), caller: auditor)
        }
        // Over HTTP, a body beyond the limit is refused on the page, and nothing more is stored.
        try await f.server.run { client in
            let cookie = try await WebTests.login(client, "auditor", "zeropark-auditor")
            let page = try await client.execute(uri: "/parks/xihu-creative/evaluations/1", method: .get, headers: [.cookie: cookie]) { $0.text }
            let (status, html) = try await Self.upload(client, cookie: cookie, token: WebTests.csrf(in: page) ?? "", item: "compliance",
                                                       fileName: "big.txt", bytes: tooLarge + [UInt8](repeating: 0x41, count: 70 << 10))
            #expect(status == .unprocessableContent && html.contains("文件超过 8 MiB"))
        }
        let admin = try await f.caller("admin")
        #expect(try await f.server.store.evidence(parkKey: "xihu-creative", evaluationID: 1, caller: admin).count == SQLiteParkStore.evidenceFilesPerEvaluation)
    }
}
