import Testing

/// Issue #12 (CLI defect 11): `validate` reports structural and accounting problems in one pass, in line
/// order, with "did you mean" — an unknown field no longer hides the rest.
struct ValidateOnePassTests {
    let cli = CommandLineTests()

    /// Four problems: a misspelt province and an unknown field (line 2), a negative quantity (line 5), a misspelt fuel (line 6).
    static let broken = """
        zeropark: 1
        park: { id: t, name: 测试, type: industrial_park, province: guangdng, area_m2: 100, colour: red }
        period: { year: 2025 }
        sources:
          - { id: g, name: 电, system: energy, method: purchased_electricity, activity: { quantity: -5, unit: MWh } }
          - { id: f, name: 气, system: energy, method: fuel_combustion, fuel: natral_gas, activity: { quantity: 5, unit: t } }
        """

    @Test func everyProblemInOnePassSortedByLine() throws {
        let path = try cli.temporaryFile(Self.broken)
        let run = try cli.run(["validate", path, "--lang", "en"])
        #expect(run.status == 1)
        let lines = run.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
        // Line 2 (province at column 59, colour at 83), line 5 (quantity), line 6 (fuel): four problems, in that order.
        #expect(lines.count == 4, "\(run.stderr)")
        #expect(lines.map { $0.contains(":2:59:") || $0.contains(":2:83:") || $0.contains(":5:") || $0.contains(":6:") } == [true, true, true, true])
        #expect(lines[0].contains("park.province") && lines[0].contains("did you mean guangdong?"))
        #expect(lines[1].contains("park.colour") && lines[2].contains("sources[0].activity.quantity"))
        #expect(lines[3].contains("did you mean natural_gas?"))
        #expect(run.stderr.contains("4 problems in"))
    }

    /// Issue #12 defect 4: `validate --lang zh` (the default) prints every problem, the count, the `ok` line
    /// and the warnings in Chinese; `--lang en` in English. The place and field are the same in both.
    @Test func problemsInTheChosenLanguage() throws {
        let path = try cli.temporaryFile(Self.broken)
        let zh = try cli.run(["validate", path])
        #expect(zh.status == 1)
        #expect(try cli.run(["validate", path, "--lang", "zh"]).stderr == zh.stderr)
        let lines = zh.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("错误：") }
        #expect(lines.count == 4, "\(zh.stderr)")
        #expect(lines[0].hasPrefix("错误：\(path):2:59: park.province: 未知的省份：“guangdng”（是否应为 guangdong？）"), "\(lines)")
        #expect(lines[1].contains(":2:83: park.colour: 未知字段“colour”"))
        #expect(lines[2].contains(":5:") && lines[2].contains("sources[0].activity.quantity: 不能为负数，实际为 -5"))
        #expect(lines[3].contains(":6:") && lines[3].contains("没有这种燃料：“natral_gas”（是否应为 natural_gas？）"))
        for line in lines {
            let message = String(line.drop { $0 != " " })
            #expect(!Self.hasEnglishSentence(message), "\(line)")
        }
        #expect(zh.stderr.contains("\(path) 中共有 4 个问题") && !zh.stderr.contains("did you mean") && !zh.stderr.contains("problems in"))

        let en = try cli.run(["validate", path, "--lang", "en"])
        #expect(en.status == 1)
        let english = en.stderr.split(separator: "\n").map(String.init).filter { $0.hasPrefix("error:") }
        #expect(english.count == 4 && english[0].contains(":2:59: park.province: unknown province \"guangdng\" (did you mean guangdong?)"))
        #expect(!en.stderr.contains("是否应为") && en.stderr.contains("4 problems in"))
    }

    @Test func okAndWarningsInTheChosenLanguage() throws {
        let zh = try cli.run(["validate", CommandLineTests.example])
        let en = try cli.run(["validate", CommandLineTests.example, "--lang", "en"])
        #expect(zh.status == 0 && en.status == 0)
        #expect(zh.stdout.contains("：通过 — 园区 ") && zh.stdout.contains(" 个排放源，") && zh.stdout.contains("核算期 "), "\(zh.stdout)")
        #expect(en.stdout.contains(": ok — park ") && en.stdout.contains(" sources, "))
        let zhWarnings = zh.stdout.split(separator: "\n").filter { $0.hasPrefix("提示：") }
        let enWarnings = en.stdout.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(zhWarnings.count == enWarnings.count)
        for warning in zhWarnings {
            #expect(!Self.hasEnglishSentence(String(warning)), "\(warning)")
        }
    }

    /// A run of four or more English words (scripts/zp_sweep.py's test for an untranslated sentence).
    static func hasEnglishSentence(_ text: String) -> Bool {
        guard let regex = try? Regex(#"[A-Za-z]+(?:[ ,'-]+[A-Za-z]+){3,}"#) else { return true }
        return text.contains(regex)
    }
}
