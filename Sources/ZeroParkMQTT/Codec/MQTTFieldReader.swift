import NIOCore

/// Reads MQTT fields from the body of one packet; every read is bounds-checked and throws with context.
///
/// Serves STANDARD.md 1.1.29–1.1.35 (hostile-input safety: lengths are checked against the body
/// before anything is allocated).
struct MQTTFieldReader {
    var body: ByteBuffer
    let packet: String

    init(body: ByteBuffer, packet: String) {
        self.body = body
        self.packet = packet
    }

    var remaining: Int { body.readableBytes }

    mutating func readByte(_ field: String) throws(MQTTProtocolError) -> UInt8 {
        guard let value = body.readInteger(as: UInt8.self) else {
            throw .malformed(packet: packet, reason: "missing \(field)")
        }
        return value
    }

    mutating func readUInt16(_ field: String) throws(MQTTProtocolError) -> UInt16 {
        guard let value = body.readInteger(endianness: .big, as: UInt16.self) else {
            throw .malformed(packet: packet, reason: "missing \(field)")
        }
        return value
    }

    mutating func readPacketID() throws(MQTTProtocolError) -> UInt16 {
        let id = try readUInt16("packet identifier")
        guard id != 0 else { throw .zeroPacketID(packet: packet) }
        return id
    }

    /// A length-prefixed binary field (§1.5.3 prefix); the length is checked against the remaining body.
    mutating func readBinary(_ field: String) throws(MQTTProtocolError) -> ByteBuffer {
        let length = Int(try readUInt16("\(field) length"))
        guard let slice = body.readSlice(length: length) else {
            throw .malformed(packet: packet, reason: "\(field) length \(length) exceeds the \(body.readableBytes) remaining bytes")
        }
        return slice
    }

    /// A length-prefixed UTF-8 string; ill-formed UTF-8 and U+0000 are rejected (§1.5.3).
    mutating func readString(_ field: String) throws(MQTTProtocolError) -> String {
        let bytes = try readBinary(field)
        guard let string = String(validating: bytes.readableBytesView, as: UTF8.self),
              !string.unicodeScalars.contains("\u{0}") else {
            throw .invalidUTF8(packet: packet, field: field)
        }
        return string
    }

    mutating func readRest() -> ByteBuffer {
        body.readSlice(length: body.readableBytes) ?? ByteBuffer()
    }

    func expectEnd() throws(MQTTProtocolError) {
        guard body.readableBytes == 0 else {
            throw .malformed(packet: packet, reason: "\(body.readableBytes) unexpected trailing bytes")
        }
    }
}
