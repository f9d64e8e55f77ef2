import Foundation
import Testing
@testable import ZeroParkCore

/// A factor's source line on a Chinese page (issue #12 defect 4: citation notes in English on Chinese
/// pages): the transcription note in Chinese, the document under its own title.
struct CitationTextTests {
    @Test func everyBuiltInTranscriptionHasAChineseNote() {
        for citation in Sources.all {
            guard let english = citation.transcription else { continue }
            let chinese = citation.transcriptionZh ?? ""
            #expect(chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(citation.key): \(english)")
        }
        // Every citation the library uses is in the list the Chinese notes are looked up in.
        let library = FactorLibrary.builtIn
        let used = Set(library.factors.map(\.citation.text) + library.fuels.map(\.citation.text))
        #expect(used.isSubset(of: Set(Sources.all.map(\.text))))
    }

    @Test func aSourceLineReadsInChineseOnAChinesePage() {
        let line = Sources.ar5.text
        // "IPCC AR5 WG1 (2013) Ch.8 Table 8.A.1, 100-year GWP; as tabulated in reference sheet §4 (ZNIT-Tech GWP.md and others)"
        #expect(Citation.localized(line, chinese: true) == "IPCC AR5 WG1 (2013) Ch.8 Table 8.A.1, 100-year GWP; 据参考资料表 §4 整理（ZNIT-Tech GWP.md 等）")
        #expect(Citation.localized(line, chinese: false) == line)
        #expect(Sources.ar5.text(chinese: true) == Citation.localized(line, chinese: true))
        // A park's own source line is left as the park wrote it.
        #expect(Citation.localized("园区能源审计报告 2025", chinese: true) == "园区能源审计报告 2025")
    }

    @Test func theChineseNoteIsNotPartOfTheJSON() throws {
        let data = try JSONEncoder().encode(Sources.ar5)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("transcriptionZh") && text.contains("transcription"))
        let decoded = try JSONDecoder().decode(Citation.self, from: data)
        #expect(decoded == Sources.ar5 && decoded.transcriptionZh == Sources.ar5.transcriptionZh)
    }
}
