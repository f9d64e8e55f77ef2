import Foundation

/// Where a PV plant is: latitude and longitude in degrees (north and east positive), and its DC peak
/// power in kWp (used only to express the clear-sky output in kW; the forecast's cloudiness ratio
/// absorbs any error in it, and the performance ratio).
///
/// Serves STANDARD.md 1.1.37 and 1.1.20(f) (PV forecast for PV–storage control).
public struct PVSite: Sendable, Hashable {
    public let latitude: Double
    public let longitude: Double
    public let peakKW: Double

    public init(latitude: Double, longitude: Double, peakKW: Double) throws(ForecastError) {
        var problems: [ForecastProblem] = []
        if !(latitude.isFinite && abs(latitude) <= 66) {
            problems.append(ForecastProblem(code: "latitude_range", field: "site.latitude",
                                            zh: "纬度须在 −66°…66° 内（现为 \(latitude)）",
                                            en: "latitude must be within −66°…66° (is \(latitude))"))
        }
        if !(longitude.isFinite && abs(longitude) <= 180) {
            problems.append(ForecastProblem(code: "longitude_range", field: "site.longitude",
                                            zh: "经度须在 −180°…180° 内（现为 \(longitude)）",
                                            en: "longitude must be within −180°…180° (is \(longitude))"))
        }
        if !(peakKW.isFinite && peakKW > 0) {
            problems.append(ForecastProblem(code: "peak_power", field: "site.peakKW",
                                            zh: "峰值功率须为正（现为 \(peakKW)）", en: "peak power must be positive (is \(peakKW))"))
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        self.latitude = latitude
        self.longitude = longitude
        self.peakKW = peakKW
    }
}

/// The sun's position and clear-sky irradiance from the standard textbook equations, as given in
/// J. A. Duffie & W. A. Beckman, *Solar Engineering of Thermal Processes* (4th ed., Wiley 2013), §1.5–1.6:
///
/// - declination δ = 23.45° · sin(360° · (284 + n) / 365), n the day of the year (Cooper 1969; eq. 1.6.1a);
/// - equation of time E = 229.2 (0.000075 + 0.001868 cos B − 0.032077 sin B − 0.014615 cos 2B
///   − 0.04089 sin 2B) minutes, B = (n − 1) · 360°/365 (Spencer 1971; eq. 1.5.3);
/// - solar time = CST + 4 min/° · (longitude − 120°) + E (eq. 1.5.2, standard meridian 120° E);
/// - hour angle ω = 15° · (solar hour − 12);
/// - cos θz = cos φ cos δ cos ω + sin φ sin δ (eq. 1.6.5).
///
/// Clear-sky global horizontal irradiance by Haurwitz's model, GHI = 1098 · cos θz · exp(−0.059 / cos θz)
/// W/m² (B. Haurwitz, J. Meteorology 2 (1945) 154–166; recommended as the best of the simple models by
/// Reno, Hansen & Stein, Sandia report SAND2012-2389).
///
/// Serves STANDARD.md 1.1.37 (the PV forecast's physical part) and 1.1.20(f).
public enum SolarPosition {
    static let radians = Double.pi / 180

    /// cos of the solar zenith angle at a UTC instant (negative below the horizon).
    public static func cosZenith(utc: Int64, latitude: Double, longitude: Double) -> Double {
        let day = ForecastCalendar.dayNumber(utc: utc)
        let n = Double(ForecastDate.of(dayNumber: day).dayOfYear)
        let minutes = Double(ForecastCalendar.secondOfDay(utc: utc)) / 60
        let declination = 23.45 * sin(360 * (284 + n) / 365 * radians) * radians
        let b = (n - 1) * 360 / 365 * radians
        let equationOfTime = 229.2 * (0.000075 + 0.001868 * cos(b) - 0.032077 * sin(b)
                                      - 0.014615 * cos(2 * b) - 0.04089 * sin(2 * b))
        let solarMinutes = minutes + 4 * (longitude - 120) + equationOfTime
        let hourAngle = 15 * (solarMinutes / 60 - 12) * radians
        let phi = latitude * radians
        return cos(phi) * cos(declination) * cos(hourAngle) + sin(phi) * sin(declination)
    }

    /// Haurwitz clear-sky GHI (W/m²) at a UTC instant.
    public static func clearSkyGHI(utc: Int64, latitude: Double, longitude: Double) -> Double {
        let c = cosZenith(utc: utc, latitude: latitude, longitude: longitude)
        return c > 0 ? 1098 * c * exp(-0.059 / c) : 0
    }

    /// Mean clear-sky PV power (kW) over the step starting at `utc`: peakKW × GHI/1000, averaged at the
    /// centres of 5-minute sub-intervals (so sunrise and sunset inside an hourly step are weighted right).
    public static func clearSkyKW(stepStartUTC utc: Int64, stepMinutes: Int, site: PVSite) -> Double {
        let parts = max(1, stepMinutes / 5)
        let width = Int64(stepMinutes * 60 / parts)
        var sum = 0.0
        for k in 0..<parts {
            sum += clearSkyGHI(utc: utc + Int64(k) * width + width / 2, latitude: site.latitude, longitude: site.longitude)
        }
        return site.peakKW * sum / Double(parts) / 1000
    }
}
