import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The offsets table and form (docs/accounting-rules.md §4): claimed, counted and surplus tonnes, the
/// reason, each warning in Chinese with its clause; the form's new fields; a taken registry reference.
struct OffsetWebTests {
    @Test("the offsets table shows counted, surplus and warnings with their clause; the form takes the new fields")
    func offsetsPage() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let session = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            // A PHCER without vintage or retirement: refused twice (1.1.7). Form fields: vintage, project_province,
            // retired_for, verification; no "local" box.
            var (status, page) = try await session.post("/parks/nansha-demo/offsets?year=2025",
                                                        form: "id=phcer-new&name=x&type=PHCER&tco2=50&registry_ref=GD-NEW-1",
                                                        tokenFrom: "/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(status == .seeOther)
            (_, page) = try await session.get("/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(page.contains("未注销 [1.1.7]"))
            #expect(page.contains("缺少减排年份 [1.1.7]"))
            #expect(page.contains("未注明注销受益方（已计入） [1.1.7]"))
            #expect(page.contains("name=\"project_province\""))
            #expect(page.contains("name=\"retired_for\""))
            #expect(!page.contains("name=\"local\""))
            #expect(page.contains("盈余 tCO2"))
            // A Guangdong CCER of 20,000 for the park pushes the claims (26,400 + 20,000) past the cap
            // (40,851.35 − 952.3 = 39,899.05): a surplus line appears.
            (status, _) = try await session.post("/parks/nansha-demo/offsets?year=2025",
                                                 form: "id=gd&name=gd&type=CCER&tco2=20000&vintage=2025&project_province=guangdong&retired=2026-01-10&retired_for=nansha-demo&registry_ref=GD-CCER-1",
                                                 tokenFrom: "/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(status == .seeOther)
            (_, page) = try await session.get("/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(page.contains("超出“排放 − 碳汇”的部分为盈余，不计入 [1.1.4(b)]"))
            // The same registry reference again is an inline error naming it.
            (status, page) = try await session.post("/parks/nansha-demo/offsets?year=2025",
                                                    form: "id=dup&name=dup&type=CCER&tco2=1&vintage=2025&registry_ref=gd-ccer-1",
                                                    tokenFrom: "/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(status == .unprocessableContent)
            #expect(page.contains("gd-ccer-1"))
            // The edit form carries the stored fields back.
            (_, page) = try await session.get("/parks/nansha-demo/offsets/gd/edit?year=2025")
            #expect(page.contains("<select name=\"project_province\">") && page.contains("<option value=\"guangdong\" selected>"))
            #expect(page.contains("name=\"retired_for\" value=\"nansha-demo\""))
            #expect(page.contains("name=\"vintage\" value=\"2025\""))
        }
    }
}
