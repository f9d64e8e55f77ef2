import Foundation

/// Turns a self-contained HTML page into a PDF (issue #11 items 1 and 4: the report and the certificate
/// are HTML with print CSS, printed by a real browser). A protocol, so that the server's pure parts do
/// not depend on a browser being installed.
public protocol PDFRenderer: Sendable {
    func pdf(html: String) async throws(PDFError) -> Data
}

/// Why no PDF was made.
public enum PDFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No Chromium on this machine (Debian `chromium`; or `ZEROPARK_CHROMIUM`).
    case noBrowser
    /// The page is larger than `ChromiumPDFRenderer.maximumHTMLBytes`.
    case pageTooLarge
    /// Chromium ran longer than its time limit and was stopped.
    case timedOut
    /// Chromium failed: its exit status and the end of what it printed.
    case failed(status: Int32, output: String)

    public var description: String {
        switch self {
        case .noBrowser: return "no Chromium found (install Debian chromium, or set ZEROPARK_CHROMIUM)"
        case .pageTooLarge: return "the page is too large to print"
        case .timedOut: return "Chromium did not finish in time"
        case let .failed(status, output): return "Chromium exited with \(status): \(output)"
        }
    }
}

/// Headless Chromium's `--print-to-pdf` on a page written to a private temporary folder, with a fresh
/// profile, no network use beyond the file itself (the pages carry a CSP that forbids any fetch, and
/// hold their CSS, SVG charts and QR codes inline), and a time limit.
public struct ChromiumPDFRenderer: PDFRenderer {
    public let executable: String
    public let timeLimit: Duration

    public static let maximumHTMLBytes = 8 << 20

    public init(executable: String, timeLimit: Duration = .seconds(60)) {
        self.executable = executable
        self.timeLimit = timeLimit
    }

    /// The browser named by `ZEROPARK_CHROMIUM`, else the first of Debian's and common install paths.
    public static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ChromiumPDFRenderer? {
        let candidates = [environment["ZEROPARK_CHROMIUM"]].compactMap { $0 } + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { ChromiumPDFRenderer(executable: $0) }
    }

    public func pdf(html: String) async throws(PDFError) -> Data {
        guard html.utf8.count <= Self.maximumHTMLBytes else { throw .pageTooLarge }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zeropark-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("page.html"), output = folder.appendingPathComponent("page.pdf")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: page)
        } catch {
            throw .failed(status: -1, output: "cannot write the page: \(error)")
        }
        // coreutils `timeout` runs the browser in its own process group and stops the whole group (the
        // browser's helper processes too) at the limit: exit status 124.
        let seconds = max(1, Int(timeLimit.components.seconds) + (timeLimit.components.attoseconds > 0 ? 1 : 0))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["--kill-after=5", String(seconds), executable,
                             "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
                             "--no-first-run", "--disable-sync", "--no-pdf-header-footer", "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                             "--print-to-pdf=\(output.path)", page.absoluteString]
        // Chromium's messages go to a file (a pipe nobody reads could fill and stall it).
        let logURL = folder.appendingPathComponent("chromium.log")
        guard FileManager.default.createFile(atPath: logURL.path, contents: nil), let log = try? FileHandle(forWritingTo: logURL) else {
            throw .failed(status: -1, output: "cannot write the log")
        }
        defer { try? log.close() }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        let status: Int32
        do {
            status = try await Self.run(process)
        } catch {
            throw .failed(status: -1, output: "cannot start \(executable): \(error)")
        }
        if status == 124 || status == 137 { throw .timedOut }
        let printed = String(decoding: ((try? Data(contentsOf: logURL)) ?? Data()).suffix(600), as: UTF8.self)
        guard status == 0, let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw .failed(status: status, output: printed)
        }
        return data
    }

    /// Runs the process to its end.
    static func run(_ process: Process) async throws -> Int32 {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}
