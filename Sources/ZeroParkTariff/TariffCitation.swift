/// Where a tariff version comes from and how sure we are of each part of it.
///
/// Serves STANDARD.md 1.1.36/1.1.37 and the project rule "every number carries a source": the document
/// number (文号), its title, a URL where the reference files give one, and what is confirmed vs only claimed.
public struct TariffCitation: Hashable, Sendable {
    /// Document number, e.g. `粤发改价格〔2021〕331号`.
    public let document: String
    /// Title of the document (Chinese), or a description when the title was not captured.
    public let title: String
    /// URLs as given by the reference files (may be reprints or code that cites the original).
    public let urls: [String]
    /// Statements the reference files report as confirmed (official page, or several independent copies agree).
    public let confirmed: [String]
    /// Statements only claimed, not captured, or UNCONFIRMED.
    public let unconfirmed: [String]

    public init(document: String, title: String, urls: [String], confirmed: [String], unconfirmed: [String]) {
        self.document = document
        self.title = title
        self.urls = urls
        self.confirmed = confirmed
        self.unconfirmed = unconfirmed
    }
}
