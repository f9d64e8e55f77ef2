import Foundation
import ZeroParkInput
import ZIPFoundation

/// Bounds for reading an .xlsx workbook from untrusted bytes (STANDARD.md 1.1.33, 3.3): the zip
/// container is not trusted, so sizes are counted while inflating, never taken from its headers.
public struct XLSXLimits: Hashable, Sendable {
    /// Bytes inflated from all parts read (workbook, relationships, shared strings, sheet).
    public var maxTotalUncompressed: Int
    /// Bytes inflated from any one part.
    public var maxEntryUncompressed: Int
    /// Entries in the zip's central directory.
    public var maxEntries: Int
    /// Inflated bytes per compressed byte of one part, checked once a part passes `ratioFloor` bytes.
    public var maxCompressionRatio: Int
    /// Inflated size of a part below which the ratio is not checked (small parts compress very well).
    public var ratioFloor: Int
    /// Worksheet rows (Excel's own maximum is 1,048,576); also the maximum number of readings.
    public var maxRows: Int
    /// Problems reported before reading stops.
    public var maxProblems: Int

    public init(maxTotalUncompressed: Int = 512 << 20, maxEntryUncompressed: Int = 256 << 20, maxEntries: Int = 1_000,
                maxCompressionRatio: Int = 200, ratioFloor: Int = 1 << 20, maxRows: Int = 1_048_576, maxProblems: Int = 100) {
        self.maxTotalUncompressed = maxTotalUncompressed
        self.maxEntryUncompressed = maxEntryUncompressed
        self.maxEntries = maxEntries
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloor = ratioFloor
        self.maxRows = maxRows
        self.maxProblems = maxProblems
    }

    /// 512 MiB in total, 256 MiB per part, 1,000 entries, ratio 200 beyond 1 MiB, 1,048,576 rows, 100 problems.
    public static let `default` = XLSXLimits()
}

/// The zip container of an .xlsx: its entries by path, and bounded inflation of one entry.
struct XLSXArchive {
    let archive: Archive
    let entries: [String: Entry]
    let limits: XLSXLimits
    var inflated = 0

    static func problem(_ code: String, zh: String, en: String) -> InputProblem {
        InputProblem(code: code, field: "xlsx", zh: zh, en: en)
    }

    init(data: Data, limits: XLSXLimits) throws(InputProblem) {
        self.limits = limits
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Self.problem("not_xlsx", zh: "不是有效的 .xlsx 文件（无法读取 zip 结构）", en: "is not a readable .xlsx file (not a valid zip archive)")
        }
        var entries: [String: Entry] = [:]
        var count = 0
        for entry in archive {
            count += 1
            guard count <= limits.maxEntries else {
                throw Self.problem("too_many_entries", zh: "zip 条目过多（上限 \(limits.maxEntries)）", en: "has too many zip entries (limit \(limits.maxEntries))")
            }
            if entries[entry.path] == nil { entries[entry.path] = entry }
        }
        self.archive = archive
        self.entries = entries
    }

    /// Why inflation stopped early (thrown from inside ZIPFoundation's consumer).
    enum Refusal: Error {
        case entryTooLarge, totalTooLarge, ratio
    }

    /// The inflated bytes of `path`, or nil when the archive has no such entry.
    mutating func read(_ path: String) throws(InputProblem) -> [UInt8]? {
        guard let entry = entries[path] else { return nil }
        var out: [UInt8] = []
        var produced = 0
        let already = inflated
        let limits = self.limits
        let compressed = max(1, Int(clamping: entry.compressedSize))
        let checksum: CRC32
        do {
            checksum = try archive.extract(entry, bufferSize: 1 << 16, skipCRC32: false) { chunk in
                produced += chunk.count
                guard produced <= limits.maxEntryUncompressed else { throw Refusal.entryTooLarge }
                guard already + produced <= limits.maxTotalUncompressed else { throw Refusal.totalTooLarge }
                if produced > limits.ratioFloor, produced / compressed > limits.maxCompressionRatio { throw Refusal.ratio }
                out.append(contentsOf: chunk)
            }
        } catch Refusal.entryTooLarge {
            throw Self.problem("entry_too_large", zh: "\(path) 解压后过大（上限 \(limits.maxEntryUncompressed) 字节）",
                               en: "part \(path) inflates to more than \(limits.maxEntryUncompressed) bytes")
        } catch Refusal.totalTooLarge {
            throw Self.problem("too_large", zh: "解压后总大小过大（上限 \(limits.maxTotalUncompressed) 字节）",
                               en: "inflates to more than \(limits.maxTotalUncompressed) bytes in total")
        } catch Refusal.ratio {
            throw Self.problem("compression_ratio", zh: "\(path) 的压缩比异常（超过 \(limits.maxCompressionRatio):1），疑似压缩炸弹",
                               en: "part \(path) has a compression ratio above \(limits.maxCompressionRatio):1 (a zip bomb?)")
        } catch {
            throw Self.problem("corrupt_xlsx", zh: "\(path) 无法解压（文件损坏或被截断）", en: "part \(path) cannot be inflated (damaged or truncated file)")
        }
        guard checksum == entry.checksum, produced == out.count else {
            throw Self.problem("corrupt_xlsx", zh: "\(path) 校验和不符（文件损坏）", en: "part \(path) fails its CRC-32 check (damaged file)")
        }
        inflated += produced
        return out
    }
}
