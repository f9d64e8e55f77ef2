import Foundation
import NIOCore
import NIOPosix
import Testing
import ZeroParkMQTT

/// A real mosquitto broker started as a subprocess for one integration test.
final class MosquittoBroker {
    static let executable = "/usr/sbin/mosquitto"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: executable) }
    static let skipMessage: Comment = "mosquitto not found at /usr/sbin/mosquitto (install with `apt-get install -y mosquitto`); integration test skipped"

    let port: Int
    let directory: URL
    let process: Process

    /// Starts `mosquitto -c <tmp conf>` on a free loopback port and waits until it accepts MQTT connections.
    init(extraConfig: String = "") async throws {
        port = try await Self.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zp-mosquitto-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = """
        listener \(port) 127.0.0.1
        allow_anonymous true
        persistence false
        max_inflight_messages 1000
        max_queued_messages 1000000
        log_dest stderr
        log_type error
        log_type warning
        log_type notice
        \(extraConfig)
        """
        let configURL = directory.appendingPathComponent("mosquitto.conf")
        try config.write(to: configURL, atomically: true, encoding: .utf8)
        let logURL = directory.appendingPathComponent("mosquitto.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.arguments = ["-c", configURL.path]
        let log = try FileHandle(forWritingTo: logURL)
        process.standardOutput = log
        process.standardError = log
        try process.run()
        try await waitUntilReady()
    }

    var log: String { (try? String(contentsOf: directory.appendingPathComponent("mosquitto.log"), encoding: .utf8)) ?? "" }

    func stop() {
        if process.isRunning {
            // SIGKILL, not terminate(): the test process blocks SIGTERM and the child inherits that mask,
            // so mosquitto would never see a SIGTERM. The test broker has no persistence to save.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    private func waitUntilReady() async throws {
        var lastError: (any Error)?
        for _ in 0..<100 {
            do {
                let probe = try await MQTTClient.connect(host: "127.0.0.1", port: port,
                                                         configuration: MQTTClientConfiguration(clientID: "probe", cleanSession: true))
                await probe.disconnect()
                return
            } catch {
                lastError = error
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        stop()
        throw BrokerStartError(reason: "mosquitto did not accept connections on port \(port): \(String(describing: lastError))\n\(log)")
    }

    static func freePort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port
        try await channel.close()
        guard let port else { throw BrokerStartError(reason: "no local port") }
        return port
    }

    struct BrokerStartError: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}

/// Runs `body` with a fresh broker, always stopping it afterwards.
func withBroker<T>(extraConfig: String = "", _ body: (MosquittoBroker) async throws -> T) async throws -> T {
    let broker = try await MosquittoBroker(extraConfig: extraConfig)
    do {
        let result = try await body(broker)
        broker.stop()
        return result
    } catch {
        print("mosquitto log:\n\(broker.log)")
        broker.stop()
        throw error
    }
}
