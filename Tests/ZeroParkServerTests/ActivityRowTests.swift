import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkStore
@testable import ZeroParkServer

/// Activity rows on a source's page (issue #12 defect 8): the year's rows only (all years on request),
/// each with an edit link that fills the form and a delete button; times in China time; tenants change
/// only their own enterprise's rows, and another's stays unknown to them.
struct ActivityRowTests {
    @Test func aYearsRowsAreEditedAndDeletedOneByOne() async throws {
        let server = try await TestServer.make()
        let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
        let store = server.store
        try await server.run { client in
            let manager = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            // The demo has water for 2024 (955,000 t) and 2025 (920,000 t): the 2025 page lists 2025 only.
            var (_, page) = try await manager.get("/parks/nansha-demo/sources/water?year=2025")
            #expect(page.contains("id=\"activity-2025-0\"") && !page.contains("id=\"activity-2024-0\""))
            #expect(page.contains("id=\"activity-all-years\"") && page.contains("CST"))
            (_, page) = try await manager.get("/parks/nansha-demo/sources/water?year=2025&all=1")
            #expect(page.contains("id=\"activity-2024-0\"") && page.contains("id=\"activity-2025-0\""))
            // The edit link fills the form with the row.
            (_, page) = try await manager.get("/parks/nansha-demo/sources/water?year=2025&edit_month=0")
            #expect(page.contains("id=\"activity-value\" value=\"920000.0\"") && page.contains("修改活动数据"))
            var status: HTTPResponse.Status
            (status, _) = try await manager.post("/parks/nansha-demo/sources/water/activity", form: "year=2025&month=0&value=910000&data_source=%E6%9B%B4%E6%AD%A3",
                                                 tokenFrom: "/parks/nansha-demo/sources/water?year=2025")
            #expect(status == .seeOther)
            #expect(try await store.activity(parkKey: "nansha-demo", sourceKey: "water", caller: admin).filter { $0.year == 2025 }.map(\.value) == [910_000])
            // Deleting the 2024 row leaves 2025 as it is; deleting it again is "not found".
            (status, _) = try await manager.post("/parks/nansha-demo/sources/water/activity/delete", form: "year=2024&month=0",
                                                 tokenFrom: "/parks/nansha-demo/sources/water?year=2024")
            #expect(status == .seeOther)
            #expect(try await store.activity(parkKey: "nansha-demo", sourceKey: "water", caller: admin).map(\.year) == [2025])
            (status, _) = try await manager.post("/parks/nansha-demo/sources/water/activity/delete", form: "year=2024&month=0",
                                                 tokenFrom: "/parks/nansha-demo/sources/water?year=2024")
            #expect(status == .notFound)
            let log = try await store.auditLog(parkKey: "nansha-demo", caller: admin, limit: 20)
            let deletions = log.filter { (entry: AuditEntry) -> Bool in entry.entity == "activity" && entry.action == "delete" }.map(\.entityKey)
            #expect(deletions == ["water/2024-0"])
            // A tenant cannot delete the park's water (another enterprise's source): not found, and it stays.
            let tenant = WebTests.Session(client: client, cookie: try await WebTests.login(client, "logistics", "zeropark-tenant"))
            (status, _) = try await tenant.post("/parks/nansha-demo/sources/water/activity/delete", form: "year=2025&month=0",
                                                tokenFrom: "/parks/nansha-demo/sources?year=2025")
            #expect(status == .notFound)
            #expect(try await store.activity(parkKey: "nansha-demo", sourceKey: "water", caller: admin).map(\.value) == [910_000])
            // A month out of range is refused.
            (status, _) = try await manager.post("/parks/nansha-demo/sources/water/activity/delete", form: "year=2025&month=13",
                                                 tokenFrom: "/parks/nansha-demo/sources/water?year=2025")
            #expect(status == .unprocessableContent)
        }
    }
}
