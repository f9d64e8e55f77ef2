import Testing
@testable import ZeroParkInput

/// The JSON readings shapes (HTTP body, MQTT gateway, MQTT per-meter): accepted shapes, every
/// problem's field, line and column, limits and hostile input.
struct ReadingsPayloadTests {
    func problems(_ text: String, limits: ReadingLimits = .default) -> [InputProblem] {
        do throws(InputError) {
            _ = try ReadingsPayload.httpJSON(Array(text.utf8), limits: limits)
            return []
        } catch {
            return error.problems
        }
    }

    func first(_ text: String, limits: ReadingLimits = .default) -> InputProblem? { problems(text, limits: limits).first }

    func reading(_ members: String) -> String { "{\"readings\":[{\(members)}]}" }

    @Test("HTTP body: members in any order, meters interned in order of first appearance, positions of each reading")
    func httpShape() throws {
        let body = """
        {"readings": [
          {"meter": "m-001", "ts": "2026-11-26T08:15:00+08:00", "value": 123.45},
          {"value": -7, "ts": "2026-11-26T00:30:00Z", "meter": "m-002"},
          {"ts": "2026-11-26T08:45:00+08:00", "meter": "m-001", "value": 1e3}
        ]}
        """
        let batch = try ReadingsPayload.httpJSON(Array(body.utf8))
        #expect(batch.meters == ["m-001", "m-002"])
        #expect(batch.readings.map(\.meter) == [0, 1, 0])
        // 08:15+08:00 = 00:15Z = 1,795,651,200 + 900; 00:30Z = +1,800; 08:45+08:00 = 00:45Z = +2,700.
        #expect(batch.readings.map(\.ts) == [1_795_652_100, 1_795_653_000, 1_795_653_900])
        #expect(batch.readings.map(\.value) == [123.45, -7, 1000])
        // Each reading's `{` is at column 3 of lines 2, 3, 4.
        #expect(batch.readings.map(\.line) == [2, 3, 4])
        #expect(batch.readings.map(\.column) == [3, 3, 3])
        #expect(batch.meterKey(of: batch.readings[1]) == "m-002")
        #expect(try ReadingsPayload.mqttGateway(Array(body.utf8)) == batch)
        #expect(try ReadingsPayload.httpJSON(Array("{\"readings\":[]}".utf8)).readings.isEmpty)
    }

    @Test("the brief's example: readings[17].ts names index, field, line and column")
    func exampleMessage() {
        let good = "{\"meter\":\"m-001\",\"ts\":\"2026-11-26T08:15:00+08:00\",\"value\":1}"
        let items = Array(repeating: good, count: 17) + ["{\"meter\":\"m-001\",\"ts\":\"2026-11-26 08:15\",\"value\":1}"]
        let body = "{\"readings\":[" + items.joined(separator: ",") + "]}"
        let found = problems(body)
        #expect(found.count == 1)
        // 13 bytes of `{"readings":[`, 17 × (60 + 1 comma) = 1,037, then `{"meter":"m-001",` (17) and `"ts":` (5):
        // the ts string starts at offset 13 + 1,037 + 22 = 1,072, column 1,073.
        #expect(good.utf8.count == 60)
        #expect(found.first?.field == "readings[17].ts")
        #expect(found.first?.code == "bad_timestamp")
        #expect(found.first?.line == 1 && found.first?.column == 1_073)
        #expect(found.first?.description == "line 1, column 1073: readings[17].ts is not an RFC 3339 timestamp with offset (e.g. 2026-11-26T08:15:00+08:00)")
    }

    @Test("field problems are all collected, each with its field, line and column")
    func collected() {
        let body = """
        {"readings":[
        {"meter":"m 1","ts":"2026-11-26T08:15:00.5+08:00","value":"3"},
        {"meter":"m-2","ts":"2027-02-29T00:00:00Z","value":2e12,"unit":"kWh"},
        {"meter":"m-3","meter":"m-4","ts":"1999-12-31T23:59:59Z"},
        {"meter":"","ts":"2026-11-26T08:15:00Z","value":1}
        ]}
        """
        let found = problems(body)
        let summary = found.map { "\($0.field)@\($0.line ?? 0):\($0.column ?? 0) \($0.code)" }
        #expect(summary == [
            "readings[0].meter@2:10 bad_meter",
            "readings[0].ts@2:21 fractional_seconds",
            "readings[0].value@2:59 wrong_type",
            "readings[1].ts@3:21 invalid_date",
            "readings[1].value@3:52 value_out_of_range",
            "readings[1]@3:57 unknown_member",
            "readings[2].meter@4:16 duplicate_key",
            "readings[2].ts@4:35 date_out_of_range",
            "readings[2].value@4:1 missing_member",
            "readings[3].meter@5:10 bad_meter",
        ])
        #expect(found[0].en.contains("U+0020") && found[0].en.contains("character 2"))
        #expect(found[2].en == "must be a JSON number, found a string")
        #expect(found[5].en == "unknown member \"unit\" (allowed: meter, ts, value)")
        #expect(found[9].en == "must be 1 to 64 characters long, got 0")
    }

    @Test("columns count code points: a wide character before a problem moves it by one column, not three")
    func codePointColumns() {
        // `{"x":"名","readings":[{"meter":"m-1","ts":"bad","value":1}]}`: "名" is 1 code point (3 bytes).
        let found = problems("{\"x\":\"名\",\"readings\":[{\"meter\":\"m-1\",\"ts\":\"bad\",\"value\":1}]}")
        #expect(found.map(\.code) == ["unknown_member", "bad_timestamp"])
        // `{"x":"名","readings":[{"meter":"m-1","ts":` is 41 code points, so "bad" starts at column 42.
        #expect(found[1].column == 42)
    }

    @Test("meter keys: 64 characters accepted, 65 and control characters refused, escapes decoded")
    func meterKeys() throws {
        let sixtyFour = String(repeating: "a", count: 64)
        #expect(first(reading("\"meter\":\"\(sixtyFour)\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0")) == nil)
        #expect(first(reading("\"meter\":\"\(sixtyFour)b\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0"))?.en == "must be 1 to 64 characters long, got 65")
        let control = first(reading("\"meter\":\"m\\u0000x\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0"))
        #expect(control?.code == "bad_meter" && control?.en.contains("U+0000") == true)
        #expect(first(reading("\"meter\":\"m\u{7}\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0"))?.code == "json_syntax")
        #expect(first(reading("\"meter\":\"m\u{202E}1\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0"))?.en.contains("U+202E") == true)
        let escaped = try ReadingsPayload.httpJSON(Array(reading("\"meter\":\"m\\u002d1\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0").utf8))
        #expect(escaped.meters == ["m-1"])
    }

    @Test("numbers: JSON grammar, finite, |v| ≤ 1e12, correctly rounded")
    func numbers() throws {
        func value(_ text: String) -> InputProblem? { first(reading("\"meter\":\"m\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":\(text)")) }
        #expect(value("1e12") == nil && value("-1e12") == nil && value("0") == nil && value("-0.0") == nil)
        #expect(value("1.0000000001e12")?.code == "value_out_of_range")
        #expect(value("1e400")?.code == "value_out_of_range")
        #expect(value("1" + String(repeating: "0", count: 400))?.code == "bad_number")
        #expect(value("NaN")?.en.contains("NaN and Infinity") == true)
        #expect(value("Infinity")?.code == "json_syntax")
        #expect(value("-Infinity")?.code == "json_syntax")
        #expect(value("01")?.code == "json_syntax")
        #expect(value("1.")?.code == "json_syntax")
        #expect(value(".5")?.code == "json_syntax")
        #expect(value("+1")?.code == "json_syntax")
        #expect(value("0x10")?.code == "json_syntax")
        #expect(value("null")?.en == "must be a JSON number, found null")
        // 0.1 + 0.2 style: the parsed double is exactly the one Double(String) gives.
        let batch = try ReadingsPayload.httpJSON(Array(reading("\"meter\":\"m\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":0.30000000000000004").utf8))
        #expect(batch.readings[0].value == 0.30000000000000004 && batch.readings[0].value != 0.3)
        #expect(batch.readings[0].value.bitPattern == Double("0.30000000000000004")?.bitPattern)
    }

    @Test("structure: duplicate and unknown top-level members, wrong types, missing readings, BOM, trailing text")
    func structure() {
        #expect(first("{\"readings\":[],\"readings\":[]}")?.code == "duplicate_key")
        let unknown = first("{\"park\":1,\"readings\":[]}")
        #expect(unknown?.code == "unknown_member" && unknown?.line == 1 && unknown?.column == 2)
        #expect(first("{}")?.field == "readings")
        #expect(first("{}")?.code == "missing_member")
        #expect(first("[]")?.code == "wrong_type")
        #expect(first("{\"readings\":{}}")?.code == "wrong_type")
        #expect(first("{\"readings\":[1]}")?.field == "readings[0]")
        #expect(first("\u{FEFF}{\"readings\":[]}")?.code == "bom")
        #expect(first("{\"readings\":[]} x")?.code == "json_syntax")
        #expect(first("{\"readings\":[")?.en.contains("incomplete") == true)
        #expect(first("")?.code == "json_syntax")
        do throws(InputError) {
            _ = try ReadingsPayload.httpJSON(Array("{\"readings\":[{\"meter\":\"".utf8) + [0xFF] + Array("\"}]}".utf8))
            Issue.record("invalid UTF-8 accepted")
        } catch {
            #expect(error.first?.code == "bad_utf8")
        }
    }

    @Test("limits: readings per body, bytes, nesting depth of unknown values, problem cap")
    func limits() {
        let one = "{\"meter\":\"m\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":1}"
        let three = "{\"readings\":[\(one),\(one),\(one)]}"
        #expect(first(three, limits: ReadingLimits(maxReadings: 3)) == nil)
        let tooMany = first(three, limits: ReadingLimits(maxReadings: 2))
        #expect(tooMany?.code == "too_many_readings" && tooMany?.field == "readings[2]")
        #expect(first(three, limits: ReadingLimits(maxBytes: 10))?.code == "too_large")
        // Unknown members are skipped with the depth bound: 100,000 `[` never recurse that deep.
        let deep = "{\"x\":" + String(repeating: "[", count: 100_000)
        #expect(problems(deep).map(\.code) == ["unknown_member", "too_deep"])
        let fifteen = "{\"x\":" + String(repeating: "[", count: 15) + String(repeating: "]", count: 15) + ",\"readings\":[]}"
        #expect(problems(fifteen).map(\.code) == ["unknown_member"])
        let sixteen = "{\"x\":" + String(repeating: "[", count: 16) + String(repeating: "]", count: 16) + ",\"readings\":[]}"
        #expect(problems(sixteen).map(\.code) == ["unknown_member", "too_deep"])
        let bad = "{\"meter\":\"m\",\"ts\":\"x\",\"value\":1}"
        let many = "{\"readings\":[" + Array(repeating: bad, count: 500).joined(separator: ",") + "]}"
        #expect(problems(many).count == 100)
        #expect(problems(many, limits: ReadingLimits(maxProblems: 5)).count == 5)
    }

    @Test("MQTT per-meter payload: one object or an array; the topic names the meter; meter member refused")
    func perMeter() throws {
        let single = try ReadingsPayload.mqttPerMeter(Array("{\"value\":5.5,\"ts\":\"2026-11-26T08:15:00+08:00\"}".utf8), meter: "pv-7")
        #expect(single.meters == ["pv-7"])
        #expect(single.readings == [ReadingInput(meter: 0, ts: 1_795_652_100, value: 5.5, line: 1, column: 1)])
        let array = try ReadingsPayload.mqttPerMeter(Array("[{\"ts\":\"2026-11-26T00:15:00Z\",\"value\":1},{\"ts\":\"2026-11-26T00:30:00Z\",\"value\":2}]".utf8), meter: "pv-7")
        #expect(array.readings.map(\.ts) == [1_795_652_100, 1_795_653_000])
        // `[` then the first object (39 characters, columns 2–40) and a comma at 41: the second `{` is at column 42.
        #expect(array.readings.map(\.column) == [2, 42])
        func perMeterProblem(_ text: String, meter: String = "pv-7") -> InputProblem? {
            do throws(InputError) {
                _ = try ReadingsPayload.mqttPerMeter(Array(text.utf8), meter: meter)
                return nil
            } catch {
                return error.first
            }
        }
        let withMeter = perMeterProblem("{\"meter\":\"x\",\"ts\":\"2026-11-26T00:15:00Z\",\"value\":1}")
        #expect(withMeter?.code == "unknown_member" && withMeter?.en.contains("allowed: ts, value") == true)
        #expect(perMeterProblem("[{\"ts\":\"2026-11-26T00:15:00Z\"}]")?.field == "[0].value")
        #expect(perMeterProblem("{\"ts\":\"2026-11-26T00:15:00Z\",\"value\":\"1\"}")?.field == "value")
        #expect(perMeterProblem("{\"ts\":\"2026-11-26T00:15:00Z\",\"value\":1}", meter: "bad/topic")?.field == "topic")
        #expect(perMeterProblem("5")?.code == "wrong_type")
    }

    @Test("nothing partial: one bad reading among good ones refuses the whole payload")
    func allOrNothing() {
        let good = "{\"meter\":\"m\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":1}"
        let body = "{\"readings\":[\(good),{\"meter\":\"m\",\"ts\":\"2026-11-26T00:00:00Z\",\"value\":true},\(good)]}"
        #expect(problems(body).map(\.field) == ["readings[1].value"])
    }
}
