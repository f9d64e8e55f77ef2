/// The dashboard's string catalogue: Simplified Chinese first, English second. Templates read
/// `{{t.key}}` from the dictionary for the page's language.
enum WebText {
    static let entries: [(String, String, String)] = [
        ("brand", "智慧零碳园区", "Smart zero-carbon park"), ("overview", "总览", "Overview"), ("sources", "排放源", "Sources"),
        ("sinksOffsets", "碳汇与抵消", "Sinks & offsets"), ("inventories", "碳盘查快照", "Inventory snapshots"),
        ("logout", "退出", "Log out"), ("footer", "数据与因子均注明出处", "every figure cites its source"),
        ("login", "登录", "Log in"), ("username", "用户名", "Username"), ("password", "密码", "Password"),
        ("publicDisclosures", "公开披露", "Public disclosures"), ("parks", "园区", "Parks"), ("published", "已公开", "Published"),
        ("noParks", "暂无可访问的园区。", "No parks you can open."), ("year", "年份", "Year"), ("show", "查看", "Show"),
        ("period", "核算期", "Period"), ("emissions", "碳排放", "Emissions"), ("sequestration", "碳吸收", "Sequestration"),
        ("offsets", "碳抵消", "Offsets"), ("net", "净排放", "Net"), ("neutral", "已实现碳中和", "Carbon neutral"),
        ("notNeutral", "未实现碳中和", "Not neutral"), ("yoy", "同比", "YoY"), ("perTce", "单位能耗碳排放", "Per energy"),
        ("perM2", "单位面积碳排放", "Per area"), ("perOutput", "万元产值碳排放", "Per output value"),
        ("tenThousandCny", "万元", "10k CNY"), ("cleanShare", "清洁能源占比", "Clean-energy share"),
        ("locationBased", "位置法排放", "Location-based"), ("balance", "碳平衡", "Carbon balance"),
        ("bySystem", "按系统排放", "Emissions by system"), ("shares", "排放源占比", "Source shares"),
        ("monthly", "月度排放趋势", "Monthly trend"), ("topSources", "主要排放源", "Largest sources"), ("source", "排放源", "Source"),
        ("system", "系统", "System"), ("share", "占比", "Share"), ("warnings", "提示", "Warnings"), ("addSource", "新增排放源", "Add source"),
        ("method", "核算方法", "Method"), ("enterprise", "企业", "Enterprise"), ("activity", "活动数据", "Activity"),
        ("noData", "本年度无活动数据", "No activity data this year"), ("traceability", "核算依据与溯源", "Method and traceability"),
        ("formula", "公式", "Formula"), ("calculation", "计算过程", "Calculation"), ("factor", "排放因子", "Factor"),
        ("vintage", "数据年份", "vintage"), ("override", "园区覆盖", "park override"), ("dataSource", "数据来源", "Data source"),
        ("evidence", "证明材料", "Evidence"), ("noDataYear", "该年度尚无活动数据。", "No activity data for this year yet."),
        ("activityData", "活动数据记录", "Activity data"), ("month", "月份", "Month"), ("value", "数值", "Value"),
        ("recordedBy", "录入", "Recorded by"), ("addActivity", "录入活动数据", "Record activity data"), ("save", "保存", "Save"),
        ("key", "编号", "Key"), ("name", "名称", "Name"), ("unit", "单位", "Unit"), ("fuelOrFactor", "燃料 / 因子", "Fuel / factor"),
        ("gasGwp", "气体 / GWP 版本", "Gas / GWP set"), ("sinks", "碳汇", "Sinks"), ("kind", "类型", "Kind"), ("detail", "说明", "Detail"),
        ("greenery", "绿地", "Greenery"), ("areaM2", "面积 m²", "Area m²"), ("capturedT", "捕集量 tCO2", "Captured tCO2"),
        ("addSink", "新增碳汇", "Add sink"), ("type", "类型", "Type"), ("counted", "计入", "Counted"), ("local", "本地", "Local"),
        ("reason", "说明", "Reason"), ("fundedProject", "出资项目", "Funded project"), ("ownProject", "自建项目", "Own project"),
        ("coProject", "合作开发项目", "Co-developed project"), ("retiredDate", "注销日期 YYYY-MM-DD", "Retired YYYY-MM-DD"),
        ("commitment", "承诺运行年限", "Commitment years"), ("registry", "登记编号", "Registry ref"), ("addOffset", "新增抵消", "Add offset"),
        ("claimedT", "申报 tCO2", "Claimed tCO2"), ("countedT", "计入 tCO2", "Counted tCO2"), ("surplusT", "盈余 tCO2", "Surplus tCO2"),
        ("offsetVintage", "减排年份", "Vintage"), ("projectProvince", "项目所在省份（如 guangdong）", "Project province (e.g. guangdong)"),
        ("retiredFor", "注销受益方（园区编号或名称）", "Retired for (park id or name)"), ("verification", "核证声明", "Verification"),
        ("computeSnapshot", "核算并保存快照", "Compute and save snapshot"), ("createdAt", "时间", "Created"), ("createdBy", "操作人", "By"),
        ("inputHash", "输入哈希", "Input hash"), ("download", "下载", "Download"), ("inputs", "输入园区文件", "Inputs"),
        ("compare", "对比", "Compare"), ("item", "项目", "Item"), ("disclosure", "碳排放信息公开", "Carbon disclosure"),
        ("target", "减排目标", "Reduction target"), ("facilities", "排放设施与排放量", "Emission facilities"),
        ("projects", "碳汇与减排项目", "Sinks and reduction projects"), ("back", "返回园区列表", "Back to parks"),
        ("notFound", "未找到", "Not found"), ("forbidden", "无权访问", "Forbidden"), ("badLogin", "用户名或密码错误。", "Wrong username or password."),
        ("wholeYear", "全年", "Whole year"), ("settings", "设置与审计", "Settings & audit"), ("edit", "编辑", "Edit"),
        ("delete", "删除", "Delete"), ("comments", "核查意见", "Review comments"), ("noComments", "暂无意见", "No comments yet"),
        ("addComment", "提交意见", "Add comment"), ("csvImport", "批量导入活动数据（CSV）", "Import activity data (CSV)"),
        ("csvHelp", "month 为 0 或留空表示全年；任一行有误则全部不导入", "month 0 or empty = whole year; one bad row and nothing is imported"),
        ("importCsv", "导入", "Import"), ("publication", "信息公开", "Disclosure"), ("publishDisclosure", "公开本园区的碳排放信息页", "Publish this park's disclosure page"),
        ("members", "成员与角色", "Members and roles"), ("role", "角色", "Role"), ("grant", "授予", "Grant"),
        ("auditLog", "审计日志", "Audit log"), ("actor", "操作人", "Actor"), ("action", "操作", "Action"), ("entity", "对象", "Entity"),
        ("before", "变更前", "Before"), ("after", "变更后", "After"), ("noSettings", "您的角色无可用设置。", "Nothing to set for your role."),
        ("editSource", "编辑排放源", "Edit source"),
        ("profile", "园区档案与边界", "Park profile and boundary"), ("nameEn", "英文名称", "English name"),
        ("province", "省份", "Province"), ("outputValue", "年产值（元）", "Annual output (CNY)"),
        ("boundaryEvidence", "边界依据（每行一份文件）", "Boundary evidence (one document per line)"),
        ("parkFactors", "园区排放因子", "Park factors"), ("parkFuels", "园区燃料参数（GB/T 32150）", "Park fuels (GB/T 32150)"),
        ("biogenic", "生物质", "Biogenic"),
        ("formExpired", "登录表单已过期，请重试。", "The login form expired; please try again."),
        ("tooManyLogins", "登录失败次数过多，请稍候再试", "Too many failed logins; please wait before trying again"), ("imported", "已导入", "Imported"), ("tenantScope", "仅显示本企业的排放源", "Showing your enterprise's sources only"),
    ]

    static func dictionary(_ language: Language) -> [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.0, language == .zh ? $0.1 : $0.2) })
    }

    static func text(_ key: String, _ language: Language) -> String {
        entries.first { $0.0 == key }.map { language == .zh ? $0.1 : $0.2 } ?? key
    }
}
