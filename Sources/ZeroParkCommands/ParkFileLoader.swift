import Foundation
import ZeroParkCore
import ZeroParkParkFile
import ZeroParkServer

/// Reads a park file from disk and accounts it; the file-system edge of the command line. Problems
/// are printed in the command's language (`--lang`, Chinese by default).
enum ParkFileLoader {
    static func read(_ path: String, language: OutputLanguage) throws -> ParkDefinition {
        do {
            return try ParkFileReader.read(yaml: try text(path, language: language))
        } catch let error as ParkInputError {
            throw CommandLineFailure(file: path, error, language: language)
        }
    }

    /// The park as far as it could be read, with the problems found (see `ParkFileReader.readCollecting`).
    static func readCollecting(_ path: String, language: OutputLanguage) throws -> (park: ParkDefinition?, issues: [ParkIssue]) {
        do {
            return try ParkFileReader.readCollecting(yaml: try text(path, language: language))
        } catch let error as ParkInputError {
            throw CommandLineFailure(file: path, error, language: language)
        }
    }

    static func text(_ path: String, language: OutputLanguage) throws -> String {
        let chinese = language == .zh
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw CommandLineFailure(chinese ? "错误：\(path)：文件不是 UTF-8 文本" : "error: \(path): the file is not UTF-8 text")
            }
            text = decoded
        } catch let failure as CommandLineFailure {
            throw failure
        } catch {
            throw CommandLineFailure(chinese ? "错误：\(path)：无法读取文件（\(error.localizedDescription)）"
                                             : "error: \(path): cannot read the file (\(error.localizedDescription))")
        }
        return text
    }

    static func inventory(_ path: String, language: OutputLanguage) throws -> Inventory {
        let park = try read(path, language: language)
        do {
            // Today (China Standard Time) is the offsets' report date unless the file sets `rules.report_date`.
            return try InventoryCalculator.compute(park, today: ReportClock.today())
        } catch let error as ParkInputError {
            throw CommandLineFailure(file: path, error, language: language)
        }
    }
}
