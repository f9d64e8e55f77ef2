import Foundation
import Hummingbird
import ZeroParkPDF

/// PDFs printed by the server's browser (issue #11: certificates for the public, reports for the park's
/// people). What they print never changes (a certificate, a report of a stored snapshot), so each PDF is
/// made once and kept under its key (the 32 most recent); at most two are made at a time, so the routes
/// cannot be used to keep the server's browser busy.
actor PrintedPDFs {
    enum Refusal: Error, Equatable {
        /// No browser on this server.
        case unavailable
        /// Two PDFs are being made already.
        case busy
    }

    let renderer: (any PDFRenderer)?
    private var cache: [String: Data] = [:]
    private var order: [String] = []
    private var running = 0
    static let capacity = 32
    static let concurrent = 2

    init(renderer: (any PDFRenderer)?) {
        self.renderer = renderer
    }

    func pdf(key id: String, html: String) async throws -> Data {
        if let cached = cache[id] { return cached }
        guard let renderer else { throw Refusal.unavailable }
        guard running < Self.concurrent else { throw Refusal.busy }
        running += 1
        defer { running -= 1 }
        let data = try await renderer.pdf(html: html)
        if cache[id] == nil {
            cache[id] = data
            order.append(id)
            if order.count > Self.capacity { cache[order.removeFirst()] = nil }
        }
        return data
    }
}

extension PrintedPDFs {
    /// The PDF as a download, or a page saying why there is none (503: no browser, busy, or the browser failed —
    /// logged), in the request's language.
    func response(key: String, html: String, fileName: String, title: String, renderer: WebRenderer, context: AppRequestContext) async -> Response {
        let v = VerifyText.dictionary(context.language == .zh)
        do {
            let pdf = try await pdf(key: key, html: html)
            return Response(status: .ok, headers: [.contentType: "application/pdf", .contentDisposition: "attachment; filename=\"\(fileName)\"",
                                                   .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(bytes: pdf)))
        } catch Refusal.busy {
            return renderer.message(title, v["pdfBusy"] ?? "", context: context, status: .serviceUnavailable)
        } catch {
            if !(error is Refusal) { context.logger.error("PDF failed", metadata: ["key": "\(key)", "error": "\(error)"]) }
            return renderer.message(title, v["pdfUnavailable"] ?? "", context: context, status: .serviceUnavailable)
        }
    }
}

