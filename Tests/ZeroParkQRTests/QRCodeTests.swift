import Testing
@testable import ZeroParkQR

/// The QR code of a certificate's online check (issue #11 item 4), checked on the symbol's fixed
/// structure (ISO/IEC 18004): a side of 17 + 4 × version modules, the three 7 × 7 finder patterns in
/// their corners with their white separators, the alternating timing patterns between them, and the
/// always-dark module beside the bottom-left finder. The decoding itself is checked end to end by the
/// browser test (the PDF's QR code read back with zbarimg).
struct QRCodeTests {
    static let url = "https://zeropark.example.cn/verify/urn:uuid:63e9e455-af90-4400-99ab-e34a3e505de7"

    @Test func aCertificateURLHasTheSymbolsFixedStructure() throws {
        let code = try QRCode(Self.url)
        #expect((code.width - 17) % 4 == 0 && code.width >= 21)
        let n = code.width
        func dark(_ x: Int, _ y: Int) -> Bool { code.dark[y * n + x] }
        // Finder patterns: dark ring, light ring, dark 3 × 3 core — at top-left, top-right, bottom-left.
        for (ox, oy) in [(0, 0), (n - 7, 0), (0, n - 7)] {
            for y in 0..<7 {
                for x in 0..<7 {
                    let ring = max(abs(x - 3), abs(y - 3))
                    #expect(dark(ox + x, oy + y) == (ring != 2), "finder at (\(ox),\(oy)) module (\(x),\(y))")
                }
            }
        }
        // Separators: the light row and column around each finder.
        for i in 0..<8 {
            #expect(!dark(7, i) && !dark(i, 7))               // top-left
            #expect(!dark(n - 8, i) && !dark(n - 1 - i, 7))   // top-right
            #expect(!dark(7, n - 1 - i) && !dark(i, n - 8))   // bottom-left
        }
        // Timing patterns on row 6 and column 6 alternate, dark on even positions.
        for i in 8..<(n - 8) {
            #expect(dark(i, 6) == (i % 2 == 0) && dark(6, i) == (i % 2 == 0))
        }
        // The dark module at (8, 4 × version + 9) = (8, n − 8).
        #expect(dark(8, n - 8))
    }

    @Test func longerTextsNeedLargerSymbolsAndTheSVGDrawsEveryDarkModule() throws {
        let short = try QRCode("https://z.cn/v/1"), long = try QRCode(Self.url + "?" + String(repeating: "x", count: 150))
        #expect(short.width < long.width)
        let svg = short.svg(size: 120, label: "a <b> & \"c\"")
        #expect(svg.hasPrefix("<svg") && svg.contains("viewBox=\"0 0 \(short.width + 8) \(short.width + 8)\""))
        #expect(svg.contains("aria-label=\"a &lt;b> &amp; &quot;c&quot;\""))
        // Each run of dark modules is one "h" segment; their lengths add up to the dark modules.
        let runs = svg.split(separator: "h").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(runs.reduce(0, +) == short.dark.filter { $0 }.count)
    }

    @Test func unsuitableTextsAreRefused() {
        #expect(throws: QRCode.EncodingError.unsuitableText) { try QRCode("") }
        #expect(throws: QRCode.EncodingError.unsuitableText) { try QRCode(String(repeating: "a", count: QRCode.maximumBytes + 1)) }
        #expect(throws: QRCode.EncodingError.unsuitableText) { try QRCode("a\u{0}b") }
    }
}
