import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroParkStore
@testable import ZeroParkServer

/// The disclosure of a published snapshot (issue #12 defect 10; issue #11 item 6; STANDARD.md 1.1.2(d)):
/// without one the public page says its figures are live; with one it shows the snapshot's figures with
/// its publication and hashes, unmoved by later edits, and links the snapshot's report for anyone.
struct DisclosureSnapshotTests {
    @Test func aPublishedSnapshotIsDisclosedAndLaterEditsDoNotMoveIt() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            try await client.execute(uri: "/public/nansha-demo", method: .get) { response in
                #expect(response.text.contains("id=\"disclosure-live\"") && response.text.contains("40,851.35"))
            }
            try await client.execute(uri: "/public/nansha-demo/report", method: .get) { #expect($0.status == .notFound) }
            let manager = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            var (status, _) = try await manager.post("/parks/nansha-demo/inventories", form: "year=2025", tokenFrom: "/parks/nansha-demo/inventories")
            #expect(status == .seeOther)
            let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
            let snapshot = try #require(try await server.store.snapshots(parkKey: "nansha-demo", caller: admin).first)
            // Managers do not publish.
            (status, _) = try await manager.post("/parks/nansha-demo/settings/published-snapshot", form: "snapshot=\(snapshot.id)",
                                                 tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .forbidden)
            let adminSession = WebTests.Session(client: client, cookie: try await WebTests.login(client, "admin", "zeropark-admin"))
            (status, _) = try await adminSession.post("/parks/nansha-demo/settings/published-snapshot", form: "snapshot=999999",
                                                      tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .notFound)
            (status, _) = try await adminSession.post("/parks/nansha-demo/settings/published-snapshot", form: "snapshot=\(snapshot.id)",
                                                      tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .seeOther || status == .ok)
            // A later edit: water 920,000 → 1,000,000 t moves the live figures, not the disclosure.
            try await server.store.recordActivity(parkKey: "nansha-demo", values: [.init(sourceKey: "water", year: 2025, month: 0, value: 1_000_000)],
                                                  caller: admin)
            // 1,000,000 t × 0.21 kgCO2/t = 210 t against 193.2 t: the live total 40,851.35 + 16.8 = 40,868.15.
            let (_, overview) = try await manager.get("/parks/nansha-demo?year=2025")
            #expect(overview.contains("40,868.15"))
            try await client.execute(uri: "/public/nansha-demo", method: .get) { response in
                let html = response.text
                #expect(html.contains("id=\"disclosure-basis\"") && html.contains("#\(snapshot.id)（2025）") && html.contains(snapshot.outputHash))
                #expect(html.contains("40,851.35") && !html.contains("id=\"disclosure-live\""))
            }
            try await client.execute(uri: "/public/nansha-demo/report", method: .get) { response in
                #expect(response.status == .ok && response.text.contains("园区碳排放与碳吸收报告") && response.text.contains(snapshot.inputHash))
            }
            // Withdrawn: live again, and no public report.
            (status, _) = try await adminSession.post("/parks/nansha-demo/settings/published-snapshot", form: "snapshot=",
                                                      tokenFrom: "/parks/nansha-demo/settings")
            try await client.execute(uri: "/public/nansha-demo", method: .get) { #expect($0.text.contains("id=\"disclosure-live\"")) }
            try await client.execute(uri: "/public/nansha-demo/report", method: .get) { #expect($0.status == .notFound) }
            // An unpublished park has no public report, whatever is set.
            try await client.execute(uri: "/public/xihu-creative/report", method: .get) { #expect($0.status == .notFound) }
        }
    }
}
