/// The evaluation and certificate pages' strings, Simplified Chinese first (`{{e.key}}` in the templates).
///
/// Serves STANDARD.md 1.1.12, 1.1.41–1.1.43, the Certificate clause and the project's zh/en rule.
enum EvaluationText {
    static let entries: [(String, String, String)] = [
        ("title", "第三方评价", "Third-party evaluation"),
        ("intro", "评价人（第三方核查角色）以园区保存的盘查快照为依据开展评价：检查运行满一年与评价基础（1.1.43）、基础期内的碳平衡（1.1.12），逐项核查 1.1.41 与 1.1.42 并写明证据，再提交；签发方（系统管理员，且不是提交人）决定后，达到等级的园区获得签名证书。每一步都记入审计日志。",
         "The evaluator (the auditor role) evaluates the park on its stored inventory snapshots: a year of operation and the basis (1.1.43), the balance over the basis (1.1.12), then each judgement item of 1.1.41 and 1.1.42 with its evidence, and submits; the issuer (a system administrator other than the submitter) decides, and a park that reaches a grade receives a signed certificate. Every step is audited."),
        ("list", "评价记录", "Evaluations"), ("none", "尚无评价。", "No evaluations yet."),
        ("open", "发起评价", "Open an evaluation"), ("openButton", "发起", "Open"),
        ("id", "编号", "No."), ("state", "状态", "State"), ("basis", "评价基础", "Basis"), ("grade", "等级", "Grade"),
        ("openedBy", "发起", "Opened"), ("certificate", "证书", "Certificate"),
        ("draft", "草稿", "Draft"), ("submitted", "已提交，待签发方决定", "Submitted, awaiting the issuer"), ("decided", "已决定", "Decided"),
        ("lastYear", "上一年数据", "Last year's data"), ("threeYear", "近三年平均", "Average of the last three years"),
        ("evaluatedOn", "评价日期", "Evaluated on"), ("operationStart", "开始运行日期（YYYY-MM-DD）", "Operation start (YYYY-MM-DD)"),
        ("operationEvidence", "运行起始证据", "Evidence of the start of operation"),
        ("evaluator", "评价人 / 评价机构", "Evaluator / evaluating body"),
        ("snapshots", "各基础年份所依据的盘查快照", "The inventory snapshot of each basis year"),
        ("snapshot", "快照", "Snapshot"), ("noSnapshot", "无快照", "no snapshot"),
        ("checklist", "核查项", "Checklist"), ("passed", "判断", "Judgement"), ("unanswered", "未判断", "Not answered"),
        ("met", "符合", "Met"), ("notMet", "不符合", "Not met"), ("evidence", "证据", "Evidence"), ("finding", "发现与说明", "Findings"),
        ("adoptions", "同类园区采用本方案的记录（示范等级，表 1）", "Adoption of the solution by parks of the same type (demonstration grade, Table 1)"),
        ("adoptionPark", "采用方园区", "Adopting park"), ("adoptionType", "园区类型", "Park type"),
        ("save", "保存草稿", "Save draft"), ("submit", "提交评价", "Submit"), ("saved", "草稿已保存。", "Draft saved."),
        ("result", "评价结果（按当前草稿计算）", "Result (computed on the current draft)"), ("resultStored", "评价结果（提交时记录）", "Result (as submitted)"),
        ("clause", "条款", "Clause"), ("status", "结果", "Outcome"), ("line", "内容", "Finding"),
        ("pass", "通过", "pass"), ("fail", "未通过", "fail"), ("pending", "待核查", "pending"), ("info", "说明", "info"),
        ("figures", "评价基础期平均值", "Averages over the basis"),
        ("emissions", "排放", "Emissions"), ("sequestration", "碳吸收", "Sequestration"), ("offsets", "碳抵消", "Offsets"), ("net", "净排放", "Net"),
        ("hashes", "依据的数据哈希（SHA-256）", "Hashes of what it rests on (SHA-256)"),
        ("evidenceFiles", "证据文件", "Evidence files"),
        ("noEvidence", "尚未附加证据文件。", "No evidence files attached yet."),
        ("evidenceItem", "支持的核查项", "Supports"), ("fileName", "文件名", "File"), ("fileType", "类型", "Type"),
        ("fileSize", "大小（字节）", "Size (bytes)"), ("uploaded", "附加", "Attached"), ("attach", "附加文件", "Attach file"),
        ("deleteFile", "删除", "Delete"), ("operationItem", "运行起始（1.1.43）", "Start of operation (1.1.43)"),
        ("adoptionItem", "同类园区采用（表 1）", "Adoption by parks of the same type (Table 1)"),
        ("evidenceRules", "每个文件至多 8 MiB，每项评价至多 40 个；接受 PDF、PNG、JPEG、Office 文档（xlsx、docx、pptx）、CSV 与 UTF-8 纯文本。文件的 SHA-256 记入评价的数据哈希，并写入证书；提交后不能再增删。",
         "Up to 8 MiB a file and 40 files an evaluation; PDF, PNG, JPEG, Office documents (xlsx, docx, pptx), CSV and UTF-8 text. Each file's SHA-256 joins the evaluation's hashes and its certificate; files cannot be added or removed once submitted."),
        ("noFile", "请选择要附加的文件", "choose a file to attach"),
        ("decision", "签发方决定", "The issuer's decision"),
        ("decisionNote", "达到等级（智慧零碳园区或示范智慧零碳园区）时签发证书，并以服务器的签发密钥签名；未达到时记录结论，不签发证书。",
         "A grade (smart or demonstration smart zero-carbon park) gets a certificate signed with the server's issuer key; otherwise the conclusion is recorded and no certificate issued."),
        ("validUntil", "证书有效期至（YYYY-MM-DD，可空）", "Certificate valid until (YYYY-MM-DD, optional)"),
        ("note", "说明", "Note"), ("decide", "作出决定", "Decide"),
        ("returnNote", "退回原因", "Reason for returning"), ("return", "退回评价人", "Return to the evaluator"),
        ("returned", "签发方已退回：", "Returned by the issuer: "),
        ("fourEyes", "提交人不能决定自己提交的评价（四眼原则）。", "The submitter does not decide their own evaluation (four eyes)."),
        ("noIssuerKey", "服务器未配置签发密钥（--issuer-key）：可以作出决定，但不能签发证书。", "The server has no issuer key (--issuer-key): decisions can be recorded, but no certificate signed."),
        ("decidedBy", "决定", "Decided"), ("submittedBy", "提交", "Submitted"),
        ("viewCertificate", "查看与核验证书", "View and verify the certificate"),
        ("noCertificate", "未签发证书（未达到等级）。", "No certificate (no grade awarded)."),
        ("tenantNone", "评价是园区层面的，企业账号不可见。", "Evaluations are the park's; enterprise accounts do not see them."),
        ("onlyEvaluators", "只有园区的第三方核查人员（评价人）可以发起评价。", "Only the park's auditors (evaluators) open evaluations."),
        ("yearProblems", "基础年份的问题", "Basis-year problems"),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }
}

/// The online check's strings (`/verify/{id}`).
enum VerifyText {
    static let entries: [(String, String, String)] = [
        ("title", "证书核验", "Certificate check"),
        ("intro", "本页用签发方公钥核验证书签名，并显示有效期与撤销状态。离线核验：下载证书与公钥后运行 zeropark certificate verify CERT --key PUB。",
         "This page checks the certificate's signature with the issuer's public key and shows its validity and revocation. Offline: download the certificate and the key and run zeropark certificate verify CERT --key PUB."),
        ("valid", "有效：签名正确，在有效期内，未被撤销", "Valid: the signature is correct, within its validity, not revoked"),
        ("invalid", "无效", "Invalid"), ("revoked", "已撤销", "Revoked"),
        ("unknown", "平台上没有这张证书。", "This platform holds no such certificate."),
        ("park", "园区", "Park"), ("grade", "等级", "Grade"), ("year", "认定年份", "Year of recognition"),
        ("period", "零碳周期（评价基础期）", "Zero-carbon period (the evaluation basis)"),
        ("rulePack", "评价规则", "Rule pack"), ("evaluator", "评价人", "Evaluator"), ("issuer", "签发方", "Issuer"),
        ("emissions", "排放", "emissions"), ("sequestration", "吸收", "sequestration"), ("offsets", "抵消", "offsets"), ("net", "净排放", "net"),
        ("validity", "有效期", "Validity"), ("figures", "基础期平均值（tCO2）", "Basis averages (tCO2)"),
        ("hashes", "依据的数据哈希", "Hashes of what it rests on"), ("key", "签发密钥", "Issuer key"),
        ("download", "下载证书（JSON）", "Download the certificate (JSON)"), ("downloadKey", "下载公钥", "Download the public key"),
        ("revokedAt", "撤销时间", "Revoked at"), ("reason", "撤销原因", "Reason"),
        ("revoke", "撤销证书", "Revoke the certificate"), ("revokeButton", "撤销", "Revoke"),
        ("print", "打印版", "Printable"), ("pdf", "下载 PDF", "Download the PDF"),
        ("pdfBusy", "正在生成其他 PDF，请稍后再试。", "Other PDFs are being made; try again shortly."),
        ("pdfUnavailable", "本服务器没有可用的 Chromium，无法生成 PDF；可打开打印版用浏览器打印。", "This server has no Chromium to make the PDF; open the printable page and print it from the browser."),
        ("certificates", "证书", "Certificates"), ("status", "状态", "Status"), ("until", "有效期至", "Valid until"), ("open", "不限", "open"),
    ]

    static func dictionary(_ chinese: Bool) -> [String: String] {
        Dictionary(entries.map { ($0.0, chinese ? $0.1 : $0.2) }, uniquingKeysWith: { a, _ in a })
    }
}
