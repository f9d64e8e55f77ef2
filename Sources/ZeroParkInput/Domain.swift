/// The documented range of every number ZeroPark accepts from outside (API bodies, forms, CSV,
/// park files), checked at the edge before anything is stored (issue #6 "Numbers have domains";
/// README "Limits"). Bounds are generous for any real park yet keep every product of the
/// accounting finite and every year meaningful.
public enum Domain {
    /// Accounting, data and offset years: 1990 (the IPCC base year) to 2100.
    public static let year = 1990...2100
    /// Month of an activity value; 0 means the whole year.
    public static let month = 0...12
    /// An activity value in its source's unit: 0 to 10^15 (a park's annual electricity in Wh is ~10^13).
    public static let activityValue: ClosedRange<Double> = 0...1e15
    /// Offset and sink quantities (tCO2, rates per area): 0 to 10^12.
    public static let quantity: ClosedRange<Double> = 0...1e12
    /// Factors (emission factors, coefficients, GWP): 0 to 10^9 in their own unit.
    public static let factorValue: ClosedRange<Double> = 0...1e9
    /// Park and greenery areas in m²: above 0, at most 10^10 (10,000 km²).
    public static let areaM2Maximum = 1e10
    /// Output value in CNY: 0 to 10^15.
    public static let outputValueCNY: ClosedRange<Double> = 0...1e15
    /// A fuel's oxidation rate: above 0, at most 1.
    public static let oxidationMaximum = 1.0
    /// Years an offset's emitter commits to (e.g. a funded project's crediting period): 1 to 100.
    public static let commitmentYears = 1...100
    /// GHG Protocol scope of a source.
    public static let scope = 1...3
}
