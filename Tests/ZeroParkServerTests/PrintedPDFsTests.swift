import Foundation
import Testing
import ZeroParkPDF
@testable import ZeroParkServer

/// The public certificate PDF route's guard (issue #11): each certificate's PDF is made once and kept,
/// at most two are made at a time, and a server without a browser says so.
struct PrintedPDFsTests {
    /// Counts the PDFs it makes; each takes `delay`.
    actor Counting: PDFRenderer {
        var made = 0
        let delay: Duration
        init(delay: Duration) { self.delay = delay }
        func pdf(html: String) async throws(PDFError) -> Data {
            made += 1
            try? await Task.sleep(for: delay)
            return Data("%PDF-\(html)".utf8)
        }
    }

    @Test func aCertificatesPDFIsMadeOnceAndAThirdConcurrentOneIsRefused() async throws {
        let renderer = Counting(delay: .milliseconds(400))
        let pdfs = PrintedPDFs(renderer: renderer)
        async let a = pdfs.pdf(key: "a", html: "a")
        async let b = pdfs.pdf(key: "b", html: "b")
        try await Task.sleep(for: .milliseconds(100))
        await #expect(throws: PrintedPDFs.Refusal.busy) { try await pdfs.pdf(key: "c", html: "c") }
        let (first, second) = try await (a, b)
        #expect(first == Data("%PDF-a".utf8) && second == Data("%PDF-b".utf8))
        _ = try await pdfs.pdf(key: "a", html: "a")
        #expect(await renderer.made == 2)
        await #expect(throws: PrintedPDFs.Refusal.unavailable) { try await PrintedPDFs(renderer: nil).pdf(key: "a", html: "a") }
    }
}
