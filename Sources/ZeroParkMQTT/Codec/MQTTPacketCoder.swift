import NIOCore

/// SwiftNIO inbound decoder: frames bytes into `MQTTPacket`s using `MQTTPacketParser`.
///
/// Serves STANDARD.md 1.1.29–1.1.35. A protocol error is thrown into the pipeline, where the session
/// handler closes the connection; an over-limit packet is rejected from its fixed header, so the
/// cumulation buffer never grows beyond `maxPacketSize` plus one read.
public struct MQTTPacketDecoder: ByteToMessageDecoder {
    public typealias InboundOut = MQTTPacket

    public let maxPacketSize: Int

    public init(maxPacketSize: Int = MQTTPacketParser.defaultMaxPacketSize) {
        self.maxPacketSize = maxPacketSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let packet = try MQTTPacketParser.parse(&buffer, maxPacketSize: maxPacketSize) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(packet))
        return .continue
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        // Leftover bytes at EOF are a truncated packet from a peer that went away; they are dropped.
        buffer.moveReaderIndex(to: buffer.writerIndex)
        return .needMoreData
    }
}

/// SwiftNIO outbound encoder: serializes `MQTTPacket`s with `MQTTPacketSerializer`.
///
/// Serves STANDARD.md 1.1.29–1.1.35. An unencodable packet fails its write promise with `MQTTProtocolError`.
public struct MQTTPacketEncoder: MessageToByteEncoder {
    public typealias OutboundIn = MQTTPacket

    public init() {}

    public func encode(data: MQTTPacket, out: inout ByteBuffer) throws {
        try MQTTPacketSerializer.write(data, into: &out)
    }
}
