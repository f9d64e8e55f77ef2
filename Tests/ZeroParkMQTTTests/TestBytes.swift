import NIOCore
@testable import ZeroParkMQTT

/// Helpers shared by the codec tests.
enum TestBytes {
    static func encode(_ packet: MQTTPacket) throws -> [UInt8] {
        var buffer = ByteBuffer()
        try MQTTPacketSerializer.write(packet, into: &buffer)
        return Array(buffer.readableBytesView)
    }

    static func parse(_ bytes: [UInt8], maxPacketSize: Int = MQTTPacketParser.defaultMaxPacketSize) throws(MQTTProtocolError) -> MQTTPacket? {
        var buffer = ByteBuffer(bytes: bytes)
        return try MQTTPacketParser.parse(&buffer, maxPacketSize: maxPacketSize)
    }

    static func parseError(_ bytes: [UInt8], maxPacketSize: Int = MQTTPacketParser.defaultMaxPacketSize) -> MQTTProtocolError? {
        do {
            _ = try parse(bytes, maxPacketSize: maxPacketSize)
            return nil
        } catch {
            return error
        }
    }

    static func buffer(_ string: String) -> ByteBuffer { ByteBuffer(string: string) }
}

/// Deterministic xorshift64* generator so fuzz failures reproduce.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }
    mutating func next() -> UInt64 {
        state ^= state >> 12
        state ^= state << 25
        state ^= state >> 27
        return state &* 0x2545_F491_4F6C_DD1D
    }
}
