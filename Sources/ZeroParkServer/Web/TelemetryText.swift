import ZeroParkStore
import ZeroParkTelemetry

/// The string catalogue of telemetry (Chinese first, English second): what meters measure, how they
/// read, quality flags, cleaner events, refused-reading reasons (issue #8; issue #12 "Chinese throughout").
enum TelemetryText {
    static func quantity(_ quantity: MeterQuantity, chinese: Bool) -> String {
        let names: [MeterQuantity: (String, String)] = [
            .electricityImport: ("购入电量", "electricity import"), .electricityExport: ("上网电量", "electricity export"),
            .pvGeneration: ("光伏发电", "PV generation"), .storageCharge: ("储能充电", "storage charge"),
            .storageDischarge: ("储能放电", "storage discharge"), .evCharging: ("充电桩", "EV charging"),
            .naturalGas: ("天然气", "natural gas"), .water: ("水", "water"), .heat: ("热力", "heat"), .steam: ("蒸汽", "steam"),
            .fuel: ("燃料", "fuel"), .compressedAir: ("压缩空气", "compressed air"),
            .pollutantConcentration: ("污染物浓度", "pollutant concentration"), .temperature: ("温度", "temperature"),
            .power: ("功率", "power"), .other: ("其他", "other"),
        ]
        let name = names[quantity] ?? (quantity.rawValue, quantity.rawValue)
        return chinese ? name.0 : name.1
    }

    static func readingKind(_ kind: ReadingKind, chinese: Bool) -> String {
        switch kind {
        case .cumulative: return chinese ? "累计计数" : "cumulative counter"
        case .interval: return chinese ? "区间值" : "interval value"
        case .instantaneous: return chinese ? "瞬时值" : "instantaneous"
        }
    }

    static func quality(_ name: String, chinese: Bool) -> String {
        let names: [String: (String, String)] = [
            "missing": ("缺失", "missing"), "measured": ("实测", "measured"), "interpolated": ("插值估算", "interpolated"),
            "profiled": ("典型曲线估算", "profile estimate"), "spike_replaced": ("尖峰已替换", "spike replaced"),
            "out_of_range_replaced": ("越限已替换", "out of range, replaced"), "suspect": ("可疑（保留）", "suspect (kept)"),
        ]
        let entry = names[name] ?? (name, name)
        return chinese ? entry.0 : entry.1
    }

    static func event(_ kind: String, chinese: Bool) -> String {
        let names: [String: (String, String)] = [
            "rollover": ("计数器翻转", "counter rollover"), "reset": ("计数器复位（换表）", "counter reset (meter replaced)"),
            "glitch": ("异常读数已剔除", "glitch reading dropped"), "spike": ("尖峰", "spike"), "outOfRange": ("越限", "out of range"),
            "gapFilled": ("缺口已补", "gap filled"), "negativeInterval": ("负区间值", "negative interval value"),
        ]
        let entry = names[kind] ?? (kind, kind)
        return chinese ? entry.0 : entry.1
    }

    /// A refused reading in words: where, which meter, which field, why.
    static func problem(_ problem: ReadingProblem, chinese: Bool) -> String {
        guard chinese else { return "\(problem.place).\(problem.field) (\(problem.meter)): \(problem.message)" }
        let reason: String
        switch problem.code {
        case "unknown_meter": reason = "本园区没有此计量表"
        case "future_ts": reason = "时间戳比服务器时钟超前一小时以上"
        case "value_range": reason = "读数须为 ±1e12 以内的有限数值"
        case "negative_counter": reason = "累计计数器读数不能为负"
        case "not_on_grid": reason = "区间值须以区间起点标记，落在该表的采集间隔网格上"
        case "conflicting_duplicate": reason = "同一表、同一时刻在本批中给出了不同的值"
        case "too_many": reason = "单批读数超过上限 \(ReadingBatchRules.maximumRows) 条"
        case "unknown_park": reason = "没有此园区"
        default: reason = problem.message
        }
        return "\(problem.place).\(problem.field)（\(problem.meter)）：\(reason)"
    }
}
