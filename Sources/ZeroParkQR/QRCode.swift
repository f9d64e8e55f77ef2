import Foundation
import CQREncode

/// A QR code as a square of modules (issue #11 item 4: the certificate's QR code pointing at the online
/// check), encoded by libqrencode (Debian `libqrencode-dev`) at error-correction level M. Drawn as SVG
/// by `svg(size:)`, so the same code appears on the page and in the PDF Chromium prints.
public struct QRCode: Sendable, Equatable {
    /// Modules per side.
    public let width: Int
    /// Row-major: `dark[y * width + x]`.
    public let dark: [Bool]

    /// Why a text could not be encoded.
    public enum EncodingError: Error, Equatable, Sendable {
        /// Empty, longer than `maximumBytes`, or holding a NUL (the C API reads a C string).
        case unsuitableText
        /// libqrencode refused it (errno set by the library).
        case refused
    }

    /// The longest text encoded (bytes of UTF-8): a URL fits well within version 10 at level M.
    public static let maximumBytes = 512

    public init(_ text: String) throws(EncodingError) {
        guard !text.isEmpty, text.utf8.count <= Self.maximumBytes, !text.utf8.contains(0) else { throw .unsuitableText }
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { throw .refused }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { throw .refused }
        // Bit 0 of each byte is the module's colour (1 = dark); the other bits describe its role.
        self.width = width
        self.dark = (0..<(width * width)).map { data[$0] & 1 == 1 }
    }

    /// The code as an SVG image `size` units wide with a four-module quiet zone, one path of dark squares.
    public func svg(size: Int, label: String) -> String {
        let side = width + 8
        var path = ""
        for y in 0..<width {
            var x = 0
            while x < width {
                guard dark[y * width + x] else { x += 1; continue }
                var run = 1
                while x + run < width, dark[y * width + x + run] { run += 1 }
                path += "M\(x + 4) \(y + 4)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"\(size)\" height=\"\(size)\" viewBox=\"0 0 \(side) \(side)\" "
            + "role=\"img\" aria-label=\"\(escaped)\" shape-rendering=\"crispEdges\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
            + "<path d=\"\(path)\" fill=\"#000\"/></svg>"
    }
}
