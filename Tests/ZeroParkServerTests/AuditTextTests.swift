import Testing
@testable import ZeroParkServer

/// The audit log's before and after values as a person reads them (issue #12 defect 4: raw JSON in the
/// Chinese audit log): a flat object's fields by name in the reader's language.
struct AuditTextTests {
    @Test func aRecordedObjectReadsAsNamedFields() {
        let trial = #"{"end":"2026-12-31","plan_version":"1","start":"2026-01-01","threshold":"0.03"}"#
        #expect(AuditText.change(trial, chinese: true) == "结束：2026-12-31；方案版本：1；开始：2026-01-01；偏差阈值：0.03")
        #expect(AuditText.change(trial, chinese: false) == "end: 2026-12-31; plan version: 1; start: 2026-01-01; threshold: 0.03")
        // A field the catalogue does not know keeps its key; numbers, null and nested values are shown as they are.
        #expect(AuditText.change(#"{"zz":1.5,"note":null,"list":[1,2]}"#, chinese: true) == "list：[1,2]；说明：—；zz：1.5")
        // A plain value, and text that is not an object, stay as stored.
        #expect(AuditText.change("123.0", chinese: true) == "123.0")
        #expect(AuditText.change("{not json", chinese: true) == "{not json")
        // At most 200 characters, then an ellipsis.
        let long = AuditText.change(#"{"reason":"\#(String(repeating: "长", count: 300))"}"#, chinese: true)
        #expect(long.count == 201 && long.hasPrefix("原因：长") && long.hasSuffix("…"))
    }
}
