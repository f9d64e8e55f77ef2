import Foundation
import Testing
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkStore
import ZeroParkTelemetry

/// `zeropark readings import` as a user runs it, with small pieces so that one file spans several:
/// problems come back in file order with the file's own line numbers, nothing of a refused file is
/// stored, and a good file lands whole (pass 2 parses the next piece while the current one is stored).
struct ReadingsImportTests {
    let cli = CommandLineTests()

    /// A database with the example park and one 15-minute interval meter `m1`.
    static func database() async throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zp-import-\(UUID().uuidString).sqlite").path
        let store = try SQLiteParkStore(path: path)
        let id = try await store.createUser(username: "admin", displayName: "admin", passwordHash: "x", isAdmin: true)
        let admin = try #require(try await store.caller(userID: id))
        let yaml = try String(contentsOf: CommandLineTests.root.appendingPathComponent("examples/park-example.yaml"), encoding: .utf8)
        _ = try await store.importPark(try ParkFileReader.read(yaml: yaml), caller: admin)
        _ = try await store.createMeter(parkKey: "nansha-demo", meter: MeterDefinition(
            key: "m1", name: "m1", quantity: .electricityImport, unit: "kWh", readingKind: .interval), caller: admin)
        return path
    }

    /// 2000-01-01T00:00+08:00 = 946,656,000 s; row i is 15 minutes after row i−1.
    static func csv(rows: Int, broken: [Int: String] = [:]) -> String {
        var lines = ["meter,ts,value"]
        for i in 0..<rows {
            let minutes = i * 15
            let stamp = String(format: "2000-01-%02dT%02d:%02d:00+08:00", 1 + minutes / 1440, minutes % 1440 / 60, minutes % 60)
            lines.append(broken[i + 2] ?? "m1,\(stamp),\(i)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Raw readings of m1 stored on 2000-01-01 (CST, day (946,656,000 + 28,800) / 86,400 = 10,957), where every row falls.
    func storedCount(_ database: String) async throws -> Int {
        let store = try SQLiteParkStore(path: database)
        let admin = try #require(try await store.caller(userID: 1))
        return try await store.rawReadings(parkKey: "nansha-demo", meterKey: "m1", day: 10_957, caller: admin).readings.count
    }

    @Test("problems in several pieces are listed in file order with the file's line numbers; nothing is stored")
    func refusedAcrossPieces() async throws {
        let database = try await Self.database()
        // 25 data rows (file lines 2–26) in pieces of 4 lines: line 7 is in the 2nd piece, 15 in the 4th, 26 in the 7th.
        let file = try cli.temporaryFile(Self.csv(rows: 25, broken: [
            7: "m1,2000-01-01T01:15:00+08:00,abc",
            15: "nope,2000-01-01T03:15:00+08:00,1",
            26: "m1,2000-01-01T06:00:00,1",
        ]))
        let run = try cli.run(["readings", "import", file, "--park", "nansha-demo", "--db", database, "--lines-per-batch", "4", "--lang", "en"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init)
        let seven = try #require(lines.firstIndex { $0.contains(":7:") && $0.contains("value") })
        let fifteen = try #require(lines.firstIndex { $0.contains("line 15") && $0.contains("nope") })
        let twentySix = try #require(lines.firstIndex { $0.contains(":26:") && $0.contains("ts") })
        #expect(seven < fifteen && fifteen < twentySix)
        #expect(run.stderr.contains("nothing imported"))
        #expect(try await storedCount(database) == 0)
        // In Chinese (the default): the same places, each reason in Chinese, and nothing imported.
        let zh = try cli.run(["readings", "import", file, "--park", "nansha-demo", "--db", database, "--lines-per-batch", "4"])
        let zhLines = zh.stderr.split(separator: "\n").map(String.init)
        #expect(zh.status == 1)
        #expect(zhLines.contains { $0.contains("line 15") && $0.contains("nope") && $0.contains("本园区没有此计量表") })
        #expect(zhLines.contains { $0.contains(":7:") && $0.contains("value") && StoreError.hasChinese($0) })
        #expect(zh.stderr.contains("未导入任何读数") && !zh.stderr.contains("nothing imported"))
        #expect(try await storedCount(database) == 0)
    }

    @Test("a good file in many pieces is stored whole, and a second import of it is all repeats")
    func acceptedAcrossPieces() async throws {
        let database = try await Self.database()
        let file = try cli.temporaryFile(Self.csv(rows: 25))
        let first = try cli.run(["readings", "import", file, "--park", "nansha-demo", "--db", database, "--lines-per-batch", "4", "--no-clean", "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("25 readings: 25 new, 0 repeats, 0 revisions"))
        #expect(try await storedCount(database) == 25)
        let again = try cli.run(["readings", "import", file, "--park", "nansha-demo", "--db", database, "--lines-per-batch", "7"])
        #expect(again.stdout.contains("25 条读数：新增 0，重复 25，修订 0") && again.stdout.contains("已清洗并汇总"))
    }
}
