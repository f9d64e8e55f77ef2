import Foundation
import Testing
import ZeroParkStore

/// The operator commands speak the reader's language (issue #12: every message the product prints, Chinese
/// first): `verify` and `users grant` in Chinese by default and in English with `--lang en`; the first word of a
/// `verify` result line (OK, FAILED, MISMATCH) stays as it is, for scripts.
struct OperatorCommandLanguageTests {
    let cli = CommandLineTests()

    @Test func verifyAndGrantInBothLanguages() async throws {
        let database = try await ReadingsImportTests.database()
        let zh = try cli.run(["verify", "--db", database])
        #expect(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.contains("个链节") && zh.stdout.contains("OK：每条哈希链都完好") && !zh.stdout.contains("every chain"))
        let en = try cli.run(["verify", "--db", database, "--lang", "en"])
        #expect(en.stdout.contains(" links, ") && en.stdout.contains("OK: every chain is intact"))
        let missing = try cli.run(["verify", "--db", database + ".none"])
        #expect(missing.status == 1 && missing.stderr.contains("没有这个数据库"))

        let store = try SQLiteParkStore(path: database)
        _ = try await store.createUser(username: "li", displayName: "李", passwordHash: "x", isAdmin: false)
        let grant = try cli.run(["users", "grant", "li", "nansha-demo", "auditor", "--db", database])
        #expect(grant.status == 0 && grant.stdout.contains("li 现为园区 nansha-demo 的") && StoreError.hasChinese(grant.stdout))
        let grantEn = try cli.run(["users", "grant", "li", "nansha-demo", "viewer", "--db", database, "--lang", "en"])
        #expect(grantEn.stdout.contains("li is viewer of nansha-demo"))
        let nobody = try cli.run(["users", "grant", "nobody", "nansha-demo", "viewer", "--db", database])
        #expect(nobody.status == 1 && nobody.stderr.contains("错误：") && StoreError.hasChinese(nobody.stderr))
    }

    /// Commands without a language option answer a refusal in both languages, Chinese first, on one line each.
    @Test func refusalsOfOtherCommandsLeadInChinese() throws {
        let unknown = try cli.run(["factors", "show", "grid.atlantis"])
        #expect(unknown.status == 1 && unknown.stderr.contains("错误：因子库") && unknown.stderr.contains("“grid.atlantis”"))
        #expect(unknown.stderr.contains("error: no factor or fuel with id \"grid.atlantis\""))
        let noKey = try cli.run(["certificate", "verify", "/nonexistent.json", "--key", "/nonexistent.pub"])
        #expect(noKey.status == 1 && noKey.stderr.contains("不是 Ed25519 公钥") && noKey.stderr.contains("not an Ed25519 public key"))
        let port = try cli.run(["serve", "--port", "0", "--db", "/nonexistent/zp.sqlite"])
        #expect(port.status != 0 && port.stderr.contains("--port 须为 1–65535"))
    }
}
