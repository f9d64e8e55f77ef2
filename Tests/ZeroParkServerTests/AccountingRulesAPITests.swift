import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// Issue #7 end to end through the API: certificates claimed once, rules that change the counted
/// figures, and the new blocks of the inventory document.
struct AccountingRulesAPITests {

    func emissions(_ client: some TestClientProtocol, _ server: TestServer) async throws -> [String: Any] {
        try await client.execute(uri: "/api/v1/parks/nansha-demo/inventory?year=2025", method: .get, headers: server.auth("manager")) { response in
            try #require(try response.json() as? [String: Any])
        }
    }

    @Test("a green certificate lowers the counted grid figure and cannot be claimed twice, in any year")
    func certificates() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let certificate = #"{"id":"GEC-1","source":"grid-electricity","mwh":1000,"vintage":2025,"year":2025,"retired":"2026-02-01"}"#
            try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .post, headers: server.auth("manager"),
                                     body: body(certificate)) { response in
                #expect(response.status == .created)
            }
            // Grid 50,690 MWh: (50,690 − 1,000) × 0.6096 = 30,291.024 tCO2 (was 30,900.624).
            let document = try await emissions(client, server)
            let grid = try #require((document["sources"] as? [[String: Any]])?.first { $0["id"] as? String == "grid-electricity" })
            #expect(abs((grid["tco2"] as? Double ?? 0) - 30_291.024) < 1e-6)
            let electricity = try #require(grid["electricity"] as? [String: Any])
            #expect(electricity["market_basis"] as? String == "residual_mix")
            #expect(electricity["certificate_mwh"] as? Double == 1000)
            #expect((document["certificates"] as? [[String: Any]])?.first?["status"] as? String == "applied")
            // The same id again — for this year or another — is a conflict, and nothing is stored.
            for year in [2025, 2024] {
                let again = certificate.replacingOccurrences(of: #""year":2025"#, with: #""year":\#(year)"#)
                try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .post, headers: server.auth("manager"),
                                         body: body(again)) { response in
                    #expect(response.status == .conflict)
                    #expect(response.text.contains("GEC-1"))
                }
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .get, headers: server.auth("manager")) { response in
                let list = try response.json() as? [Any]
                #expect(list?.count == 1)
            }
            // A certificate on a source that is not purchased electricity is refused with its field.
            let wrong = #"{"id":"GEC-2","source":"green-power","mwh":10,"vintage":2025,"year":2025}"#
            try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .post, headers: server.auth("manager"),
                                     body: body(wrong)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("source"))
            }
            // Hostile fields are refused with their field, and nothing is stored: a NUL in the id, 1e308 MWh.
            for hostile in [#"{"id":"GEC\u0000x","source":"grid-electricity","mwh":1,"vintage":2025,"year":2025}"#,
                            #"{"id":"GEC-3","source":"grid-electricity","mwh":1e308,"vintage":2025,"year":2025}"#] {
                try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .post, headers: server.auth("manager"),
                                         body: body(hostile)) { response in
                    #expect(response.status == .unprocessableContent)
                }
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .get, headers: server.auth("manager")) { response in
                let list = try response.json() as? [Any]
                #expect(list?.count == 1)
            }
            // A tenant neither lists nor adds certificates.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/certificates", method: .get, headers: server.auth("logistics")) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("the market basis and the export rule are park rules; the document says which applied")
    func rules() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            var document = try await emissions(client, server)
            #expect((document["rules"] as? [String: String])?["market_basis"] == "residual")
            let indicator = try #require(document["indicator"] as? [String: Any])
            #expect(indicator["scale_class"] as? String == "below_200k_tce")
            #expect(indicator["threshold"] == nil || indicator["threshold"] is NSNull)
            #expect((indicator["unconfirmed"] as? [String])?.isEmpty == false)
            try await client.execute(uri: "/api/v1/parks/nansha-demo/rules", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"market_basis":"average"}"#)) { response in
                #expect(response.status == .ok)
            }
            // Average basis: grid 50,690 × 0.4419 = 22,399.911 → total 40,851.3485263906 − 8,500.713 = 32,350.6355263906.
            document = try await emissions(client, server)
            let totals = try #require(document["totals"] as? [String: Any])
            #expect(abs((totals["emissions_tco2"] as? Double ?? 0) - 32_350.6355263906) < 1e-6)
            try await client.execute(uri: "/api/v1/parks/nansha-demo/rules", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"market_basis":"cheapest"}"#)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(response.text.contains("market_basis"))
            }
            for bad in [#"{"offset_vintage_window_years":99}"#, #"{"report_date":"2026-13-01"}"#] {
                try await client.execute(uri: "/api/v1/parks/nansha-demo/rules", method: .put, headers: server.auth("manager"),
                                         body: body(bad)) { response in
                    #expect(response.status == .unprocessableContent)
                }
            }
            // A report date before the credits' retirements (2026-03-15, 2026-03-20) stops them counting:
            // offsets 26,400 → 2,400 (the funded project only); absent keys return to their defaults.
            try await client.execute(uri: "/api/v1/parks/nansha-demo/rules", method: .put, headers: server.auth("manager"),
                                     body: body(#"{"market_basis":"average","report_date":"2026-03-01"}"#)) { response in
                #expect(response.status == .ok)
            }
            document = try await emissions(client, server)
            #expect(((document["totals"] as? [String: Any])?["offsets_tco2"] as? Double) == 2_400)
            #expect((document["rules"] as? [String: String])?["report_date"] == "2026-03-01")
            try await client.execute(uri: "/api/v1/parks/nansha-demo/rules", method: .put, headers: server.auth("auditor"),
                                     body: body(#"{"market_basis":"residual"}"#)) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/api/v1/parks/nansha-demo/rules", method: .get, headers: server.auth("auditor")) { response in
                let rules = try response.json() as? [String: Any]
                #expect(rules?["market_basis"] as? String == "average")
            }
        }
    }
}
