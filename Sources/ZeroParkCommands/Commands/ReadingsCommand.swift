import ArgumentParser
import Foundation
import ZeroParkInput
import ZeroParkServer
import ZeroParkSpreadsheet
import ZeroParkStore
import ZeroParkTelemetry

/// `zeropark readings import FILE --park ID [--db PATH]`: years of meter history from a CSV
/// (`meter,ts,value`) or XLSX file into a park's database (issue #8 §2). The whole file is checked
/// first — syntax and meaning, every problem with its line — and nothing is stored if any reading
/// is refused; then it is stored in commits of up to 200,000 readings through the same path as
/// every other channel (idempotent on meter and time, so an interrupted import is simply re-run).
struct ReadingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "readings", abstract: "Import meter readings into a park's database.", subcommands: [Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "Import a CSV (meter,ts,value) or XLSX file of readings; all or nothing.")

        @Argument(help: "A .csv or .xlsx file.") var file: String
        @Option(help: "The park's id.") var park: String
        @Option(help: "SQLite database file (env ZEROPARK_DB).") var db: String = ProcessInfo.processInfo.environment["ZEROPARK_DB"] ?? "zeropark.sqlite"
        @Flag(help: "Skip the cleaning pass after the import (the server's cleaner does it on start).") var noClean = false
        @Option(help: .hidden) var linesPerBatch = CSVChunks.linesPerChunk
        @Option(help: "Language of the messages: zh (简体中文) or en.") var lang: OutputLanguage = .zh
        static var bulkWrites: Bool { ProcessInfo.processInfo.environment["ZEROPARK_IMPORT_SYNC_FULL"] == nil }

        func run() async throws {
            let store = try openStore(db)
            let clock = ContinuousClock()
            let started = clock.now
            let now = Int64(Date().timeIntervalSince1970)
            let isXLSX = file.lowercased().hasSuffix(".xlsx")
            guard (1...ReadingBatchRules.maximumRows).contains(linesPerBatch) else {
                throw CommandLineFailure("错误：--lines-per-batch 须为 1–\(ReadingBatchRules.maximumRows) / error: --lines-per-batch must be 1–\(ReadingBatchRules.maximumRows)")
            }
            let zh = lang == .zh
            let chunks: ReadingChunks = isXLSX ? try XLSXChunks(path: file, chinese: zh)
                : try CSVChunks(path: file, linesPerPiece: linesPerBatch, chinese: zh)
            // Pass 1: every chunk parsed and checked (two at a time); nothing stored.
            let checked = try await chunks.checkAll(limit: 100) { batch in
                try await store.checkReadings(parkKey: park, batch: batch, now: now).map {
                    zh ? "\(file)：\(ReadingProblemText.text($0, chinese: true))" : "\(file): \($0.place): \($0.field) (\($0.meter)): \($0.message)"
                }
            }
            let problems = checked.problems, total = checked.total
            guard problems.isEmpty else {
                throw CommandLineFailure(problems.prefix(100).joined(separator: "\n") + (zh ? "\n错误：\(file)：未导入任何读数" : "\nerror: \(file): nothing imported"))
            }
            // Pass 2: store, chunk by chunk (bulk settings: see preferBulkWrites).
            if Self.bulkWrites { try await store.preferBulkWrites() }
            var accepted = 0, repeated = 0, revised = 0
            try await chunks.forEachAsync { batch in
                let receipt = try await store.ingest(parkKey: park, batch: batch, channel: isXLSX ? .fileXLSX : .fileCSV,
                                                     actor: .system("cli"), now: now, duplicates: .refuse)
                accepted += receipt.accepted
                repeated += receipt.repeated
                revised += receipt.revised
                return true
            }
            let stored = clock.now
            var line = zh ? "\(file)：\(total) 条读数：新增 \(accepted)，重复 \(repeated)，修订 \(revised)（\(stored - started)）"
                : "\(file): \(total) readings: \(accepted) new, \(repeated) repeats, \(revised) revisions (\(stored - started))"
            if !noClean {
                try await store.cleanAll()
                line += zh ? "；已清洗并汇总（\(clock.now - stored)）" : "; cleaned and rolled up (\(clock.now - stored))"
            }
            print(line)
        }
    }
}

/// A file of readings read in batches of at most `ReadingBatchRules.maximumRows`.
protocol ReadingChunks: Sendable {
    /// Pass 1: parses every batch and runs `check` on those that parse; syntax problems carry the
    /// file's line. Problems come back in file order, at most about `limit` of them.
    func checkAll(limit: Int, _ check: @escaping @Sendable (ReadingBatch) async throws -> [String]) async throws
        -> (total: Int, problems: [String])
    /// Pass 2: the batches in file order; `body` returns false to stop.
    func forEachAsync(_ body: (ReadingBatch) async throws -> Bool) async throws
}

/// CSV read in blocks and cut at line ends outside quotes, each piece parsed with the header put back
/// in front, and every line number shifted to the line in the whole file. Both passes use the two
/// cores: pass 1 parses and checks two pieces at a time; pass 2 parses the next piece while the
/// current one is being stored. Memory: the read-ahead block plus at most three pieces.
struct CSVChunks: ReadingChunks {
    let path: String
    let linesPerPiece: Int
    /// Problems in Chinese (else English).
    let chinese: Bool
    static let linesPerChunk = 190_000

    init(path: String, linesPerPiece: Int = linesPerChunk, chinese: Bool = true) throws {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CommandLineFailure(chinese ? "错误：\(path)：无法读取文件" : "error: \(path): cannot read the file")
        }
        self.path = path
        self.linesPerPiece = linesPerPiece
        self.chinese = chinese
    }

    /// A piece parsed: its batch, or its syntax problems located in the whole file.
    static func parse(_ piece: (bytes: [UInt8], lineOffset: Int), path: String, chinese: Bool = true) -> Result<ReadingBatch, CommandLineFailure> {
        do {
            return .success(batch(try ReadingsPayload.csv(piece.bytes), lineOffset: piece.lineOffset))
        } catch {
            return .failure(CommandLineFailure(error.problems.map { problem in
                let line = problem.line.map { $0 + piece.lineOffset } ?? piece.lineOffset
                return "\(path):\(line):\(problem.column ?? 1): \(problem.field): \(chinese ? problem.zh : problem.en)"
            }.joined(separator: "\n")))
        }
    }

    func checkAll(limit: Int, _ check: @escaping @Sendable (ReadingBatch) async throws -> [String]) async throws
        -> (total: Int, problems: [String]) {
        var reader = try CSVPieceReader(path: path, linesPerPiece: linesPerPiece)
        let path = self.path, chinese = self.chinese
        return try await withThrowingTaskGroup(of: (index: Int, rows: Int, problems: [String]).self) { group in
            var results: [(index: Int, rows: Int, problems: [String])] = []
            var index = 0, running = 0, found = 0
            while found < limit, let piece = try reader.next() {
                if running == 2, let done = try await group.next() {
                    running -= 1
                    found += done.problems.count
                    results.append(done)
                }
                let number = index
                group.addTask {
                    switch Self.parse(piece, path: path, chinese: chinese) {
                    case let .failure(syntax): return (number, 0, syntax.message.split(separator: "\n").map(String.init))
                    case let .success(batch): return (number, batch.rows.count, try await check(batch))
                    }
                }
                running += 1
                index += 1
            }
            for try await done in group { results.append(done) }
            results.sort { $0.index < $1.index }
            return (results.reduce(0) { $0 + $1.rows }, results.flatMap(\.problems))
        }
    }

    func forEachAsync(_ body: (ReadingBatch) async throws -> Bool) async throws {
        var reader = try CSVPieceReader(path: path, linesPerPiece: linesPerPiece)
        let path = self.path, chinese = self.chinese
        guard let first = try reader.next() else { return }
        var parsing = Task.detached { Self.parse(first, path: path, chinese: chinese) }
        while true {
            let batch = try await parsing.value.get()
            let next = try reader.next()
            if let next { parsing = Task.detached { Self.parse(next, path: path, chinese: chinese) } }
            guard try await body(batch), next != nil else { return }
        }
    }

    /// Lines of the data are renumbered: a piece's line 2 is the file's line `lineOffset + 2`.
    static func batch(_ parsed: ParsedReadings, lineOffset: Int) -> ReadingBatch {
        ReadingBatch(meters: parsed.meters, rows: parsed.readings.map {
            ReadingBatch.Row(meter: $0.meter, ts: $0.ts, value: $0.value, position: $0.line + Int32(clamping: lineOffset))
        }, locator: .line)
    }
}

/// Reads a CSV file in blocks and hands out pieces of at most `linesPerPiece` lines, cut at line
/// ends outside quotes, each with the header line put back in front and the offset that turns a
/// piece's line numbers into the file's. Memory: one block plus one piece.
struct CSVPieceReader {
    private let handle: FileHandle
    private let linesPerPiece: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var header: [UInt8]?
    private var linesDone = 0
    private var atEnd = false
    private var finished = false

    init(path: String, linesPerPiece: Int) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandLineFailure("错误：\(path)：无法读取文件 / error: \(path): cannot read the file") }
        self.handle = handle
        self.linesPerPiece = linesPerPiece
    }

    /// The next piece, or nil at the end of the file.
    mutating func next() throws -> (bytes: [UInt8], lineOffset: Int)? {
        while !finished {
            // Keep at least 16 MiB ahead of the cursor unless the file is exhausted.
            if !atEnd, buffer.count - start < 16 << 20 {
                if start > 0 { buffer.removeFirst(start); start = 0 }
                let block = try handle.read(upToCount: 16 << 20) ?? Data()
                if block.isEmpty { atEnd = true; try? handle.close() } else { buffer.append(contentsOf: block) }
                continue
            }
            var lines = 0, cut = start, quoted = false, index = start
            let budget = header == nil ? 1 : linesPerPiece
            while index < buffer.count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\"") { quoted.toggle() }
                index += 1
                if byte == UInt8(ascii: "\n"), !quoted {
                    lines += 1
                    cut = index
                    if lines >= budget { break }
                }
            }
            if lines < budget, !atEnd { // a piece must end at a line end: read more first
                if start > 0 { buffer.removeFirst(start); start = 0 }
                let block = try handle.read(upToCount: 16 << 20) ?? Data()
                if block.isEmpty { atEnd = true; try? handle.close() } else { buffer.append(contentsOf: block) }
                continue
            }
            if atEnd, lines < budget, buffer.count > cut {  // a last line without a line end
                cut = buffer.count
                lines += 1
            }
            guard cut > start else {
                finished = true
                if header == nil { header = []; return (Array("meter,ts,value\n".utf8), 0) }
                return nil
            }
            let piece = Array(buffer[start..<cut])
            start = cut
            if header == nil {
                header = piece
                linesDone = 1
                continue
            }
            let offset = linesDone - 1
            linesDone += lines
            return ((header ?? []) + piece, offset)
        }
        return nil
    }
}

/// An XLSX workbook (read whole within the reader's limits) in batches.
struct XLSXChunks: ReadingChunks {
    let parsed: ParsedReadings
    let path: String

    init(path: String, chinese: Bool = true) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandLineFailure(chinese ? "错误：\(path)：无法读取文件" : "error: \(path): cannot read the file")
        }
        do {
            parsed = try XLSXReadings.read(data)
        } catch {
            throw CommandLineFailure(error.problems.prefix(100).map { "\(path): \($0.field): \(chinese ? $0.zh : $0.en)" }.joined(separator: "\n")
                                     + (chinese ? "\n错误：\(path)：未导入任何读数" : "\nerror: \(path): nothing imported"))
        }
    }

    var batches: [ReadingBatch] {
        stride(from: 0, to: parsed.readings.count, by: ReadingBatchRules.maximumRows).map { start in
            let slice = parsed.readings[start..<min(start + ReadingBatchRules.maximumRows, parsed.readings.count)]
            return ReadingBatch(meters: parsed.meters, rows: slice.map {
                ReadingBatch.Row(meter: $0.meter, ts: $0.ts, value: $0.value, position: $0.line)
            }, locator: .sheetRow(sheet: "Sheet1"))
        }
    }

    func checkAll(limit: Int, _ check: @escaping @Sendable (ReadingBatch) async throws -> [String]) async throws
        -> (total: Int, problems: [String]) {
        var problems: [String] = []
        for batch in batches where problems.count < limit { problems += try await check(batch) }
        return (parsed.readings.count, problems)
    }

    func forEachAsync(_ body: (ReadingBatch) async throws -> Bool) async throws {
        for batch in batches where try await !body(batch) { return }
    }
}
