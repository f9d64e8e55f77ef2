import ArgumentParser
import Foundation
import ZeroParkCore
import ZeroParkReports

/// `zeropark inventory FILE [--format table|json|csv] [--lang zh|en]`: the park's inventory.
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory",
        abstract: "Compute the carbon inventory of a park file (emissions, sinks, offsets, net balance).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @Argument(help: "The park file (YAML, format version 1).")
    var file: String

    @Option(help: "Output format: table (terminal), json (zeropark.inventory/1) or csv.")
    var format: Format = .table

    @Option(help: "Language of table and CSV headings and of the problems printed: zh (简体中文) or en.")
    var lang: OutputLanguage = .zh

    @Flag(help: "In the table, also list each source's method, factor with its source and location-based figure, and each sink's calculation.")
    var details = false

    func run() throws {
        let inventory = try ParkFileLoader.inventory(file, language: lang)
        switch format {
        case .table:
            print(InventoryTableRenderer(language: lang, details: details).render(inventory), terminator: "")
        case .csv:
            print(InventoryCSVRenderer(language: lang.reportLanguage).render(inventory), terminator: "")
        case .json:
            print(try InventoryJSON.encode(InventoryDocument(inventory)))
        }
    }
}

/// JSON encoding of the inventory contract: stable key order, pretty-printed, unescaped slashes.
public enum InventoryJSON {
    public static func encode(_ document: InventoryDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
