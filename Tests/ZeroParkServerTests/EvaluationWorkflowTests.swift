import Crypto
import Foundation
import Testing
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkInput
import ZeroParkStore
@testable import ZeroParkServer

/// The evaluation workflow on the demo store (issue #11 item 2): who may do what in which state, the
/// result resting on the stored snapshot, the certificate signed at decision and verifiable offline,
/// four eyes, a decision refused when the data changed after submission, and revocation.
struct EvaluationWorkflowTests {
    struct Fixture {
        let server: TestServer
        let service: EvaluationService
        let key: Curve25519.Signing.PrivateKey

        func caller(_ user: String) async throws -> Caller {
            try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys[user] ?? "")))
        }
    }

    static let today = CalendarDate(year: 2026, month: 11, day: 26)

    static func fixture() async throws -> Fixture {
        let server = try await TestServer.make()
        let key = Curve25519.Signing.PrivateKey()
        var service = EvaluationService(store: server.store, inventories: InventoryService(store: server.store, cache: InventoryCache()),
                                        issuer: IssuerKey(key: key, name: "测试签发方"))
        service.today = { Self.today }
        return Fixture(server: server, service: service, key: key)
    }

    static let answered = [
        "evaluator": "评价人甲", "operation_start": "2023-01-01", "basis": "last_year",
        "compliance_passed": "true", "compliance_evidence": "设计文件审查记录", "catalogue_passed": "true", "catalogue_evidence": "设备清单",
    ]

    @Test func anAuditorSubmitsTheIssuerCertifiesAndTheCertificateVerifiesOffline() async throws {
        let f = try await Self.fixture()
        let auditor = try await f.caller("auditor"), admin = try await f.caller("admin"), manager = try await f.caller("manager")
        // Only evaluators open evaluations; a tenant of another park does not learn the park exists.
        await #expect(throws: StoreError.self) { try await f.service.open(parkKey: "xihu-creative", form: Self.answered, caller: manager) }
        do {
            _ = try await f.service.open(parkKey: "xihu-creative", form: Self.answered, caller: try await f.caller("logistics"))
            Issue.record("a tenant of another park opened an evaluation")
        } catch let error as StoreError {
            #expect(error == .notFound("park xihu-creative"))
        }
        let opened = try await f.service.open(parkKey: "xihu-creative", form: ["evaluator": "评价人甲", "operation_start": "2023-01-01"], caller: auditor)
        #expect(opened.state == .draft)
        // Submitting with the checklist unanswered is refused; the draft keeps what was typed.
        do {
            _ = try await f.service.save(parkKey: "xihu-creative", id: opened.id, form: ["evaluator": "评价人甲", "operation_start": "2023-01-01"],
                                         submit: true, caller: auditor)
            Issue.record("an unanswered checklist was submitted")
        } catch let error as InputError {
            #expect(error.problems.map(\.code) == ["pending"])
        }
        let submitted = try await f.service.save(parkKey: "xihu-creative", id: opened.id, form: Self.answered, submit: true, caller: auditor)
        #expect(submitted.state == .submitted && submitted.submittedBy == "auditor")
        let record = try #require(EvaluationRecord.decode(submitted.result))
        #expect(record.packs.first?.grade_code == TIPIFPack.smart.code)
        #expect(record.basis_years == [2025])
        // The result rests on the demo's 2025 snapshot of the park: its hashes are recorded.
        let snapshot = try #require(try await f.server.store.snapshots(parkKey: "xihu-creative", caller: admin).first { $0.year == 2025 })
        #expect(record.hashes["snapshot-2025-output"] == snapshot.outputHash && record.hashes["snapshot-2025-input"] == snapshot.inputHash)
        // A submitted evaluation is no longer edited; only the issuer decides it.
        await #expect(throws: StoreError.self) { try await f.service.save(parkKey: "xihu-creative", id: opened.id, form: Self.answered, submit: false, caller: auditor) }
        await #expect(throws: StoreError.self) { try await f.service.decide(parkKey: "xihu-creative", id: opened.id, note: nil, validUntil: nil, caller: auditor) }
        let validUntil = try #require(CalendarDate(year: 2029, month: 11, day: 25))
        let decided = try await f.service.decide(parkKey: "xihu-creative", id: opened.id, note: "同意", validUntil: validUntil, caller: admin)
        #expect(decided.state == .decided && decided.decidedBy == "admin")
        let certificateID = try #require(decided.certificateID)
        let stored = try #require(try await f.server.store.parkCertificate(id: certificateID))
        #expect(stored.keyID == ParkCertificate.keyID(f.key.publicKey) && stored.parkKey == "xihu-creative")
        let document = try ParkCertificate.verify(stored.document, key: f.key.publicKey, today: try #require(Self.today))
        let subject = try #require(document["credentialSubject"])
        #expect(subject["park"]?["name"]?.stringValue == "西湖数字创意园")
        #expect(subject["grade"]?["zh"]?.stringValue == "智慧零碳园区")
        #expect(subject["yearOfRecognition"] == .integer(2026))
        #expect(subject["zeroCarbonPeriod"]?["start"]?.stringValue == "2025-01-01" && subject["zeroCarbonPeriod"]?["end"]?.stringValue == "2025-12-31")
        #expect(subject["evaluator"]?.stringValue == "评价人甲" && document["issuer"]?["name"]?.stringValue == "测试签发方")
        #expect(document["validUntil"]?.stringValue == "2029-11-25")
        #expect(subject["hashes"]?["snapshot-2025-output"]?.stringValue == snapshot.outputHash)
        // 10,621.57 − 16.18 − 10,605.38 = 0: the offsets count up to the residual (1.1.2(a)), so the net is 0.
        let net = try #require(subject["figures"]?["netTco2"]?.stringValue.flatMap(Double.init))
        #expect(abs(net) < 1e-6)
        // The issuer key is registered for the online check.
        #expect(try await f.server.store.issuerKeys().map(\.keyID) == [stored.keyID])

        // Revocation: the issuer only, with a reason, once; listed and refused by the offline check.
        await #expect(throws: StoreError.self) { try await f.server.store.revokeCertificate(id: certificateID, reason: "x", caller: auditor) }
        await #expect(throws: StoreError.self) { try await f.server.store.revokeCertificate(id: certificateID, reason: "  ", caller: admin) }
        let revoked = try await f.server.store.revokeCertificate(id: certificateID, reason: "数据更正", caller: admin)
        #expect(revoked.revokedBy == "admin" && revoked.revocationReason == "数据更正")
        await #expect(throws: StoreError.self) { try await f.server.store.revokeCertificate(id: certificateID, reason: "again", caller: admin) }
        let list = try await f.server.store.revokedCertificates()
        #expect(list.map(\.id) == [certificateID] && list.map(\.reason) == ["数据更正"])
        #expect(throws: ParkCertificate.VerificationFailure.revoked("数据更正")) {
            try ParkCertificate.verify(stored.document, key: f.key.publicKey, today: try #require(Self.today), revoked: ["\(certificateID)": "数据更正"])
        }
        // Every step is in the park's audit log.
        let actions = try await f.server.store.auditLog(parkKey: "xihu-creative", caller: admin, limit: 50)
            .filter { $0.entity == "evaluation" || $0.entity == "certificate" }.map(\.action)
        // (the refused submission saved the draft first: "update")
        #expect(Set(actions) == ["create", "update", "submit", "decide", "revoke"])
    }

    @Test func lessThanAYearOfOperationIsRefusedCitingTheClauseAndGetsNoCertificate() async throws {
        let f = try await Self.fixture()
        let auditor = try await f.caller("auditor"), admin = try await f.caller("admin")
        var form = Self.answered
        form["operation_start"] = "2026-01-01"  // 2026-11-26 is not a year later
        let opened = try await f.service.open(parkKey: "xihu-creative", form: form, caller: auditor)
        let submitted = try await f.service.save(parkKey: "xihu-creative", id: opened.id, form: form, submit: true, caller: auditor)
        let record = try #require(EvaluationRecord.decode(submitted.result))
        let operation = try #require(record.packs.first?.lines.first { $0.id == "operation" })
        #expect(operation.status == "fail" && operation.clause == "1.1.43" && operation.zh.contains("运行不足一年"))
        // The basis year 2025 also starts before operation began.
        #expect(record.packs.first?.lines.first { $0.id == "basis" }?.status == "fail")
        let decided = try await f.service.decide(parkKey: "xihu-creative", id: opened.id, note: nil, validUntil: nil, caller: admin)
        #expect(decided.state == .decided && decided.certificateID == nil)
        #expect(try await f.server.store.parkCertificates(parkKey: "xihu-creative", caller: admin).isEmpty)
    }

    @Test func theSubmitterDoesNotDecideAndChangedDataStopsTheDecision() async throws {
        let f = try await Self.fixture()
        let admin = try await f.caller("admin"), auditor = try await f.caller("auditor"), manager = try await f.caller("manager")
        // A system administrator may evaluate, but then does not decide the same evaluation (four eyes).
        let own = try await f.service.open(parkKey: "xihu-creative", form: Self.answered, caller: admin)
        _ = try await f.service.save(parkKey: "xihu-creative", id: own.id, form: Self.answered, submit: true, caller: admin)
        do {
            _ = try await f.service.decide(parkKey: "xihu-creative", id: own.id, note: nil, validUntil: nil, caller: admin)
            Issue.record("the submitter decided their own evaluation")
        } catch let error as StoreError {
            if case .forbidden = error {} else { Issue.record("expected forbidden, got \(error)") }
        }
        // The issuer returns an evaluation with a reason; it is a draft again, reason shown.
        let opened = try await f.service.open(parkKey: "xihu-creative", form: Self.answered, caller: auditor)
        _ = try await f.service.save(parkKey: "xihu-creative", id: opened.id, form: Self.answered, submit: true, caller: auditor)
        await #expect(throws: StoreError.self) { try await f.server.store.returnEvaluation(parkKey: "xihu-creative", id: opened.id, note: "", caller: admin) }
        let returned = try await f.server.store.returnEvaluation(parkKey: "xihu-creative", id: opened.id, note: "请补充运行证据", caller: admin)
        #expect(returned.state == .draft && returned.note == "请补充运行证据" && returned.result == nil)
        _ = try await f.service.save(parkKey: "xihu-creative", id: opened.id, form: Self.answered, submit: true, caller: auditor)
        // The park's 2025 data change after submission: the snapshot no longer matches, the decision is refused.
        try await f.server.store.recordActivity(parkKey: "xihu-creative",
                                                values: [.init(sourceKey: "office-power", year: 2025, month: 1, value: 999)], caller: manager)
        do {
            _ = try await f.service.decide(parkKey: "xihu-creative", id: opened.id, note: nil, validUntil: nil, caller: admin)
            Issue.record("a decision went through on changed data")
        } catch let error as StoreError {
            if case .conflict = error {} else { Issue.record("expected conflict, got \(error)") }
        }
        #expect(try await f.server.store.evaluation(parkKey: "xihu-creative", id: opened.id, caller: admin).state == .submitted)
    }

    @Test func tenantsSeeNoEvaluationsAndTheFormNamesItsProblems() async throws {
        let f = try await Self.fixture()
        let auditor = try await f.caller("auditor"), tenant = try await f.caller("logistics")
        let opened = try await f.service.open(parkKey: "nansha-demo", form: Self.answered, caller: auditor)
        #expect(try await f.server.store.evaluations(parkKey: "nansha-demo", caller: tenant).isEmpty)
        await #expect(throws: StoreError.notFound("evaluation \(opened.id)")) {
            try await f.server.store.evaluation(parkKey: "nansha-demo", id: opened.id, caller: tenant)
        }
        do {
            _ = try await f.service.open(parkKey: "nansha-demo", form: ["operation_start": "2023-02-30", "basis": "five_years", "compliance_passed": "true",
                                                                        "adoption_0_park": "某园区", "adoption_0_type": "harbour"], caller: auditor)
            Issue.record("a wrong form was accepted")
        } catch let error as InputError {
            #expect(error.problems.map(\.field) == ["evaluator", "operation_start", "basis", "compliance_evidence", "adoption_0_type", "adoption_0"])
        }
    }
}
