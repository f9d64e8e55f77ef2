import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import ZeroParkServer

/// The source form's pickers (issue #12 defect 8): fuels, factors, units, gases, GWP sets and the park's
/// enterprises offered from the library and the park, names beside ids; a tenant is not shown the park's
/// other enterprises.
struct SourcePickerTests {
    @Test func theSourceFormOffersTheLibrarysAndTheParksChoices() async throws {
        let server = try await TestServer.make()
        try await server.run { client in
            let manager = try await WebTests.login(client, "manager", "zeropark-manager")
            try await client.execute(uri: "/parks/nansha-demo/sources/new", method: .get, headers: [.cookie: manager]) { response in
                let html = response.text
                for list in ["units-list", "fuels-list", "factors-list", "gases-list", "gwp-sets-list", "enterprises-list"] {
                    #expect(html.contains("list=\"\(list)\"") && html.contains("<datalist id=\"\(list)\">"), "\(list)")
                }
                // From the library: natural gas with its Chinese name, MWh and 10^4 Nm3 as activity units, HFC-134a, AR6.
                #expect(html.contains("<option value=\"natural_gas\" label=\"天然气（管道气，缺省）\">"))
                #expect(html.contains("<option value=\"MWh\">") && html.contains("<option value=\"10^4 Nm3\">"))
                #expect(html.contains("<option value=\"HFC-134a\"") && html.contains("<option value=\"AR6\" label=\"IPCC AR6\">"))
                // From the park: its own water factor and its enterprises.
                #expect(html.contains("<option value=\"park.water_supply\""))
                #expect(html.contains("<option value=\"logistics\" label=\"南沙园区物流有限公司\">"))
            }
            let tenant = try await WebTests.login(client, "logistics", "zeropark-tenant")
            try await client.execute(uri: "/parks/nansha-demo/sources/new", method: .get, headers: [.cookie: tenant]) { response in
                #expect(response.status == .ok && !response.text.contains("园区物业服务公司") && !response.text.contains("<option value=\"park.water_supply\""))
                #expect(response.text.contains("<option value=\"diesel\" label=\"柴油\">"))  // the library's choices still
            }
        }
    }
}
