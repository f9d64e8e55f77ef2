import Foundation
import Hummingbird
import ZeroParkCore
import ZeroParkReports
import ZeroParkStore

/// Restatement pages (docs/accounting-rules.md §8): a stored snapshot beside a fresh computation,
/// and the park's inventory before and after a factor or rule edit, line by line with the reasons.
extension ParkPages {
    func restatementData(_ restatement: Restatement, strings: Strings) -> [String: Any] {
        func row(_ line: Restatement.Line) -> [String: Any] {
            ["kind": kindName(line.kind, strings), "id": line.id, "name": line.name,
             "before": line.before.map { Display.number($0) } ?? "—", "after": line.after.map { Display.number($0) } ?? "—",
             "delta": Display.number(line.delta), "moved": line.delta != 0,
             "percent": (line.before ?? 0) != 0 ? Display.percent(line.delta / abs(line.before ?? 1)) : "—",
             "reasons": line.reasons]
        }
        var data: [String: Any] = [
            "beforeLibrary": restatement.beforeLibrary, "afterLibrary": restatement.afterLibrary,
            "libraryChanged": restatement.beforeLibrary != restatement.afterLibrary,
            "ruleChanges": restatement.ruleChanges, "hasRuleChanges": !restatement.ruleChanges.isEmpty, "totals": restatement.totals.map(row), "lines": restatement.lines.map(row),
            "unchanged": !restatement.changed,
        ]
        if restatement.lines.isEmpty { data["noLines"] = true }
        return data
    }

    func kindName(_ kind: Restatement.Line.Kind, _ strings: Strings) -> String {
        switch kind {
        case .total: return strings("合计", "Total")
        case .source: return strings("排放源", "Source")
        case .sink: return strings("碳汇", "Sink")
        case .offset: return strings("抵消", "Offset")
        }
    }

    /// A snapshot restated against today's data (`?against=current`) or today's factor library
    /// applied to its own stored inputs (`?against=library`).
    func snapshotRestatement(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let loaded = try await load(request, context, nav: "navInventories")
        let key = loaded.park.profile.id
        guard let id = Int64(try context.parameter("id")), id > 0 else { throw StoreError.notFound("snapshot") }
        let basis = request.uri.queryParameters.get("against").flatMap(RestatementBasis.init(rawValue:)) ?? .current
        let result = try await service.restatement(parkKey: key, snapshotID: id, against: basis, caller: loaded.caller)
        let strings = t(context)
        var data = restatementData(result.restatement, strings: strings)
        data["parkKey"] = key
        data["title"] = strings("快照 #\(id)（\(result.snapshot.year) 年）的重述", "Snapshot #\(id) (\(result.snapshot.year)) restated")
        data["explanation"] = basis == .current
            ? strings("左列为快照保存时的结果（按原样读取，从不重算）；右列为该年度当前数据、当前因子库和当前规则的计算结果。",
                      "Left: the snapshot as stored (read as is, never recomputed). Right: the year's current data with today's factor library and rules.")
            : strings("左列为快照保存时的结果；右列为快照自身的输入园区文件用当前因子库重新计算的结果，只反映因子库的变化。",
                      "Left: the snapshot as stored. Right: the snapshot's own input park file computed with today's factor library — library changes only.")
        data["links"] = RestatementBasis.allCases.map { other -> [String: Any] in
            ["href": "/parks/\(key)/inventories/\(id)/restatement?against=\(other.rawValue)", "current": other == basis,
             "label": other == .current ? strings("对比当前数据", "Against current data") : strings("只看因子库变化", "Library changes only")]
        }
        data["back"] = "/parks/\(key)/inventories?year=\(result.snapshot.year)"
        return renderer.page("restatement", title: WebText.text("restatement", context.language), context: context, data: data,
                             park: loaded.nav)
    }

    /// Shows the restatement a settings change caused, after it was saved.
    func restatementAfterChange(_ request: Request, _ context: AppRequestContext, title: String,
                                change: @escaping ([String: String], String, Caller) async throws -> Void) async throws -> Response {
        let caller = try context.requireLogin()
        let form = try await WebForm.verified(request, context: context)
        let key = try context.parameter("park")
        let park = try await store.park(key: key, caller: caller)
        let restatement: Restatement
        do {
            restatement = try await service.restated(parkKey: key, year: park.defaultYear, caller: caller) {
                try await change(form, key, caller)
            }
        } catch let error as StoreError where error.isInputError {
            return try await settings(request, context, error: WebErrorText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        } catch let error as APIError {
            return try await settings(request, context, error: "\(error.field ?? ""): \(StoreError.pick(error.message, chinese: context.language == .zh))", status: .unprocessableContent)
        } catch let error as ParkInputError {
            return try await settings(request, context, error: ParkIssueText.message(error, chinese: context.language == .zh), status: .unprocessableContent)
        }
        let loaded = try await load(request, context, nav: "navSettings")
        var data = restatementData(restatement, strings: t(context))
        data["parkKey"] = key
        data["title"] = title + "（\(park.defaultYear)）"
        data["explanation"] = t(context)("左列为修改前的结果，右列为修改后的结果；已保存的快照不受影响。",
                                         "Left: before the change; right: after it. Stored snapshots are not touched.")
        data["back"] = "/parks/\(key)/settings"
        return renderer.page("restatement", title: WebText.text("restatement", context.language), context: context, data: data,
                             park: loaded.nav)
    }
}
