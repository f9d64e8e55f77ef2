import ZeroParkStore
import ZeroParkTelemetry

/// The string catalogue of telemetry (Chinese first, English second): what meters measure, how they
/// read, quality flags, cleaner events, refused-reading reasons (issue #8; issue #12 "Chinese throughout").
enum TelemetryText {
    /// The telemetry pages' template strings, read as `{{t.key}}` (merged into `WebText`'s dictionary).
    static let entries: [(String, String, String)] = [
        ("navLive", "监测", "Live"), ("navMeters", "计量表", "Meters"),
        ("metersTitle", "计量表台账", "Meter registry"), ("meterKey", "表号", "Meter"), ("quantity", "计量对象", "Measures"),
        ("readingKind", "读数方式", "Reading kind"), ("intervalMin", "采集间隔（分钟）", "Interval (min)"),
        ("multiplier", "倍率（CT×PT）", "Multiplier (CT×PT)"), ("counterModulus", "计数器翻转值", "Counter wraps at"),
        ("feeds", "对应排放源 / 碳汇", "Feeds source / sink"), ("parent", "上级表", "Main meter"),
        ("lastReading", "最近读数时间", "Last reading"), ("todayCompleteness", "今日完整率", "Today's completeness"),
        ("todayEnergy", "今日累计", "Today"), ("unmetered", "未计量差额（主表 − 分表之和）", "Unmetered remainder (main − sub-meters)"),
        ("none", "（无）", "(none)"), ("addMeter", "登记计量表", "Register a meter"), ("editMeter", "编辑计量表", "Edit meter"),
        ("meterCsv", "批量导入计量表（CSV）", "Import meters (CSV)"),
        ("meterCsvHelp", "首行为表头：key,name,quantity,unit,reading_kind,interval_minutes,multiplier,counter_modulus,enterprise,feeds,parent；任一行有误则全部不导入。",
         "Header line: key,name,quantity,unit,reading_kind,interval_minutes,multiplier,counter_modulus,enterprise,feeds,parent; one bad line and nothing is imported."),
        ("noMeters", "尚未登记计量表。", "No meters registered yet."), ("belowThreshold", "实测不足 90%", "< 90 % measured"),
        ("tenantMeters", "仅显示本企业的计量表", "Showing your enterprise's meters only"),
        ("physicalMin", "合理下限", "Plausible minimum"), ("physicalMax", "合理上限", "Plausible maximum"),
        ("day", "日期", "Day"), ("previousDay", "前一天", "Previous day"), ("nextDay", "后一天", "Next day"), ("today", "今天", "Today"),
        ("dayChart", "当日曲线（清洗后）", "The day (cleaned)"), ("yearChart", "近 365 天（按日）", "Last 365 days (daily)"),
        ("hourlyLink", "按小时查看近 31 天", "Hourly, last 31 days"), ("rawReadings", "原始读数", "Raw readings"),
        ("time", "时间", "Time"), ("revisions", "修订", "Revisions"), ("events", "清洗事件", "Cleaner events"),
        ("noEvents", "当日无清洗事件。", "No cleaner events this day."), ("noReadings", "当日无原始读数。", "No raw readings this day."),
        ("quality", "数据质量", "Data quality"), ("completeness", "完整率（实测 ÷ 应有）", "Completeness (measured ÷ expected)"),
        ("estimatedShare", "估算占比", "Estimated share"), ("flagged", "标记数", "Flagged"), ("total", "合计", "Total"),
        ("slots", "个区间", "intervals"), ("resolution", "分辨率", "Resolution"), ("hourly", "按小时", "Hourly"),
        ("liveTitle", "实时监测", "Live monitoring"), ("reload", "刷新", "Reload"),
        ("liveNote", "页面在有新的清洗数据时自动更新数值；不支持脚本时请点刷新。", "Figures update in place when new cleaned data arrives; without scripts, use Reload."),
        ("byQuantity", "今日能耗（按计量对象）", "Today's energy by quantity"), ("byEnterprise", "今日能耗（按企业）", "Today's energy by enterprise"),
        ("currentPower", "当前功率（主表，最近一个区间）", "Current power (main meters, last interval)"),
        ("energyFlow", "今日能流（电网、光伏、储能 → 各系统）", "Today's energy flow (grid, PV, storage → systems)"),
        ("hourlyTrend", "今日逐时园区用电（对比昨日）", "Today's park electricity by hour (vs yesterday)"),
        ("carbonBySystem", "今日碳排放（按系统）", "Today's carbon by system"),
        ("noCarbonToday", "今日（北京时间）尚无已清洗的计量数据，暂无可折算的碳排放。", "No cleaned meter data yet today (China time), so no carbon to show."),
        ("updatedAt", "更新于", "Updated"), ("meters", "计量表", "Meters"), ("at", "时刻", "At"),
        ("deadLetters", "被拒消息（MQTT）", "Refused messages (MQTT)"), ("topic", "主题", "Topic"), ("received", "接收时间", "Received"),
        ("size", "大小", "Size"), ("payload", "内容摘录", "Payload excerpt"), ("noDeadLetters", "没有被拒消息。", "No refused messages."),
        ("deadLettersNote", "以下消息未被存储为读数；修正发送端后重新发送即可。", "None of these was stored as readings; fix the sender and send again."),
        ("chainTitle", "防篡改账本：每日链头", "Tamper-evident ledger: daily chain head"),
        ("chainNote", "每批读数和每次盘查快照都以 SHA-256 串入哈希链。请记下某日的链头：日后园区数据库执行 zeropark verify 时重算出的同一日链头若与您记下的不同，即说明该日或之前的记录被改动过。",
         "Every batch of readings and every inventory snapshot is hashed into a SHA-256 chain. Note a day's head: if the head recomputed later by zeropark verify on the park's database differs from the one you noted, a record of that day or earlier was changed."),
        ("links", "记录数", "Links"), ("chainHead", "链头哈希", "Head hash"), ("noChain", "尚无账本记录。", "No ledger records yet."),
        ("unallocated", "未分配", "Unallocated"), ("gridImport", "电网购入", "Grid import"),
        ("liveStale", "连接中断，数值可能已过时", "Connection lost; figures may be stale"),
        ("allMeters", "全部计量表", "All meters"), ("minutes", "分钟", "min"), ("powerCol", "功率", "Power"), ("importMeters", "导入", "Import"), ("fieldAtFault", "出错字段", "Field at fault"),
    ]

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

    /// A cleaner event's detail in words, from its stored form (`MeterEventDetail.encoded`); a row
    /// stored before details were structured is shown as it is.
    static func eventDetail(_ stored: String, chinese: Bool) -> String {
        guard let detail = MeterEventDetail(encoded: stored) else { return stored }
        return eventDetail(detail, chinese: chinese)
    }

    static func eventDetail(_ detail: MeterEventDetail, chinese: Bool) -> String {
        func n(_ x: Double) -> String { MeterEventDetail.number(x) }
        switch detail {
        case let .nonFinite(kind):
            let zh = ["counter": "累计计数器", "interval": "区间值", "instantaneous": "瞬时值"][kind.rawValue] ?? kind.rawValue
            let en = ["counter": "counter", "interval": "interval", "instantaneous": "instantaneous"][kind.rawValue] ?? kind.rawValue
            return chinese ? "\(zh)读数不是有限数值，已剔除" : "non-finite \(en) reading dropped"
        case let .counterGlitch(value, above, previous, next):
            return chinese
                ? "计数器读数 \(n(value)) 已剔除：\(above ? "高于" : "低于")前后读数 \(n(previous)) 与 \(n(next))"
                : "counter reading \(n(value)) dropped: \(above ? "above" : "below") neighbours \(n(previous)) and \(n(next))"
        case let .rollover(modulus, from, to, delta):
            return chinese
                ? "计数器在 \(n(modulus)) 处翻转：\(n(from)) → \(n(to))，区间增量 \(n(delta))"
                : "counter wrapped at \(n(modulus)): \(n(from)) → \(n(to)), delta \(n(delta))"
        case let .reset(from, to, delta):
            return chinese
                ? "计数器回落 \(n(from)) → \(n(to))：视为换表，新表从 0 起算，区间增量 \(n(delta))"
                : "counter dropped \(n(from)) → \(n(to)): new counter from 0, delta \(n(delta))"
        case let .counterGap(intervals, energy, spread):
            let zh: String, en: String
            switch spread {
            case .evenly: (zh, en) = ("平均分摊", "evenly")
            case .byProfile: (zh, en) = ("按负荷曲线分摊", "by profile")
            case .evenlyNoProfile: (zh, en) = ("平均分摊（无可用负荷曲线）", "evenly (no profile)")
            }
            return chinese
                ? "读数间缺 \(n(intervals)) 个区间：其间电量 \(n(energy)) \(zh)"
                : "gap of \(n(intervals)) intervals between readings: \(n(energy)) spread \(en)"
        case let .counterSpike(delta, median):
            return chinese
                ? "计数器区间增量 \(n(delta))，窗口中位数 \(n(median))：标记为可疑，保留"
                : "counter delta \(n(delta)) vs window median \(n(median)): flagged suspect, kept"
        case let .counterOutOfRange(delta, minimum, maximum):
            return chinese
                ? "计数器区间增量 \(n(delta)) 超出 [\(n(minimum)), \(n(maximum))]：标记为可疑，保留"
                : "counter delta \(n(delta)) outside [\(n(minimum)), \(n(maximum))]: flagged suspect, kept"
        case let .offGrid(value, minutes):
            return chinese
                ? "区间读数 \(n(value)) 已剔除：时间戳不在 \(minutes) 分钟采集网格上"
                : "interval reading \(n(value)) dropped: ts not on the \(minutes)-minute grid"
        case let .negativeInterval(value, quantity):
            return chinese
                ? "\(MeterQuantity(rawValue: quantity).map { TelemetryText.quantity($0, chinese: true) } ?? quantity)出现负区间值 \(n(value))：已替换"
                : "negative interval value \(n(value)) of \(quantity): replaced"
        case let .belowMinimum(value, minimum):
            return chinese ? "区间值 \(n(value)) 低于下限 \(n(minimum))：已替换" : "interval value \(n(value)) below minimum \(n(minimum)): replaced"
        case let .aboveMaximum(value, maximum):
            return chinese ? "区间值 \(n(value)) 高于上限 \(n(maximum))：已替换" : "interval value \(n(value)) above maximum \(n(maximum)): replaced"
        case let .readingsOutOfRange(count, minimum, maximum, first):
            return chinese
                ? "\(count) 个读数超出 [\(n(minimum)), \(n(maximum))] 已剔除，首个为 \(n(first))"
                : "\(count) reading(s) outside [\(n(minimum)), \(n(maximum))] dropped, first \(n(first))"
        case let .spikeReplaced(value, median):
            return chinese
                ? "数值 \(n(value))，窗口中位数 \(n(median))：判为尖峰，已替换"
                : "value \(n(value)) vs window median \(n(median)): replaced"
        case let .gapFilled(slots, byProfile, left, right):
            return chinese
                ? "缺 \(slots) 个区间，在 \(n(left)) 与 \(n(right)) 之间\(byProfile ? "按负荷曲线" : "线性")补齐"
                : "gap of \(slots) slots filled \(byProfile ? "by profile" : "linearly") between \(n(left)) and \(n(right))"
        }
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

/// A refused reading in the reader's language for the command line (`zeropark readings import`), in the
/// same words as the pages and the API.
public enum ReadingProblemText {
    public static func text(_ problem: ReadingProblem, chinese: Bool) -> String { TelemetryText.problem(problem, chinese: chinese) }
}
