import ArgumentParser
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import NIOCore
import ZeroParkMQTT
import ZeroParkServer
import ZeroParkTelemetry

/// `zeropark simulate`: publishes the demo park's meters live (issue #8 §11) — every meter's reading
/// at each 15-minute boundary, the incomer's power every 5 minutes and a fresh power sample every
/// few seconds, with the water meter's last hour held back and sent late, over MQTT (per-meter and
/// gateway topics) or HTTP. The values continue the demo history exactly (`DemoMeters`).
struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate", abstract: "Publish the demo park's meters live over MQTT or HTTP (illustrative data).")

    @Option(help: "HTTP: the server's base URL, e.g. http://127.0.0.1:8080 (with --key).") var url: String?
    @Option(help: "HTTP: an API key of a park manager or admin.") var key: String?
    @Option(help: "MQTT: the broker as HOST:PORT, e.g. 127.0.0.1:1883.") var mqtt: String?
    @Option(help: "Seconds between live power samples.") var every: Int = 5
    @Option(help: "Stop after this many seconds (0: run until interrupted).") var duration: Int = 0

    func validate() throws {
        guard (url != nil) != (mqtt != nil) else { throw ValidationError("请给出 --url（及 --key）或 --mqtt 之一 / give either --url (with --key) or --mqtt") }
        if url != nil, key == nil { throw ValidationError("--url 须与 --key 一起给出 / --url needs --key") }
        guard (1...3_600).contains(every) else { throw ValidationError("--every 须为 1–3600 秒 / --every must be 1–3600 seconds") }
    }

    func run() async throws {
        let publisher: any ReadingPublisher
        if let url, let key {
            publisher = HTTPReadingPublisher(base: url, key: key, park: DemoMeters.park)
        } else if let mqtt {
            publisher = try await MQTTReadingPublisher.connect(mqtt, park: DemoMeters.park)
        } else {
            return
        }
        var state = DemoMeters.CounterState()
        let started = Date()
        var published = Self.slotStart(Int64(Date().timeIntervalSince1970)) - 3_600
        // Advance the registers to where the live feed begins (the demo history ends at the same slot).
        _ = DemoMeters.readings(from: DemoMeters.historyStart, to: published, state: &state)
        var heldBack: [(meter: String, reading: RawReading)] = []
        var heldSince = Date()
        while duration == 0 || Date().timeIntervalSince(started) < Double(duration) {
            let now = Int64(Date().timeIntervalSince1970)
            let boundary = Self.slotStart(now)
            if boundary > published {
                var due = DemoMeters.readings(from: published, to: boundary + 900, state: &state).filter { $0.reading.ts <= now }
                // Late data: the water meter's readings are held back and sent two minutes later.
                heldBack += due.filter { $0.meter == "water-main" }
                due.removeAll { $0.meter == "water-main" }
                try await publisher.publish(due)
                published = boundary + 900
            }
            if !heldBack.isEmpty, Date().timeIntervalSince(heldSince) >= 120 {
                try await publisher.publish(heldBack)
                print("已补发 \(heldBack.count) 条迟到的用水读数 / sent \(heldBack.count) late water readings")
                heldBack.removeAll()
                heldSince = Date()
            }
            // A live power sample (instantaneous meter, any second of its 5-minute slot).
            let power = DemoMeters.powerKW(at: now)
            try await publisher.publish([("grid-power", RawReading(ts: now, value: power.rounded()))])
            try await Task.sleep(for: .seconds(every))
        }
        try await publisher.close()
    }

    static func slotStart(_ ts: Int64) -> Int64 { ts - ts % 900 }
}

/// Where the simulator sends readings.
protocol ReadingPublisher: Sendable {
    func publish(_ readings: [(meter: String, reading: RawReading)]) async throws
    func close() async throws
}

/// Readings as JSON bodies to POST /api/v1/parks/{park}/readings with an API key.
struct HTTPReadingPublisher: ReadingPublisher {
    let base: String
    let key: String
    let park: String

    func publish(_ readings: [(meter: String, reading: RawReading)]) async throws {
        guard !readings.isEmpty, let endpoint = URL(string: "\(base)/api/v1/parks/\(park)/readings") else { return }
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(ReadingJSON.body(readings).utf8)
        let (data, response) = try await URLSession.shared.data(for: request)
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            throw CommandLineFailure("错误：\(endpoint) 拒绝了读数（HTTP \(status)） / error: \(endpoint): HTTP \(status): \(String(decoding: data.prefix(500), as: UTF8.self))")
        }
    }

    func close() async throws {}
}

/// The readings wire format (docs/telemetry.md §2).
enum ReadingJSON {
    static func timestamp(_ ts: Int64) -> String {
        let date = Date(timeIntervalSince1970: TimeInterval(ts) + 8 * 3_600)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }

    static func value(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "0"
    }

    static func object(_ reading: RawReading) -> String {
        "{\"ts\":\"\(timestamp(reading.ts))\",\"value\":\(value(reading.value))}"
    }

    static func body(_ readings: [(meter: String, reading: RawReading)]) -> String {
        "{\"readings\":[" + readings.map { "{\"meter\":\"\($0.meter)\",\"ts\":\"\(timestamp($0.reading.ts))\",\"value\":\(value($0.reading.value))}" }
            .joined(separator: ",") + "]}"
    }
}

/// Readings over MQTT at QoS 1: the tenants' sub-meters through a gateway topic
/// (`zeropark/{park}/gateway/sim-1`, many meters per message), every other meter on its own topic
/// (`zeropark/{park}/{meter}`, an array of its readings).
struct MQTTReadingPublisher: ReadingPublisher {
    let client: MQTTClient
    let park: String
    static let gatewayMeters: Set<String> = ["logistics-sub", "property-sub"]

    static func connect(_ address: String, park: String) async throws -> MQTTReadingPublisher {
        let parts = address.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65_535).contains(port) else {
            throw CommandLineFailure("错误：--mqtt \(address) 须为 主机:端口 / error: --mqtt \(address): give HOST:PORT")
        }
        do {
            let client = try await MQTTClient.connect(host: String(parts[0]), port: port, configuration: MQTTClientConfiguration(
                clientID: "zeropark-simulator-\(ProcessInfo.processInfo.processIdentifier)", cleanSession: true))
            return MQTTReadingPublisher(client: client, park: park)
        } catch {
            throw CommandLineFailure("错误：无法连接 MQTT 代理 \(address) / error: --mqtt \(address): \(error)")
        }
    }

    func publish(_ readings: [(meter: String, reading: RawReading)]) async throws {
        var messages: [MQTTMessage] = []
        let gateway = readings.filter { Self.gatewayMeters.contains($0.meter) }
        if !gateway.isEmpty {
            messages.append(MQTTMessage(topic: "zeropark/\(park)/gateway/sim-1", payload: ByteBuffer(string: ReadingJSON.body(gateway)),
                                        qos: .atLeastOnce))
        }
        var byMeter: [String: [RawReading]] = [:]
        var order: [String] = []
        for item in readings where !Self.gatewayMeters.contains(item.meter) {
            if byMeter[item.meter] == nil { order.append(item.meter) }
            byMeter[item.meter, default: []].append(item.reading)
        }
        for meter in order {
            let list = byMeter[meter] ?? []
            let payload = list.count == 1 ? ReadingJSON.object(list[0]) : "[" + list.map(ReadingJSON.object).joined(separator: ",") + "]"
            messages.append(MQTTMessage(topic: "zeropark/\(park)/\(meter)", payload: ByteBuffer(string: payload), qos: .atLeastOnce))
        }
        guard !messages.isEmpty else { return }
        try await client.publish(messages)
    }

    func close() async throws { await client.disconnect() }
}
