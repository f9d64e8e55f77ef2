import ArgumentParser
import Foundation
import ZeroParkCore
import ZeroParkReports

/// The `zeropark` command line: a thin shell over the library (DESIGN.md, swift-argument-parser).
public struct ZeroParkCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "zeropark",
        abstract: "ZeroPark — 智慧零碳园区 carbon accounting (T/IPIF 智慧零碳园区设计技术指南).",
        discussion: "Exit codes: 0 ok, 1 the input is wrong, 2 usage error.",
        version: ZeroParkCommand.versionText,
        subcommands: [ValidateCommand.self, InventoryCommand.self, PlanCommand.self, FactorsCommand.self, ServeCommand.self, DemoCommand.self,
                      UsersCommand.self, ReadingsCommand.self, VerifyCommand.self, SimulateCommand.self,
                      DispatchCommand.self, SizeCommand.self, RollingCommand.self, EvaluateCommand.self, KeysCommand.self, CertificateCommand.self])

    /// `zeropark --version` (issue #12 defect 11): the release and the factor library it computes with.
    public static let release = "0.9.0"
    static var versionText: String { "zeropark \(release) · 因子库 factor library \(FactorLibrary.builtIn.version)" }

    public init() {}

    /// Parses `arguments`, runs the command and returns the process exit code; prints results to
    /// standard output and problems to standard error. Never traps on bad input.
    public static func run(arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.ok.rawValue
        } catch let failure as CommandLineFailure {
            printError(failure.message)
            return ExitStatus.inputError.rawValue
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                return ExitStatus.ok.rawValue
            }
            printError(fullMessage(for: error))
            return ExitStatus.usageError.rawValue
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// The language of human-readable output: Simplified Chinese first, English second.
public enum OutputLanguage: String, ExpressibleByArgument, CaseIterable, Sendable {
    case zh, en

    var reportLanguage: ReportLanguage { self == .zh ? .zh : .en }
}
