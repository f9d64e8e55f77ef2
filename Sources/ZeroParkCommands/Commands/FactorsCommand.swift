import ArgumentParser
import ZeroParkCore

/// `zeropark factors list|show`: browse the built-in factor library with its citations.
struct FactorsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "factors",
        abstract: "Browse the built-in factor library (grid, heat, fuels, standard coal, GWP) with citations.",
        subcommands: [List.self, Show.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List factors and fuels.")

        @Option(help: "Only entries whose id, name or source contains this text.")
        var search: String = ""

        @Option(help: "Language of the names: zh or en.")
        var lang: OutputLanguage = .zh

        func run() throws {
            let library = FactorLibrary.builtIn
            let found = library.search(search)
            print(FactorRenderer(language: lang).list(found.factors, fuels: found.fuels, library: library), terminator: "")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one factor or fuel with every vintage and its citation.")

        @Argument(help: "A factor id (grid.guangdong, heat.default, gwp.AR5.HFC-134a, ...) or a fuel id (diesel or fuel.diesel).")
        var id: String

        @Option(help: "Language of the names: zh or en.")
        var lang: OutputLanguage = .zh

        func run() throws {
            let library = FactorLibrary.builtIn
            let renderer = FactorRenderer(language: lang)
            let vintages = library.vintages(of: id)
            if !vintages.isEmpty {
                print(renderer.show(vintages), terminator: "")
                return
            }
            let fuelID = id.hasPrefix("fuel.") ? String(id.dropFirst(5)) : id
            if let fuel = library.fuel(fuelID) {
                print(renderer.show(fuel), terminator: "")
                return
            }
            let suggestions = library.search(id.split(separator: ".").last.map(String.init) ?? id).factors.prefix(5).map(\.id)
            let names = Set(suggestions).sorted().joined(separator: ", ")
            let hintZh = suggestions.isEmpty ? "" : "是否应为 \(names)？"
            let hint = suggestions.isEmpty ? "" : " Did you mean: \(names)?"
            throw CommandLineFailure("错误：因子库 \(library.version) 中没有编号为“\(id)”的因子或燃料。\(hintZh)请查看 `zeropark factors list`。\n"
                                     + "error: no factor or fuel with id \"\(id)\" in library \(library.version).\(hint) See `zeropark factors list`.")
        }
    }
}
