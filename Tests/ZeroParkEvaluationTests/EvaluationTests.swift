import Crypto
import Foundation
import Testing
import ZeroParkCore
@testable import ZeroParkEvaluation

/// Issue #11: the T/IPIF rule pack's preconditions (1.1.43), the balance over the basis (1.1.12), the grades of
/// Table 1, the 910号 core indicator, and the signed certificate, worked by hand.
struct EvaluationTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text) ?? CalendarDate(year: 2000, month: 1, day: 1)! }
    static let passed = ["compliance": JudgementAnswer(passed: true, evidence: "设计文件审查记录"),
                         "catalogue": JudgementAnswer(passed: true, evidence: "采购清单对照目录")]

    func input(start: String = "2023-01-01", on: String = "2026-03-01", basis: EvaluationBasis = .lastYear,
               years: [YearResult], answers: [String: JudgementAnswer] = passed, adoptions: [SolutionAdoption] = []) -> EvaluationInput {
        EvaluationInput(parkName: "南沙智造产业园", parkType: .industrialPark, operationStart: Self.date(start), evaluatedOn: Self.date(on),
                        basis: basis, years: Dictionary(uniqueKeysWithValues: years.map { ($0.year, $0) }), answers: answers, adoptions: adoptions)
    }

    @Test("last year balanced (1,000 − 200 − 800 = 0), checklist met: 智慧零碳园区; adopted by a park of the same type: 示范")
    func grades() {
        let year = YearResult(year: 2025, emissionsTco2: 1_000, sequestrationTco2: 200, offsetsTco2: 800, complete: true)
        let result = TIPIFPack().evaluate(input(years: [year]))
        #expect(result.basisYears == [2025] && result.averageNetTco2 == 0)
        #expect(result.lines.filter { $0.status == .pass }.map(\.id) == ["operation", "basis", "balance", "compliance", "catalogue"])
        #expect(result.grade == TIPIFPack.smart)
        let demo = TIPIFPack().evaluate(input(years: [year], adoptions: [SolutionAdoption(park: "黄埔园区", parkType: .industrialPark, evidence: "合作协议")]))
        #expect(demo.grade == TIPIFPack.demonstration)
        // Adoption by a park of another type does not make a demonstration park.
        let other = TIPIFPack().evaluate(input(years: [year], adoptions: [SolutionAdoption(park: "某商务区", parkType: .creativePark, evidence: "x")]))
        #expect(other.grade == TIPIFPack.smart)
    }

    @Test("less than a year of operation is refused, citing 1.1.43")
    func operation() throws {
        // Operating since 2025-06-01; a full year ends 2026-05-31, so an evaluation on 2026-03-01 is too early.
        let year = YearResult(year: 2025, emissionsTco2: 1_000, sequestrationTco2: 200, offsetsTco2: 800, complete: true)
        let result = TIPIFPack().evaluate(input(start: "2025-06-01", years: [year]))
        let line = try #require(result.lines.first { $0.id == "operation" })
        #expect(line.status == .fail && line.clause == "1.1.43" && line.zh.contains("不足一年"))
        #expect(result.grade == TIPIFPack.none)
        // One day after the year is complete it is evaluable.
        #expect(TIPIFPack().evaluate(input(start: "2025-03-01", on: "2026-03-01", years: [year])).lines.first?.status == .pass)
        #expect(TIPIFPack().evaluate(input(start: "2025-03-02", on: "2026-03-01", years: [year])).lines.first?.status == .fail)
    }

    @Test("three-year average: (100 + 100 − 300) / 3 = −33.33 tCO2 net, balanced though two of the years were not")
    func threeYearAverage() throws {
        // 2023: 1,200 − 100 − 1,000 = 100; 2024: 1,000 − 200 − 700 = 100; 2025: 800 − 300 − 800 = −300.
        // Averages: E 3,000/3 = 1,000; S 600/3 = 200; O 2,500/3 = 833.33…; net = −33.33….
        let years = [YearResult(year: 2023, emissionsTco2: 1_200, sequestrationTco2: 100, offsetsTco2: 1_000, complete: true),
                     YearResult(year: 2024, emissionsTco2: 1_000, sequestrationTco2: 200, offsetsTco2: 700, complete: true),
                     YearResult(year: 2025, emissionsTco2: 800, sequestrationTco2: 300, offsetsTco2: 800, complete: true)]
        let result = TIPIFPack().evaluate(input(start: "2022-01-01", basis: .threeYearAverage, years: years))
        #expect(result.basisYears == [2023, 2024, 2025])
        #expect(result.averageEmissionsTco2 == 1_000 && result.averageSequestrationTco2 == 200)
        #expect(abs((result.averageNetTco2 ?? 0) + 100.0 / 3) < 1e-9)
        #expect(result.lines.first { $0.id == "balance" }?.status == .pass && result.grade == TIPIFPack.smart)
        // A basis year without complete data fails the basis and names it.
        var incomplete = years
        incomplete[1].complete = false
        let refused = TIPIFPack().evaluate(input(start: "2022-01-01", basis: .threeYearAverage, years: incomplete))
        let basis = try #require(refused.lines.first { $0.id == "basis" })
        #expect(basis.status == .fail && basis.zh.contains("2024") && refused.grade == TIPIFPack.none)
        // A basis year before operation began is refused too.
        #expect(TIPIFPack().evaluate(input(start: "2024-01-01", basis: .threeYearAverage, years: years)).lines.first { $0.id == "basis" }?.status == .fail)
    }

    @Test("not balanced, or the checklist unanswered: no grade (or pending)")
    func notBalancedOrPending() {
        let year = YearResult(year: 2025, emissionsTco2: 1_000, sequestrationTco2: 200, offsetsTco2: 700, complete: true)
        #expect(TIPIFPack().evaluate(input(years: [year])).grade == TIPIFPack.none)  // net +100
        let balanced = YearResult(year: 2025, emissionsTco2: 1_000, sequestrationTco2: 200, offsetsTco2: 800, complete: true)
        let pending = TIPIFPack().evaluate(input(years: [balanced], answers: [:]))
        #expect(pending.grade == TIPIFPack.pending && !pending.isDecidable)
    }

    @Test("910号 core indicator: each basis year at or below its class threshold")
    func nationalIndicator() {
        let meets = YearResult(year: 2025, emissionsTco2: 1, sequestrationTco2: 0, offsetsTco2: 0, complete: true, indicator: 0.2, indicatorThreshold: 0.3)
        #expect(NationalIndicatorPack().evaluate(input(years: [meets])).grade == NationalIndicatorPack.meets)
        let fails = YearResult(year: 2025, emissionsTco2: 1, sequestrationTco2: 0, offsetsTco2: 0, complete: true, indicator: 0.4, indicatorThreshold: 0.3)
        #expect(NationalIndicatorPack().evaluate(input(years: [fails])).grade == NationalIndicatorPack.fails)
        #expect(NationalIndicatorPack().evaluate(input(years: [])).grade == NationalIndicatorPack.fails)
    }
}

/// The certificate: signed over its canonical text, verified offline; any changed byte is caught.
struct CertificateTests {
    let key = Curve25519.Signing.PrivateKey()

    func signed() throws -> String {
        let year = YearResult(year: 2025, emissionsTco2: 1_000, sequestrationTco2: 200, offsetsTco2: 800, complete: true)
        let input = EvaluationInput(parkName: "南沙智造产业园", parkType: .industrialPark, operationStart: EvaluationTests.date("2023-01-01"),
                                    evaluatedOn: EvaluationTests.date("2026-03-01"), basis: .lastYear, years: [2025: year],
                                    answers: EvaluationTests.passed)
        let result = TIPIFPack().evaluate(input)
        let issue = ParkCertificate.Issue(id: "urn:uuid:5b1d0c1e-0000-4000-8000-000000000001", issuerName: "某第三方评价机构", evaluator: "张工",
                                          parkID: "nansha-demo", parkName: "南沙智造产业园", issued: EvaluationTests.date("2026-03-02"),
                                          validUntil: EvaluationTests.date("2029-03-01"), hashes: ["snapshot-2025": "ab12", "ledger-head": "cd34"])
        let document = try ParkCertificate.document(result, input: input, issue: issue, key: key.publicKey)
        return try ParkCertificate.sign(document, with: key, created: "2026-03-02T10:00:00+08:00").canonical
    }

    @Test("a signed certificate verifies offline and holds the standard's four items")
    func verifies() throws {
        let text = try signed()
        let document = try ParkCertificate.verify(text, key: key.publicKey, today: EvaluationTests.date("2026-06-01"))
        let subject = try #require(document["credentialSubject"])
        #expect(subject["park"]?["name"]?.stringValue == "南沙智造产业园")
        #expect(subject["grade"]?["zh"]?.stringValue == "智慧零碳园区")
        #expect(subject["yearOfRecognition"] == .integer(2026))
        #expect(subject["zeroCarbonPeriod"]?["start"]?.stringValue == "2025-01-01" && subject["zeroCarbonPeriod"]?["end"]?.stringValue == "2025-12-31")
        #expect(subject["figures"]?["netTco2"]?.stringValue == "0.0")
    }

    @Test("flipping any byte makes verification fail, with a reason")
    func everyByte() throws {
        let bytes = Array(try signed().utf8)
        var caught = 0
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x01
            do {
                _ = try ParkCertificate.verify(String(decoding: changed, as: UTF8.self), key: key.publicKey, today: EvaluationTests.date("2026-06-01"))
                Issue.record("byte \(index) (\(String(decoding: bytes[max(0, index - 12)..<min(bytes.count, index + 12)], as: UTF8.self))) flipped and the certificate still verified")
            } catch {
                caught += 1
                #expect(!error.description.isEmpty)
            }
        }
        #expect(caught == bytes.count)
    }

    @Test("another key, an expiry, a revocation and an unsigned document are each named")
    func failures() throws {
        let text = try signed()
        let other = Curve25519.Signing.PrivateKey()
        #expect(throws: ParkCertificate.VerificationFailure.unknownKey(expected: ParkCertificate.keyID(other.publicKey), found: ParkCertificate.keyID(key.publicKey))) {
            _ = try ParkCertificate.verify(text, key: other.publicKey, today: EvaluationTests.date("2026-06-01"))
        }
        #expect(throws: ParkCertificate.VerificationFailure.expired("2029-03-01")) {
            _ = try ParkCertificate.verify(text, key: key.publicKey, today: EvaluationTests.date("2029-03-02"))
        }
        #expect(throws: ParkCertificate.VerificationFailure.revoked("evaluation withdrawn")) {
            _ = try ParkCertificate.verify(text, key: key.publicKey, today: EvaluationTests.date("2026-06-01"),
                                           revoked: ["urn:uuid:5b1d0c1e-0000-4000-8000-000000000001": "evaluation withdrawn"])
        }
        let unsigned = text.replacingOccurrences(of: "\"proof\":", with: "\"proog\":")
        #expect(throws: ParkCertificate.VerificationFailure.noProof) {
            _ = try ParkCertificate.verify(unsigned, key: key.publicKey, today: EvaluationTests.date("2026-06-01"))
        }
    }

    @Test("an evaluation without an award issues no certificate")
    func noAward() {
        let year = YearResult(year: 2025, emissionsTco2: 1_000, sequestrationTco2: 0, offsetsTco2: 0, complete: true)
        let input = EvaluationInput(parkName: "x", parkType: .industrialPark, operationStart: EvaluationTests.date("2023-01-01"),
                                    evaluatedOn: EvaluationTests.date("2026-03-01"), basis: .lastYear, years: [2025: year], answers: EvaluationTests.passed)
        let issue = ParkCertificate.Issue(id: "urn:uuid:x", issuerName: "x", evaluator: "x", parkID: "x", parkName: "x",
                                          issued: EvaluationTests.date("2026-03-02"), validUntil: nil, hashes: [:])
        #expect(throws: ParkCertificate.IssueError.notAwarded(grade: "none")) {
            _ = try ParkCertificate.document(TIPIFPack().evaluate(input), input: input, issue: issue, key: key.publicKey)
        }
    }

    @Test("canonical JSON: keys by UTF-16 code units, minimal escapes; fractions and duplicate keys refused")
    func canonical() throws {
        let value = try CanonicalValue.parse(#"{"b":1,"a":[true,null,"x\u0001\"\\"],"é":"é","A":-2}"#)
        #expect(value.canonical == #"{"A":-2,"a":[true,null,"x\u0001\"\\"],"b":1,"é":"é"}"#)
        #expect(throws: CanonicalParseError.self) { _ = try CanonicalValue.parse(#"{"a":1.5}"#) }
        #expect(throws: CanonicalParseError.self) { _ = try CanonicalValue.parse(#"{"a":1,"a":2}"#) }
        #expect(throws: CanonicalParseError.self) { _ = try CanonicalValue.parse(String(repeating: "[", count: 40) + String(repeating: "]", count: 40)) }
    }
}

/// The certificate reader is an input path: random bytes are refused or read, never trap; canonical text
/// reads back to the same value.
struct CanonicalValueProperties {
    static func random(depth: Int, _ g: inout SystemRandomNumberGenerator) -> CanonicalValue {
        switch Int.random(in: 0...(depth > 3 ? 3 : 5), using: &g) {
        case 0: return .integer(Int.random(in: Int.min...Int.max, using: &g))
        case 1: return .bool(Bool.random(using: &g))
        case 2: return .null
        case 3: return .string(String((0..<Int.random(in: 0...8, using: &g)).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2FFF, using: &g)) }.map(Character.init)))
        case 4: return .array((0..<Int.random(in: 0...4, using: &g)).map { _ in random(depth: depth + 1, &g) })
        default:
            var members: [String: CanonicalValue] = [:]
            for _ in 0..<Int.random(in: 0...4, using: &g) { members["k\(Int.random(in: 0...99, using: &g))é"] = random(depth: depth + 1, &g) }
            return .object(members)
        }
    }

    @Test("canonical text reads back to the same value (500 random values)")
    func roundTrip() throws {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let value = Self.random(depth: 0, &g)
            #expect(try CanonicalValue.parse(value.canonical) == value)
        }
    }

    @Test("random bytes never trap the reader (2,000 inputs)")
    func randomBytes() {
        var g = SystemRandomNumberGenerator()
        let alphabet = Array(#"{}[]",:-0123456789.eE\/utrfnlsa "#.utf8) + [0x00, 0x1F, 0xC3, 0xA9, 0xFF]
        for _ in 0..<2_000 {
            let bytes = (0..<Int.random(in: 0...64, using: &g)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
            _ = try? CanonicalValue.parse(String(decoding: bytes, as: UTF8.self))
        }
    }
}
