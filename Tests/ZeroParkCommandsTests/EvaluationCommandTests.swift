import Foundation
import Testing

/// `zeropark evaluate`, `keys generate` and `certificate issue|verify` (issue #11): an evaluator's loop from
/// park file to a signed certificate, verified offline; a changed byte or another key is named.
struct EvaluationCommandTests {
    let cli = CommandLineTests()

    /// A balanced park: 100 MWh of Jiangsu grid power (2023 vintage, 0.5827 t/MWh = 58.27 t) against 100 t of
    /// verified CCUS capture: net −41.73 tCO2.
    static let park = """
        zeropark: 1
        park: { id: test-park, name: 测试园区, type: industrial_park, province: jiangsu, area_m2: 10000, boundary: { evidence: [规划许可] } }
        period: { year: 2025 }
        sources:
          - { id: grid, name: 外购电力, system: energy, method: purchased_electricity, activity: { quantity: 100, unit: MWh }, data_source: 电费账单 }
        sinks:
          - { id: ccus, name: 碳捕集, kind: ccus, captured: { quantity: 100, unit: tCO2 }, verification: 核查报告 }
        """

    func evaluation(parkFile: String) -> String {
        """
        zeropark_evaluation: 1
        park_files: [\(parkFile)]
        operation_start: 2023-01-01
        evaluated_on: 2026-03-01
        basis: last_year
        evaluator: 评价人
        issuer: 评价机构
        valid_until: 2029-02-28
        answers:
          compliance: { passed: true, evidence: 审查记录 }
          catalogue: { passed: true, evidence: 采购清单 }
        """
    }

    @Test("evaluate → issue → verify offline; a flipped byte, another key and a revocation fail with their reason")
    func loop() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zp-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let parkPath = dir.appendingPathComponent("park-2025.yaml").path
        try Self.park.write(toFile: parkPath, atomically: true, encoding: .utf8)
        let evalPath = dir.appendingPathComponent("evaluation.yaml").path
        try evaluation(parkFile: "park-2025.yaml").write(toFile: evalPath, atomically: true, encoding: .utf8)

        let evaluated = try cli.run(["evaluate", evalPath])
        #expect(evaluated.status == 0 && evaluated.stdout.contains("结论：智慧零碳园区"), "\(evaluated.stdout)\(evaluated.stderr)")
        #expect(evaluated.stdout.contains("E 58.27 − S 100.0 − O 0.0 = -41.73 tCO2"))

        let keys = try cli.run(["keys", "generate", "--out", dir.path])
        #expect(keys.status == 0 && keys.stdout.hasPrefix("ed25519:"))
        let privateKey = dir.appendingPathComponent("zeropark-issuer.key").path, publicKey = dir.appendingPathComponent("zeropark-issuer.pub").path
        let mode = (try FileManager.default.attributesOfItem(atPath: privateKey)[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        #expect(try cli.run(["keys", "generate", "--out", dir.path]).status == 1)  // never overwritten

        let certificate = dir.appendingPathComponent("certificate.json").path
        let issued = try cli.run(["certificate", "issue", evalPath, "--key", privateKey, "--out", certificate])
        #expect(issued.status == 0, "\(issued.stderr)")
        let verified = try cli.run(["certificate", "verify", certificate, "--key", publicKey, "--today", "2026-06-01"])
        #expect(verified.status == 0 && verified.stdout.hasPrefix("VALID") && verified.stdout.contains("测试园区 · 智慧零碳园区 · 2025-01-01..2025-12-31"))

        // One changed byte (the year of recognition 2026 → 2027): the signature no longer matches.
        let text = try String(contentsOfFile: certificate, encoding: .utf8)
        try text.replacingOccurrences(of: "\"yearOfRecognition\":2026", with: "\"yearOfRecognition\":2027")
            .write(toFile: certificate + ".changed", atomically: true, encoding: .utf8)
        let changed = try cli.run(["certificate", "verify", certificate + ".changed", "--key", publicKey, "--today", "2026-06-01"])
        #expect(changed.status == 1 && changed.stderr.contains("INVALID") && changed.stderr.contains("signature does not match"))
        // Another issuer's key.
        let other = dir.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        _ = try cli.run(["keys", "generate", "--out", other.path])
        let wrongKey = try cli.run(["certificate", "verify", certificate, "--key", other.appendingPathComponent("zeropark-issuer.pub").path, "--today", "2026-06-01"])
        #expect(wrongKey.status == 1 && wrongKey.stderr.contains("not by the key given"))
        // Expired, and revoked.
        #expect(try cli.run(["certificate", "verify", certificate, "--key", publicKey, "--today", "2029-03-01"]).stderr.contains("expired on 2029-02-28"))
        let id = try #require(text.range(of: "urn:uuid:").map { String(text[$0.lowerBound...].prefix(45)) })
        let list = dir.appendingPathComponent("revoked.tsv").path
        try "\(id)\t评价撤回\n".write(toFile: list, atomically: true, encoding: .utf8)
        #expect(try cli.run(["certificate", "verify", certificate, "--key", publicKey, "--today", "2026-06-01", "--revoked", list]).stderr
            .contains("revoked: 评价撤回"))

        // Rotation: the old public key is kept under its key id and still verifies the old certificate; the
        // new pair signs from then on, and the two keys are not interchangeable.
        let oldID = try #require(keys.stdout.split(separator: "\n").first.map(String.init))
        let rotated = try cli.run(["keys", "rotate", "--dir", dir.path])
        #expect(rotated.status == 0 && rotated.stdout.contains("retired \(oldID)"), "\(rotated.stderr)")
        let retired = dir.appendingPathComponent("zeropark-issuer-\(oldID.replacingOccurrences(of: ":", with: "-")).pub").path
        #expect(try cli.run(["certificate", "verify", certificate, "--key", retired, "--today", "2026-06-01"]).status == 0)
        #expect(try cli.run(["certificate", "verify", certificate, "--key", publicKey, "--today", "2026-06-01"]).stderr.contains("not by the key given"))
        let listed = try cli.run(["keys", "list", "--dir", dir.path]).stdout
        #expect(listed.contains("\(oldID)\tzeropark-issuer-") && listed.contains("retired") && listed.contains("\tzeropark-issuer.pub\tsigning"))
        let renewed = dir.appendingPathComponent("renewed.json").path
        #expect(try cli.run(["certificate", "issue", evalPath, "--key", privateKey, "--out", renewed]).status == 0)
        #expect(try cli.run(["certificate", "verify", renewed, "--key", publicKey, "--today", "2026-06-01"]).status == 0)
    }

    @Test("an unbalanced park gets no certificate; a wrong evaluation file names field and line")
    func refusals() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("zp-eval-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Self.park.replacingOccurrences(of: "quantity: 100, unit: tCO2", with: "quantity: 10, unit: tCO2")
            .write(toFile: dir.appendingPathComponent("park-2025.yaml").path, atomically: true, encoding: .utf8)
        let evalPath = dir.appendingPathComponent("evaluation.yaml").path
        try evaluation(parkFile: "park-2025.yaml").write(toFile: evalPath, atomically: true, encoding: .utf8)
        _ = try cli.run(["keys", "generate", "--out", dir.path])
        let issued = try cli.run(["certificate", "issue", evalPath, "--key", dir.appendingPathComponent("zeropark-issuer.key").path,
                                  "--out", dir.appendingPathComponent("c.json").path])
        #expect(issued.status == 1 && issued.stderr.contains("grade is none"))
        try evaluation(parkFile: "park-2025.yaml").replacingOccurrences(of: "basis: last_year", with: "basis: sometimes")
            .write(toFile: evalPath, atomically: true, encoding: .utf8)
        let wrong = try cli.run(["evaluate", evalPath])
        #expect(wrong.status == 1 && wrong.stderr.contains("evaluation.yaml:5:") && wrong.stderr.contains("basis"))
    }
}
