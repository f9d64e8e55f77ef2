import Foundation
import Testing
@testable import ZeroParkPDF

/// HTML → PDF through the real headless Chromium (installed by scripts/test), and the time limit on a
/// browser that hangs.
struct ChromiumPDFRendererTests {
    @Test func chromiumPrintsAChinesePageToPDF() async throws {
        let renderer = try #require(ChromiumPDFRenderer.find(), "Chromium is installed by scripts/test")
        let pdf = try await renderer.pdf(html: "<!doctype html><meta charset=utf-8><p>智慧零碳园区证书 ZeroPark</p>")
        #expect(pdf.starts(with: Data("%PDF-".utf8)) && pdf.count > 1_000)
    }

    @Test func aBrowserThatHangsIsStoppedAtTheTimeLimit() async throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("zp-hang-\(UUID().uuidString).sh")
        try Data("#!/bin/sh\nsleep 30\n".utf8).write(to: script)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: script.path)
        defer { try? FileManager.default.removeItem(at: script) }
        let started = ContinuousClock.now
        await #expect(throws: PDFError.timedOut) {
            try await ChromiumPDFRenderer(executable: script.path, timeLimit: .seconds(1)).pdf(html: "<p>x</p>")
        }
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test func aFailingBrowserAndAnOversizedPageAreNamed() async throws {
        await #expect(throws: PDFError.self) { try await ChromiumPDFRenderer(executable: "/bin/false").pdf(html: "<p>x</p>") }
        await #expect(throws: PDFError.pageTooLarge) {
            try await ChromiumPDFRenderer(executable: "/bin/false").pdf(html: String(repeating: "x", count: ChromiumPDFRenderer.maximumHTMLBytes + 1))
        }
        #expect(ChromiumPDFRenderer.find(environment: ["ZEROPARK_CHROMIUM": "/bin/true"])?.executable == "/bin/true")
    }
}
