import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// `GET /parks/{park}/inventory/range` (issue #8 §6): the document of a date range with each source's
/// basis; bad or missing dates are refused naming the parameter.
struct RangeInventoryAPITests {
    static let uri = "/api/v1/parks/nansha-demo/inventory/range"

    @Test("a range's document with its period, basis and what a range does not apply; bad dates refused")
    func range() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let headers = server.auth("manager")
            let json = try await client.execute(uri: "\(Self.uri)?from=2025-03-16&to=2025-04-15", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            }
            let inventory = try #require(json["inventory"] as? [String: Any])
            let period = try #require(inventory["period"] as? [String: Any])
            #expect(period["start"] as? String == "2025-03-16" && period["end"] as? String == "2025-04-15")
            #expect((json["basis"] as? [String: String])?["grid-electricity"] == "metered 0 d, typed 31 d of 31 d")
            #expect(json["not_applied"] as? [String] == ["offsets", "green_certificates"])
            // Activity is kept per calendar month of the range (two here: 16 days of March, 15 of April), so
            // a range across a new year can take each year's factors (EffectiveDatedFactorTests), and the
            // document carries the range's monthly emissions.
            let months = (inventory["monthly"] as? [[String: Any]])?.compactMap { $0["month"] as? String }
            #expect(months == ["2025-03", "2025-04"])
            // Without from: the twelve months ending on to (2024-04-16 … 2025-04-15, 365 days).
            let defaulted = try await client.execute(uri: "\(Self.uri)?to=2025-04-15", method: .get, headers: headers) { response in
                #expect(response.status == .ok)
                return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: Any])
            }
            let defaultPeriod = (defaulted["inventory"] as? [String: Any])?["period"] as? [String: Any]
            #expect(defaultPeriod?["start"] as? String == "2024-04-16" && defaultPeriod?["end"] as? String == "2025-04-15")
            try await client.execute(uri: "\(Self.uri)?from=2025-02-30&to=2025-04-15", method: .get, headers: headers) { response in
                #expect(response.status == .badRequest)
            }
            // A real date in a year outside 1990–2100 is well-formed but out of range: 422 naming the parameter.
            try await client.execute(uri: "\(Self.uri)?to=0415-02-10", method: .get, headers: headers) { response in
                #expect(response.status == .unprocessableContent && response.text.contains("\"field\":\"to\""))
            }
            try await client.execute(uri: "\(Self.uri)?from=2025-01-01&to=2026-06-30", method: .get, headers: headers) { response in
                #expect(response.status == .unprocessableContent && response.text.contains("366"))
            }
        }
    }
}
