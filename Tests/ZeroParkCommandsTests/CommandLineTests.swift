import Foundation
import Testing
@testable import ZeroParkCommands
import ZeroParkReports

/// The `zeropark` binary run as a user runs it: output, exit codes 0/1/2, no crash on bad input.
struct CommandLineTests {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var example: String { root.appendingPathComponent("examples/park-example.yaml").path }

    /// The built `zeropark` next to this test bundle.
    static func binary() throws -> URL {
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("zeropark")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        throw CommandLineFailure("zeropark binary not found near \(Bundle.main.bundleURL.path)")
    }

    func run(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try Self.binary()
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zeropark-test-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test("inventory prints a Chinese table by default and English with --lang en")
    func table() throws {
        let zh = try run(["inventory", Self.example])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("碳排放（市场法，计入）"))
        #expect(zh.stdout.contains("40,851.35"))
        #expect(zh.stdout.contains("13,499.05"))
        #expect(zh.stdout.contains("grid.national_residual@2023 = 0.6096"))
        #expect(zh.stdout.contains("单位能耗碳排放 = 3.168025 tCO2/tce"))
        #expect(zh.stdout.contains("未实现碳中和"))
        let en = try run(["inventory", Self.example, "--lang", "en"])
        #expect(en.status == 0)
        #expect(en.stdout.contains("Emissions (market-based, counted)"))
        #expect(en.stdout.contains("Nansha Smart Manufacturing Park"))
    }

    @Test("inventory --format json follows zeropark.inventory/1 with unrounded numbers")
    func json() throws {
        let result = try run(["inventory", Self.example, "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "zeropark.inventory/1")
        let totals = try #require(object["totals"] as? [String: Any])
        let emissions = try #require(totals["emissions_tco2"] as? Double)
        // 40,851.3485263906 by hand (see ExampleParkTests): not rounded to 2 decimals.
        #expect(abs(emissions - 40851.3485263906) < 1e-6)
        #expect(totals["balanced"] as? Bool == false)
    }

    @Test("inventory --format csv has a header, one row per line item and the totals")
    func csv() throws {
        let result = try run(["inventory", Self.example, "--format", "csv", "--lang", "en"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("record,id,name") == true)
        // 11 sources + 2 sinks + 3 offsets + 9 totals (offsets claimed and surplus added) + header
        #expect(lines.count == 26)
        #expect(lines.contains { $0.hasPrefix("total,net_tco2,") })
    }

    @Test("validate: ok exits 0; a broken file exits 1 with file:line:column and field")
    func validate() throws {
        let ok = try run(["validate", Self.example, "--lang", "en"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("ok"))
        let text = try String(contentsOfFile: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "fuel: diesel", with: "fuel: dieselx")
        let path = try temporaryFile(text)
        let bad = try run(["validate", path, "--lang", "en"])
        #expect(bad.status == 1)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("fuel: dieselx") }) + 1
        // `    fuel: dieselx`: the value starts in column 11.
        #expect(bad.stderr.contains("\(path):\(line):11: sources[fleet-diesel].fuel: unknown fuel \"dieselx\""))
    }

    @Test("malformed YAML and a missing file exit 1 without a crash")
    func badInput() throws {
        let path = try temporaryFile("zeropark: 1\npark: {id: x\n")
        let malformed = try run(["inventory", path])
        #expect(malformed.status == 1)
        #expect(malformed.stderr.contains(path + ":"))
        let missing = try run(["inventory", "/nonexistent/park.yaml", "--lang", "en"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("cannot read"))
    }

    @Test("usage errors exit 2", arguments: [["inventory"], ["inventory", "x.yaml", "--format", "pdf"], ["frobnicate"], ["inventory", "--bogus"]])
    func usage(_ arguments: [String]) throws {
        let result = try run(arguments)
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test("--help exits 0")
    func help() throws {
        let result = try run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("inventory"))
    }

    @Test("factors list/show browse the library with citations")
    func factors() throws {
        let list = try run(["factors", "list", "--search", "guangdong"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("grid.guangdong"))
        #expect(list.stdout.contains("0.4419"))
        let show = try run(["factors", "show", "grid.guangdong"])
        #expect(show.status == 0)
        #expect(show.stdout.contains("0.4403"))
        #expect(show.stdout.contains("S-GH-P23"))
        let fuel = try run(["factors", "show", "diesel", "--lang", "en"])
        #expect(fuel.status == 0)
        #expect(fuel.stdout.contains("42.652 GJ/t"))
        let unknown = try run(["factors", "show", "grid.atlantis"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("grid.atlantis"))
    }

    @Test("factors list shows the issue #7 fuels, gases and CH4/N2O factors with their citation keys")
    func newFuelsListed() throws {
        let list = try run(["factors", "list", "--search", "coke_oven_gas", "--lang", "en"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("fuel.coke_oven_gas"))
        #expect(list.stdout.contains("IPCC-2006-V2C1"))
        #expect(list.stdout.contains("combustion.ch4.coke_oven_gas"))
        #expect(list.stdout.contains("IPCC-2006-V2T2.3"))
        let gasField = try run(["factors", "show", "coal.natural_gas_gas_field"])
        #expect(gasField.status == 0)
        #expect(gasField.stdout.contains("1.2143 kgce/Nm3"))
        let lng = try run(["factors", "show", "lng", "--lang", "en"])
        #expect(lng.stdout.contains("48 GJ/t"))
        #expect(lng.stdout.contains("NCV ÷ 29.3076 GJ/tce"))
        #expect(lng.stdout.contains("EF IDs 117481"))
    }
}

/// Terminal rendering helpers.
struct RenderingTests {
    @Test("CJK characters take two columns")
    func width() {
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("能源") == 4)
        #expect(displayWidth("能源（1.1.2）") == 4 + 2 + 5 + 2)
    }

    @Test("numbers are grouped and rounded for display only", arguments: [
        (32350.6355263906, 2, "32,350.64"), (0.0, 2, "0.00"), (-4998.335, 1, "-4,998.3"), (999.995, 2, "1,000.00"), (1234567.0, 0, "1,234,567"),
    ])
    func grouped(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == expected)
    }
}
