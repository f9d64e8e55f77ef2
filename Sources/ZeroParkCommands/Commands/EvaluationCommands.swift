import ArgumentParser
import Crypto
import Foundation
import ZeroParkCore
import ZeroParkEvaluation
import ZeroParkInput
import ZeroParkScenario
import ZeroParkServer

/// `zeropark evaluate FILE`: an evaluation file's result under the T/IPIF pack and the 910号 core
/// indicator pack, line by line with the clause each cites (docs/evaluation.md). Exit 0 whatever the
/// grade; 1 when a file is wrong.
///
/// Serves STANDARD.md 1.1.12, 1.1.41–1.1.43, Table 1.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "evaluate",
                                                    abstract: "Evaluate a park against T/IPIF and the 910号 core indicator (docs/evaluation.md).")
    @Argument(help: "The evaluation file (YAML, zeropark_evaluation: 1).") var file: String
    @Option(help: "Language: zh (简体中文) or en.") var lang: OutputLanguage = .zh

    func run() throws {
        let loaded = try EvaluationLoader.load(file, language: lang)
        let chinese = lang == .zh
        for result in [TIPIFPack().evaluate(loaded.input), NationalIndicatorPack().evaluate(loaded.input)] {
            print("\(result.pack) v\(result.packVersion)")
            for line in result.lines {
                let mark = ["pass": "✔", "fail": "✘", "pending": "…", "info": "·"][line.status.rawValue] ?? "?"
                print("  \(mark) [\(line.clause)] \(chinese ? line.zh : line.en)")
            }
            print("  → " + (chinese ? "结论：" + result.grade.zh : "grade: " + result.grade.en) + "\n")
        }
    }
}

/// Reads an evaluation file and the park files it names (relative to it), and builds the input.
enum EvaluationLoader {
    struct Loaded {
        let file: EvaluationFile
        let input: EvaluationInput
        let parkID: String
        let parkName: String
        /// SHA-256 of each park file's bytes, by `park-file-YEAR`.
        let hashes: [String: String]
    }

    static func load(_ path: String, language: OutputLanguage = .zh) throws -> Loaded {
        let url = URL(fileURLWithPath: path)
        guard let data = try? Data(contentsOf: url), data.count <= EvaluationFileReader.maxBytes,
              let text = String(data: data, encoding: .utf8) else {
            throw CommandLineFailure("error: \(path): 不是可读的 UTF-8 文本（上限 1 MiB）/ not readable UTF-8 text (at most 1 MiB)")
        }
        let file: EvaluationFile
        do { file = try EvaluationFileReader.read(yaml: text) } catch {
            let lines = error.problems.map { p -> String in
                let place = p.line.map { ":\($0)" + (p.column.map { ":\($0)" } ?? "") } ?? ""
                return "error: \(path)\(place): \(p.field): \(p.zh) / \(p.en)"
            }
            throw CommandLineFailure(lines.joined(separator: "\n"))
        }
        var years: [Int: YearResult] = [:], hashes: [String: String] = [:]
        var parkID = "", parkName = "", parkType = ParkType.industrialPark
        for relative in file.parkFiles {
            let parkPath = relative.hasPrefix("/") ? relative : url.deletingLastPathComponent().appendingPathComponent(relative).path
            let inventory = try ParkFileLoader.inventory(parkPath, language: language)
            let verdict = BalanceVerdict.judge(inventory, sourcesWithoutData: [], meteredBelowThreshold: [])
            var complete = true
            if case .insufficientData = verdict { complete = false }
            let year = inventory.period.end.year
            years[year] = YearResult(inventory, complete: complete)
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: parkPath))) ?? Data()
            hashes["park-file-\(year)"] = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            (parkID, parkName, parkType) = (inventory.profile.id, inventory.profile.name, inventory.profile.type)
        }
        let input = EvaluationInput(parkName: parkName, parkType: parkType, operationStart: file.operationStart, evaluatedOn: file.evaluatedOn,
                                    basis: file.basis, years: years, answers: file.answers, adoptions: file.adoptions)
        return Loaded(file: file, input: input, parkID: parkID, parkName: parkName, hashes: hashes)
    }
}

/// `zeropark keys generate --out DIR`: an Ed25519 issuer key pair as two files — the private key (raw,
/// base64, mode 0600; never stored by the server) and the public key to hand to verifiers.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keys", abstract: "Issuer signing keys (Ed25519).",
                                                    subcommands: [Generate.self, List.self, Rotate.self])

    /// `zeropark keys list [--dir DIR]`: every public key in the folder with its key id, and whether its
    /// private key is beside it (the key in use) or not (retired keys keep only their `.pub`).
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the issuer keys in a folder with their key ids.")
        @Option(help: "Folder holding the keys.") var dir: String = "."

        func run() throws {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".pub") }.sorted()
            guard !names.isEmpty else { throw CommandLineFailure("error: no .pub key in \(dir) / 文件夹中没有公钥") }
            for name in names {
                let path = URL(fileURLWithPath: dir).appendingPathComponent(name).path
                guard let key = try? KeysCommand.publicKey(path) else {
                    print("\(name)\t(not an Ed25519 public key / 不是 Ed25519 公钥)")
                    continue
                }
                let privatePath = String(path.dropLast(4)) + ".key"
                let state = FileManager.default.fileExists(atPath: privatePath) ? "signing / 签发中" : "retired / 已停用"
                print("\(ParkCertificate.keyID(key))\t\(name)\t\(state)")
            }
        }
    }

    /// `zeropark keys rotate [--dir DIR] [--name STEM]`: the current pair's public key is kept as
    /// `STEM-<key id>.pub` (so certificates it signed still verify offline), its private key is removed,
    /// and a new pair is written as `STEM.key`/`STEM.pub`. The server then restarts with the new key; the
    /// old public key stays in its database, so `/verify` keeps answering for old certificates.
    struct Rotate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rotate", abstract: "Retire the current key pair and make a new one.")
        @Option(help: "Folder holding the keys.") var dir: String = "."
        @Option(help: "File name stem.") var name: String = "zeropark-issuer"

        func run() throws {
            let base = URL(fileURLWithPath: dir)
            let privatePath = base.appendingPathComponent(name + ".key").path, publicPath = base.appendingPathComponent(name + ".pub").path
            let old = try KeysCommand.privateKey(privatePath)
            let oldID = ParkCertificate.keyID(old.publicKey)
            let retired = base.appendingPathComponent("\(name)-\(oldID.replacingOccurrences(of: ":", with: "-")).pub").path
            guard !FileManager.default.fileExists(atPath: retired) else { throw CommandLineFailure("错误：\(retired) 已存在 / error: \(retired) exists") }
            guard FileManager.default.createFile(atPath: retired, contents: Data((old.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8)) else {
                throw CommandLineFailure("错误：无法写入 \(retired) / error: cannot write \(retired)")
            }
            do {
                try FileManager.default.removeItem(atPath: privatePath)
                try? FileManager.default.removeItem(atPath: publicPath)
            } catch {
                throw CommandLineFailure("错误：无法删除 \(privatePath) / error: cannot remove \(privatePath): \(error)")
            }
            let key: IssuerKey
            do { key = try IssuerKey.generate(path: privatePath, name: "") } catch { throw CommandLineFailure("错误：无法生成新密钥 / error: \(error.description)") }
            print("已停用 / retired \(oldID)：公钥保留为 / public key kept as \(retired)；私钥已删除 / private key removed\n新密钥 / new \(key.keyID)\n  私钥 / private: \(privatePath) (0600)\n  公钥 / public:  \(publicPath)\n"
                  + "Restart the server with --issuer-key \(privatePath). / 请用新密钥重启服务器。")
        }
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "generate", abstract: "Write a new key pair: NAME.key (private) and NAME.pub.")
        @Option(help: "Folder to write to.") var out: String = "."
        @Option(help: "File name stem.") var name: String = "zeropark-issuer"

        func run() throws {
            let key = Curve25519.Signing.PrivateKey()
            let base = URL(fileURLWithPath: out)
            let privatePath = base.appendingPathComponent(name + ".key").path, publicPath = base.appendingPathComponent(name + ".pub").path
            guard !FileManager.default.fileExists(atPath: privatePath) else {
                throw CommandLineFailure("error: \(privatePath) exists: a key is never overwritten / 密钥文件已存在，不覆盖")
            }
            guard FileManager.default.createFile(atPath: privatePath, contents: Data((key.rawRepresentation.base64EncodedString() + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]),
                  FileManager.default.createFile(atPath: publicPath, contents: Data((key.publicKey.rawRepresentation.base64EncodedString() + "\n").utf8)) else {
                throw CommandLineFailure("错误：无法在 \(out) 写入密钥文件 / error: cannot write the key files in \(out)")
            }
            print("\(ParkCertificate.keyID(key.publicKey))\n  私钥 / private: \(privatePath) (0600)\n  公钥 / public:  \(publicPath)")
        }
    }

    static func privateKey(_ path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: data) else {
            throw CommandLineFailure("错误：\(path) 不是 Ed25519 私钥（base64，由 `zeropark keys generate` 生成） / error: \(path): not an Ed25519 private key (base64, from `zeropark keys generate`)")
        }
        return key
    }

    static func publicKey(_ path: String) throws -> Curve25519.Signing.PublicKey {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)),
              let key = try? Curve25519.Signing.PublicKey(rawRepresentation: data) else {
            throw CommandLineFailure("错误：\(path) 不是 Ed25519 公钥（base64，由 `zeropark keys generate` 生成） / error: \(path): not an Ed25519 public key (base64, from `zeropark keys generate`)")
        }
        return key
    }
}

/// `zeropark certificate issue|verify`: a signed certificate from an awarded evaluation, and its offline
/// verification, which says exactly what failed (docs/evaluation.md).
struct CertificateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "certificate", abstract: "Issue and verify park certificates.",
                                                    subcommands: [Issue.self, Verify.self])

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "issue", abstract: "Sign a certificate for an evaluation file whose T/IPIF grade is awarded.")
        @Argument(help: "The evaluation file.") var file: String
        @Option(help: "The issuer's private key (from `zeropark keys generate`).") var key: String
        @Option(help: "Where to write the certificate (JSON).") var out: String

        func run() throws {
            let loaded = try EvaluationLoader.load(file)
            let signingKey = try KeysCommand.privateKey(key)
            let result = TIPIFPack().evaluate(loaded.input)
            let issued = loaded.file.evaluatedOn
            let issue = ParkCertificate.Issue(id: "urn:uuid:" + UUID().uuidString.lowercased(), issuerName: loaded.file.issuer,
                                              evaluator: loaded.file.evaluator, parkID: loaded.parkID, parkName: loaded.parkName,
                                              issued: issued, validUntil: loaded.file.validUntil, hashes: loaded.hashes)
            let document: CanonicalValue
            do {
                document = try ParkCertificate.document(result, input: loaded.input, issue: issue, key: signingKey.publicKey)
            } catch {
                throw CommandLineFailure("错误：不颁发证书：评价结论为\(result.grade.zh)，原因见 `zeropark evaluate \(file)` / error: no certificate: the grade is \(result.grade.code); run `zeropark evaluate \(file)` for the reasons")
            }
            let signed = try ParkCertificate.sign(document, with: signingKey, created: RFC3339Now.text())
            guard FileManager.default.createFile(atPath: out, contents: Data(signed.canonical.utf8)) else {
                throw CommandLineFailure("错误：无法写入 \(out) / error: cannot write \(out)")
            }
            print("\(issue.id): \(result.grade.zh) · \(loaded.parkName) · \(out)")
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify a certificate offline; exit 1 naming what failed.")
        @Argument(help: "The certificate (JSON).") var file: String
        @Option(help: "The issuer's public key.") var key: String
        @Option(help: "A revocation list: one `ID<TAB>reason` per line.") var revoked: String?
        @Option(help: "The date to check validity on (YYYY-MM-DD; default today, CST).") var today: String?

        func run() throws {
            let publicKey = try KeysCommand.publicKey(key)
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)), data.count <= CanonicalValue.maximumBytes else {
                throw CommandLineFailure("INVALID \(file)：无法读取（最大 1 MiB） / unreadable (at most 1 MiB)")
            }
            var revocations: [String: String] = [:]
            if let revoked {
                guard let text = try? String(contentsOfFile: revoked, encoding: .utf8) else { throw CommandLineFailure("错误：无法读取 \(revoked) / error: \(revoked): unreadable") }
                for line in text.split(whereSeparator: \.isNewline) {
                    let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
                    if let id = parts.first, !id.isEmpty { revocations[id] = parts.count > 1 ? parts[1] : "revoked" }
                }
            }
            guard let day = today.map({ CalendarDate(iso: $0) }) ?? ReportClock.today() else {
                throw CommandLineFailure("错误：--today 须为 YYYY-MM-DD / error: --today must be YYYY-MM-DD")
            }
            do {
                let document = try ParkCertificate.verify(String(decoding: data, as: UTF8.self), key: publicKey, today: day, revoked: revocations)
                let subject = document["credentialSubject"]
                print("VALID \(document["id"]?.stringValue ?? ""): \(subject?["park"]?["name"]?.stringValue ?? "") · \(subject?["grade"]?["zh"]?.stringValue ?? "") · "
                      + "\(subject?["zeroCarbonPeriod"]?["start"]?.stringValue ?? "")..\(subject?["zeroCarbonPeriod"]?["end"]?.stringValue ?? "")")
            } catch {
                throw CommandLineFailure("INVALID \(file): \(error.description)")
            }
        }
    }
}

/// The current time as RFC 3339 with the CST offset (the proof's `created`).
enum RFC3339Now {
    static func text(_ now: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = ReportClock.timeZone
        return formatter.string(from: now)
    }
}
