import Foundation
import Testing
import ZeroParkReports

/// The inventory table fits a 100-column terminal (issue #12 defect 11), in both languages, with and
/// without `--details`; details (method, factor with its source) appear on demand; units as people write them.
struct InventoryTableWidthTests {
    let cli = CommandLineTests()

    @Test func everyLineFitsAHundredColumns() throws {
        for file in ["park-example.yaml", "creative-park.yaml"] {
            let path = CommandLineTests.root.appendingPathComponent("examples/\(file)").path
            for arguments in [[], ["--lang", "en"], ["--details"], ["--details", "--lang", "en"]] {
                let run = try cli.run(["inventory", path] + arguments)
                #expect(run.status == 0)
                let widest = run.stdout.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
                #expect(widest <= 100, "\(file) \(arguments): \(widest) columns")
            }
        }
    }

    @Test func detailsListEachSourcesFactorWithItsSource() throws {
        let plain = try cli.run(["inventory", CommandLineTests.example])
        #expect(!plain.stdout.contains("因子 grid.guangdong") && plain.stdout.contains("--details"))
        // The gas boiler's activity in 万Nm³, not 10^4 Nm3.
        #expect(plain.stdout.contains("152.50 万Nm³") && !plain.stdout.contains("10^4 Nm3"))
        let detailed = try cli.run(["inventory", CommandLineTests.example, "--details"])
        #expect(detailed.stdout.contains("方法 ") && detailed.stdout.contains("位置法 "))
        #expect(detailed.stdout.contains("因子 park.sludge_treatment"))
    }

    @Test func wrappingKeepsEveryWordAndEveryLineWithinTheWidth() async {
        let text = "附件4 对绿电、绿证、净购入电力所用因子及抵销能否计入核心指标的规定未经原文核实 (UNCONFIRMED); see https://www.mee.gov.cn/xxgk2018/xxgk/xxgk01/202512/W020251231726284332528.pdf"
        for width in [20, 37, 60, 100] {
            let out = wrapped(text, width: width, first: "  · ", rest: "    ")
            #expect(out.split(separator: "\n").allSatisfy { displayWidth(String($0)) <= width }, "\(width)")
            // Nothing lost: the text without spaces and prefixes is the original without spaces.
            let joined = out.split(separator: "\n").map { $0.dropFirst(4) }.joined().filter { $0 != " " }
            #expect(joined == text.filter { $0 != " " }, "\(width)")
        }
        #expect(truncated("广东碳普惠核证减排量（示例）", toWidth: 10) == "广东碳普…")
        #expect(displayWidth(truncated("abcdefghijkl", toWidth: 5)) == 5)
    }

    @Test func unitsAreWrittenAsPeopleWriteThem() {
        #expect(UnitText.display("10^4 Nm3", chinese: true) == "万Nm³")
        #expect(UnitText.display("10^4 Nm3", chinese: false) == "10⁴ Nm³")
        #expect(UnitText.display("tCO2/ha/yr", chinese: true) == "tCO2/(公顷·年)")
        #expect(UnitText.display("tCO2/ha/yr", chinese: false) == "tCO2/ha/yr")
        #expect(UnitText.display("m2", chinese: true) == "m²" && UnitText.display("MWh", chinese: true) == "MWh")
    }
}
