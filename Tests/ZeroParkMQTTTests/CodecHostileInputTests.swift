import NIOCore
import NIOEmbedded
import Testing
@testable import ZeroParkMQTT

@Suite("MQTT codec: hostile input")
struct CodecHostileInputTests {
    @Test func fiveByteRemainingLengthIsRejected() {
        // Four continuation bytes: the 4th byte (0xFF) still has bit 7 set → a 5th byte would be needed.
        #expect(TestBytes.parseError([0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]) == .remainingLengthTooLong)
        // Rejected as soon as the 4th byte arrives, before any 5th byte.
        #expect(TestBytes.parseError([0x30, 0x80, 0x80, 0x80, 0x80]) == .remainingLengthTooLong)
    }

    @Test func oversizedRemainingLengthIsRejectedFromTheHeaderAlone() {
        // 0xFF 0xFF 0xFF 0x7F = 268,435,455; whole packet = 1 + 4 + 268,435,455 = 268,435,460 bytes.
        #expect(TestBytes.parseError([0x30, 0xFF, 0xFF, 0xFF, 0x7F]) == .packetTooLarge(size: 268_435_460, limit: 1 << 20))
        // Just over 1 MiB: remaining 1,048,574 = 0xFE 0xFF 0x3F (126 + 127×128 + 63×16384); total 1+3+1,048,574 = 1,048,578.
        #expect(TestBytes.parseError([0x30, 0xFE, 0xFF, 0x3F]) == .packetTooLarge(size: 1_048_578, limit: 1_048_576))
    }

    @Test func configurableLimitIsInclusive() throws {
        // PUBLISH "t" + "x": 2 + 4 = 6 bytes in total.
        let bytes: [UInt8] = [0x30, 0x04, 0x00, 0x01, 0x74, 0x78]
        #expect(try TestBytes.parse(bytes, maxPacketSize: 6) != nil)
        #expect(TestBytes.parseError(bytes, maxPacketSize: 5) == .packetTooLarge(size: 6, limit: 5))
    }

    @Test func truncatedPacketsWaitForMoreData() throws {
        #expect(try TestBytes.parse([]) == nil)
        #expect(try TestBytes.parse([0x30]) == nil)
        #expect(try TestBytes.parse([0x30, 0x80]) == nil)            // varint continues
        #expect(try TestBytes.parse([0x30, 0x0A, 0x00, 0x03]) == nil) // 10 declared, 2 present
    }

    @Test func fieldLengthsBeyondTheBodyAreMalformed() {
        // Declared remaining 3 but the topic length says 5.
        #expect(TestBytes.parseError([0x30, 0x03, 0x00, 0x05, 0x61]) == .malformed(packet: "PUBLISH", reason: "topic name length 5 exceeds the 1 remaining bytes"))
        // Remaining 1: not even the topic length fits.
        #expect(TestBytes.parseError([0x30, 0x01, 0x00]) == .malformed(packet: "PUBLISH", reason: "missing topic name length"))
        // QoS 1 without room for the packet ID.
        #expect(TestBytes.parseError([0x32, 0x03, 0x00, 0x01, 0x61]) == .malformed(packet: "PUBLISH", reason: "missing packet identifier"))
    }

    @Test func badTopicsAreRejected() {
        #expect(TestBytes.parseError([0x30, 0x02, 0x00, 0x00]) == .emptyTopic(packet: "PUBLISH"))
        // 0xC3 0x28: a 2-byte lead followed by a non-continuation byte.
        #expect(TestBytes.parseError([0x30, 0x04, 0x00, 0x02, 0xC3, 0x28]) == .invalidUTF8(packet: "PUBLISH", field: "topic name"))
        // Overlong encoding of "/" (0xC0 0xAF) and a lone surrogate (0xED 0xA0 0x80).
        #expect(TestBytes.parseError([0x30, 0x04, 0x00, 0x02, 0xC0, 0xAF]) == .invalidUTF8(packet: "PUBLISH", field: "topic name"))
        #expect(TestBytes.parseError([0x30, 0x05, 0x00, 0x03, 0xED, 0xA0, 0x80]) == .invalidUTF8(packet: "PUBLISH", field: "topic name"))
        #expect(TestBytes.parseError([0x30, 0x03, 0x00, 0x01, 0x00]) == .invalidUTF8(packet: "PUBLISH", field: "topic name"))
        #expect(TestBytes.parseError([0x30, 0x03, 0x00, 0x01, 0x23]) == .wildcardInTopicName(topic: "#"))
    }

    @Test func headerViolations() {
        #expect(TestBytes.parseError([0x00, 0x00]) == .reservedPacketType(0))
        #expect(TestBytes.parseError([0xF0, 0x00]) == .reservedPacketType(15))
        #expect(TestBytes.parseError([0x36, 0x03, 0x00, 0x01, 0x61]) == .invalidQoS(packet: "PUBLISH", value: 3))
        #expect(TestBytes.parseError([0x34, 0x05, 0x00, 0x01, 0x61, 0x00, 0x01]) == .qos2NotSupported(topic: "a"))
        #expect(TestBytes.parseError([0x38, 0x03, 0x00, 0x01, 0x61]) == .malformed(packet: "PUBLISH", reason: "DUP set on a QoS 0 message"))
        #expect(TestBytes.parseError([0x62, 0x02, 0x00, 0x01]) == .unsupportedPacketType(name: "PUBREL"))
        #expect(TestBytes.parseError([0x80, 0x00]) == .invalidFixedHeaderFlags(packet: "SUBSCRIBE", flags: 0))
        #expect(TestBytes.parseError([0xD1, 0x00]) == .invalidFixedHeaderFlags(packet: "PINGRESP", flags: 1))
    }

    @Test func fixedLengthPacketViolations() {
        #expect(TestBytes.parseError([0x40, 0x02, 0x00, 0x00]) == .zeroPacketID(packet: "PUBACK"))
        #expect(TestBytes.parseError([0x40, 0x03, 0x00, 0x01, 0x00]) == .malformed(packet: "PUBACK", reason: "1 unexpected trailing bytes"))
        #expect(TestBytes.parseError([0xD0, 0x01, 0x00]) == .malformed(packet: "PINGRESP", reason: "1 unexpected trailing bytes"))
        #expect(TestBytes.parseError([0x20, 0x02, 0x00, 0x06]) == .malformed(packet: "CONNACK", reason: "unknown return code 6"))
        #expect(TestBytes.parseError([0x20, 0x02, 0x02, 0x00]) == .malformed(packet: "CONNACK", reason: "reserved acknowledge flags set"))
        #expect(TestBytes.parseError([0x90, 0x02, 0x00, 0x01]) == .malformed(packet: "SUBACK", reason: "no return codes"))
        #expect(TestBytes.parseError([0x90, 0x03, 0x00, 0x01, 0x03]) == .malformed(packet: "SUBACK", reason: "invalid return code 0x3"))
    }

    @Test func randomBytesNeverCrashOrLoop() {
        var rng = SeededGenerator(seed: 20_240_611)
        var outcomes = (packets: 0, needMore: 0, errors: 0)
        for _ in 0..<20_000 {
            let count = Int.random(in: 0...48, using: &rng)
            var bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            // Bias towards plausible headers so parsing goes deep.
            if !bytes.isEmpty, Bool.random(using: &rng) { bytes[0] = [0x30, 0x32, 0x40, 0x90, 0x20, 0x82, 0x10][Int.random(in: 0..<7, using: &rng)] }
            if bytes.count > 1, Bool.random(using: &rng) { bytes[1] = UInt8(bytes.count - 2) }
            var buffer = ByteBuffer(bytes: bytes)
            do {
                while let _ = try MQTTPacketParser.parse(&buffer, maxPacketSize: 64) { outcomes.packets += 1 }
                outcomes.needMore += 1
            } catch {
                outcomes.errors += 1
            }
        }
        #expect(outcomes.packets > 0)
        #expect(outcomes.errors > 0)
        #expect(outcomes.needMore > 0)
    }

    @Test func mutatedValidPacketsNeverCrash() throws {
        var rng = SeededGenerator(seed: 7)
        let valid = try CodecRoundTripTests.packets.prefix(5).map(TestBytes.encode)
        for _ in 0..<20_000 {
            var bytes = valid[Int.random(in: 0..<valid.count, using: &rng)]
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            var buffer = ByteBuffer(bytes: bytes)
            _ = try? MQTTPacketParser.parse(&buffer)
        }
    }

    @Test func decoderInAPipelineThrowsOnOversizedPacket() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MQTTPacketDecoder(maxPacketSize: 16)))
        // remaining 100 → total 102 > 16: fails on the 2-byte header, before 100 bytes are buffered.
        #expect(throws: MQTTProtocolError.packetTooLarge(size: 102, limit: 16)) {
            try channel.writeInbound(ByteBuffer(bytes: [0x30, 0x64]))
        }
        _ = try? channel.finish()
    }

    @Test func decoderInAPipelineDecodesBytesArrivingOneAtATime() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(MQTTPacketDecoder()))
        for byte in try TestBytes.encode(.pubAck(packetID: 513)) {
            try channel.writeInbound(ByteBuffer(bytes: [byte]))
        }
        #expect(try channel.readInbound(as: MQTTPacket.self) == .pubAck(packetID: 513))
        #expect(try channel.finish().isClean)
    }
}
