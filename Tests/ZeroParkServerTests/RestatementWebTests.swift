import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// Issue #7 items 1, 5 and 8 through the dashboard: rules and factor edits show the restatement they
/// cause, a stored snapshot is restated beside a fresh computation and never recomputed in place,
/// certificates are claimed on the sinks-and-offsets page.
struct RestatementWebTests {
    @Test("a factor edit shows the inventory before and after; the snapshot stays as stored and is restated beside it")
    func factorEdit() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let session = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            var (status, page) = try await session.post("/parks/nansha-demo/inventories", form: "year=2025", tokenFrom: "/parks/nansha-demo/inventories")
            #expect(status == .seeOther)
            // The snapshot just taken (the demo seeds the creative park's first, so its id is not 1).
            let admin = try #require(try await server.store.caller(apiKeyHash: Secrets.hash(server.keys["admin"] ?? "")))
            let id = try #require(try await server.store.snapshots(parkKey: "nansha-demo", caller: admin).first?.id)
            // Water 920,000 t × 0.21 → 0.22 kgCO2/t: 193.2 → 202.4 tCO2 (+9.2); the total 40,851.35 → 40,860.55.
            (status, page) = try await session.post("/parks/nansha-demo/settings/factors",
                                                    form: "id=park.water_supply&value=0.22&unit=kgCO2%2Ft&source=%E6%B5%8B%E7%AE%97",
                                                    tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .ok)
            #expect(page.contains("园区因子已保存：核算结果重述"))
            #expect(page.contains("factor park.water_supply 0.21 kgCO2/t → 0.22 kgCO2/t"))
            #expect(page.contains("40,851.35") && page.contains("40,860.55"))
            // The snapshot keeps its stored figures; its restatement against current data shows the move.
            (_, page) = try await session.get("/parks/nansha-demo/inventories?year=2025")
            #expect(page.contains("40,851.35"))
            (status, page) = try await session.get("/parks/nansha-demo/inventories/\(id)/restatement")
            #expect(status == .ok)
            #expect(page.contains("factor park.water_supply 0.21 kgCO2/t → 0.22 kgCO2/t"))
            #expect(page.contains("9.20"))
            // Against the library only: the snapshot's own inputs with today's library — nothing moved.
            (status, page) = try await session.get("/parks/nansha-demo/inventories/\(id)/restatement?against=library")
            #expect(status == .ok)
            #expect(page.contains("id=\"restatement-unchanged\""))
            // The CSV of the snapshot is its own inputs recomputed: the same figures, so it is served.
            (status, page) = try await session.get("/parks/nansha-demo/inventories/\(id)/download?format=csv")
            #expect(status == .ok)
            // For Excel: a UTF-8 byte-order mark, then a header in one language (issue #12 defect 9).
            #expect(page.unicodeScalars.first == "\u{FEFF}")
            let header = page.dropFirst().split(separator: "\r\n").first?.split(separator: ",") ?? []
            #expect(header.count == 20 && header.allSatisfy { cell in cell.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } },
                    "\(header)")
        }
    }

    @Test("the rules form changes the basis, shows the restatement, and the overview names the rule")
    func rulesForm() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let session = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            var (_, page) = try await session.get("/parks/nansha-demo?year=2025")
            #expect(page.contains("id=\"basis-residual\">grid.national_residual = 0.6096 tCO2/MWh"))
            #expect(page.contains("id=\"indicator-class\">年综合能耗低于20万吨标准煤"))
            #expect(page.contains("id=\"indicator-threshold\">— tCO2/tce"))
            var status: HTTPResponse.Status
            (status, page) = try await session.post("/parks/nansha-demo/settings/rules",
                                                    form: "market_basis=average&exported_energy=net_purchase&clean_energy=non_fossil&indicator_electricity=market",
                                                    tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .ok)
            #expect(page.contains("market_basis: residual → average"))
            // Grid 50,690 MWh: 30,900.624 → 22,399.911 tCO2 (Δ −8,500.713).
            #expect(page.contains("-8,500.71"))
            (_, page) = try await session.get("/parks/nansha-demo?year=2025")
            #expect(page.contains("id=\"kpi-emissions\">32,350.64"))
            #expect(!page.contains("id=\"basis-residual\""))
            (status, page) = try await session.post("/parks/nansha-demo/settings/rules", form: "market_basis=cheapest",
                                                    tokenFrom: "/parks/nansha-demo/settings")
            #expect(status == .unprocessableContent)
            #expect(page.contains("market_basis"))
        }
    }

    @Test("a certificate is claimed on the sinks-and-offsets page; a second claim of its id is refused there")
    func certificateForm() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let session = WebTests.Session(client: client, cookie: try await WebTests.login(client, "manager", "zeropark-manager"))
            let form = "id=GEC-77&source=grid-electricity&mwh=690&vintage=2025&retired=2026-01-15&registry=%E5%9B%BD%E5%AE%B6%E7%BB%BF%E8%AF%81"
            var (status, page) = try await session.post("/parks/nansha-demo/certificates?year=2025", form: form,
                                                        tokenFrom: "/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(status == .seeOther)
            (_, page) = try await session.get("/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(page.contains("GEC-77") && page.contains("已抵扣") && page.contains("2026-01-15 注销，2025 年生产"))
            // (50,690 − 690) × 0.6096 = 30,480 tCO2 for the grid line.
            (_, page) = try await session.get("/parks/nansha-demo/sources/grid-electricity?year=2025")
            #expect(page.contains("30,480.00"))
            (status, page) = try await session.post("/parks/nansha-demo/certificates?year=2025", form: form,
                                                    tokenFrom: "/parks/nansha-demo/sinks-offsets?year=2025")
            #expect(status == .unprocessableContent)
            #expect(page.contains("GEC-77"))
        }
    }
}
