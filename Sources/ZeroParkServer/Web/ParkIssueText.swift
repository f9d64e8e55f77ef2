import ZeroParkCore

/// The accounting engine's refusals of a form, worded for the page (issue #12 defect 4): each issue
/// carries its own message in English and Chinese (with its ids, units and any "did you mean"); the
/// page shows the field and the message in its language, and no English sentence on a Chinese page.
enum ParkIssueText {
    static func message(_ error: ParkInputError, chinese: Bool) -> String {
        error.issues.map { issue in
            // `sources[water].factor` → `factor`: the form names its own record.
            let field = issue.field.split(separator: ".", maxSplits: 1).dropFirst().first.map(String.init) ?? issue.field
            return field + (chinese ? "：" : ": ") + issue.message(chinese: chinese)
        }.joined(separator: chinese ? "；" : "; ")
    }
}
