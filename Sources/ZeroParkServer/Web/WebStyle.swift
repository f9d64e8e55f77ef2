/// The dashboard's stylesheet, served at /static/app.css: one layout, readable at 1366×768 and on a
/// phone, Noto CJK first for Chinese text, no web fonts or CDN.
enum WebStyle {
    static let css = """
    *{box-sizing:border-box}
    body{margin:0;font-family:"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1d2a22;background:#f3f6f4;font-size:15px;line-height:1.5}
    a{color:#1b6e3a}
    header.top{display:flex;flex-wrap:wrap;align-items:center;gap:12px 24px;padding:10px 24px;background:#14532d;color:#fff}
    header.top a{color:#e8f5e9;text-decoration:none}
    .brand{font-weight:700;font-size:18px}.brand span{font-weight:400;font-size:14px;opacity:.85;margin-left:6px}
    header nav{display:flex;gap:14px;flex-wrap:wrap;flex:1}
    header nav a{padding:4px 8px;border-radius:4px}header nav a.on,header nav a:hover{background:#1f6b3c}
    .user{display:flex;gap:12px;align-items:center}
    main{max-width:1280px;margin:0 auto;padding:20px 24px}
    footer{text-align:center;color:#5b6b61;font-size:12px;padding:20px}
    h1{font-size:24px;margin:8px 0 12px}h1 small{font-size:14px;color:#5b6b61;font-weight:400}
    h2{font-size:17px;margin:0 0 10px}
    .heading{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:8px}
    .meta,.note,.crumbs{color:#5b6b61;font-size:13px}
    .card{background:#fff;border:1px solid #dfe7e2;border-radius:8px;padding:16px;margin-bottom:16px}
    .card.narrow{max-width:440px;margin:40px auto}
    .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
    .card.park{display:block;text-decoration:none;color:inherit}.card.park:hover{border-color:#1b6e3a}
    .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-bottom:16px}
    .kpi{background:#fff;border:1px solid #dfe7e2;border-radius:8px;padding:12px 14px;display:flex;flex-direction:column}
    .kpi span{color:#5b6b61;font-size:13px}.kpi strong{font-size:24px;font-variant-numeric:tabular-nums}.kpi em{font-style:normal;color:#5b6b61;font-size:12px}
    .kpis.small .kpi strong{font-size:18px}
    .charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
    svg.chart{width:100%;height:auto;font-family:inherit;max-width:760px;display:block}
    table{width:100%;border-collapse:collapse;font-size:14px}
    th,td{padding:6px 8px;border-bottom:1px solid #edf1ee;text-align:left;vertical-align:top}
    th{background:#f7faf8;font-weight:600}.num{text-align:right;font-variant-numeric:tabular-nums}
    #indicator th,#electricity-basis th{width:8.5em}#indicator td,#electricity-basis td{overflow-wrap:anywhere}
    .badge{display:inline-block;padding:2px 8px;border-radius:10px;font-size:12px;margin-top:4px}
    .badge.ok{background:#e3f4e8;color:#1b6e3a}.badge.warn{background:#fff1e0;color:#9a4a00}.badge.muted{background:#eef0f3;color:#444}
    .error{background:#fdecea;color:#8a1c12;padding:8px 12px;border-radius:6px}
    .scroll{overflow-x:auto;max-width:100%}p,li,h1,h2,h3,small{overflow-wrap:break-word}p.ok{background:#e3f4e8;color:#1b6e3a;padding:8px 12px;border-radius:6px}p.warn{background:#fff1e0;color:#9a4a00;padding:8px 12px;border-radius:6px}
    form.inline{display:inline-flex;flex-wrap:wrap;gap:8px;align-items:flex-end;max-width:100%}form.inline label{flex-direction:row;align-items:center;gap:6px}form.row{display:flex;flex-wrap:wrap;gap:8px;align-items:flex-end}form.row>label{max-width:100%;min-width:0}
    form.stack{display:flex;flex-direction:column;gap:10px;max-width:640px}
    label{display:flex;flex-direction:column;font-size:13px;color:#384a3f;gap:2px}label.check{flex-direction:row;align-items:center}
    input,select{font:inherit;padding:6px 8px;border:1px solid #c5d2ca;border-radius:4px;min-width:0;max-width:100%}
    button,.button{font:inherit;background:#1b6e3a;color:#fff;border:0;border-radius:4px;padding:7px 14px;cursor:pointer;text-decoration:none;display:inline-block}
    button.link{background:none;color:#e8f5e9;padding:0;text-decoration:underline}
    button.link-dark{background:none;color:#8a1c12;padding:0;text-decoration:underline}button.danger{background:#b3261e}td button{white-space:nowrap}
    .actions{display:flex;gap:8px;align-items:center}input.wide,textarea{width:100%;font:inherit;padding:6px 8px;border:1px solid #c5d2ca;border-radius:4px}
    .comment{border-left:3px solid #c5d2ca;padding-left:10px}table.audit td{font-size:12px;max-width:280px}table.audit td.change{overflow-wrap:anywhere}
    dl{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:6px 16px;margin:0}dt{color:#5b6b61}dd{margin:0;min-width:0;overflow-wrap:anywhere}
    code{background:#f2f5f3;padding:1px 4px;border-radius:3px;word-break:break-all}
    ul.warnings{margin:0;padding-left:18px}.clause{color:#5b6b61}
    @media (max-width:700px){main{padding:12px}header.top{padding:8px 12px;gap:6px 12px}header nav{gap:4px;order:3;flex:1 1 100%;flex-wrap:nowrap;overflow-x:auto;white-space:nowrap;scrollbar-width:thin}header .user{margin-left:auto}.kpis{grid-template-columns:1fr 1fr}.kpi strong{font-size:19px}.charts{grid-template-columns:minmax(0,1fr)}.charts>*{min-width:0}table{font-size:13px}.sources td:nth-child(3),.sources th:nth-child(3),.sources td:nth-child(4),.sources th:nth-child(4){display:none}dl{grid-template-columns:minmax(0,1fr)}table{display:block;overflow-x:auto;max-width:100%}th,td{min-width:4.5em}th.num,td.num{min-width:0;white-space:nowrap}svg.chart text{font-size:17px}}
    \(TelemetryStyle.css)
    @media print{body{background:#fff;font-size:11pt}header.top,form,button,.button,.lang-switch,.exports,.crumbs,.actions{display:none!important}main{max-width:none;padding:0}.card{box-shadow:none;border:0;padding:0;margin:0 0 8mm}.scroll{overflow:visible}table{font-size:9pt}a{color:inherit;text-decoration:none}svg{max-width:100%}}
    """
}
