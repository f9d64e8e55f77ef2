import Mustache

/// The dashboard's mustache templates (issue #3 §6). One layout; one template per page. Text is
/// passed in already translated; values are escaped by mustache, SVG charts are trusted output of
/// `SVGChart` (triple braces).
enum WebTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all + TelemetryTemplates.all { try library.register(text, named: name) }
        return library
    }

    static let all: [(String, String)] = [
        ("layout", layout), ("login", login), ("parks", parks), ("overview", overview), ("sources", sources),
        ("source", source), ("sourceForm", sourceForm), ("sinksOffsets", sinksOffsets), ("inventories", inventories), ("restatement", restatement),
        ("disclosure", disclosure), ("message", message), ("sinkForm", sinkForm), ("offsetForm", offsetForm), ("settings", settings),
        ("basisCard", basisCard),
    ]

    /// The 910号 indicator and the electricity basis, shared by the overview and the disclosure.
    static let basisCard = """
    {{#basis}}<div class="charts">
      <section class="card" id="indicator"><h2>{{t.indicatorTitle}}</h2>
        <p class="big"><strong id="indicator-value">{{indicator}}</strong> tCO2/tce <span class="badge {{verdictClass}}" id="indicator-verdict">{{verdict}}</span></p>
        <table><tbody>
          <tr><th>{{t.scaleClass}}</th><td id="indicator-class">{{scaleClass}}（{{annualTce}} tce/{{t.perYear}}）</td></tr>
          <tr><th>{{t.threshold}}</th><td id="indicator-threshold">{{threshold}} tCO2/tce</td></tr>
          <tr><th>{{t.numerator}}</th><td>{{numerator}} tCO2 = {{t.energyActivity}} {{energyActivity}} + {{t.industrialProcess}} {{process}}（{{indicatorBasis}}）</td></tr>
          <tr><th>{{t.cleanShare}}</th><td>{{cleanShare}}（{{cleanDefinition}}；{{t.guidance}} ≥ 90%）</td></tr>
        </tbody></table>
        <ul class="note">{{#unconfirmed}}<li>{{.}}</li>{{/unconfirmed}}</ul>
        <p class="note">{{citation}}</p>
      </section>
      <section class="card" id="electricity-basis"><h2>{{t.electricityBasis}}</h2>
        <table><tbody>
          <tr><th>{{t.marketBased}}</th><td id="basis-market">{{market}} tCO2</td></tr>
          <tr><th>{{t.locationBased}}</th><td id="basis-location">{{location}} tCO2</td></tr>
          <tr><th>{{t.marketRule}}</th><td>{{marketRule}}</td></tr>
          {{#residualFactor}}<tr><th>{{t.residualFactor}}</th><td id="basis-residual">{{residualFactor}}</td></tr>{{/residualFactor}}
          <tr><th>{{t.certificates}}</th><td>{{certificateMWh}} MWh</td></tr>
          <tr><th>{{t.avoided}}</th><td id="basis-avoided">{{avoided}} tCO2（{{t.avoidedNote}}）</td></tr>
          <tr><th>{{t.exported}}</th><td id="basis-exported">{{exported}} tCO2（{{exportRule}}）</td></tr>
        </tbody></table>
      </section>
    </div>{{/basis}}
    """

    static let layout = """
    <!doctype html>
    <html lang="{{htmlLang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}} · ZeroPark</title>
    <link rel="stylesheet" href="/static/app.css">
    </head>
    <body>
    <header class="top">
      <a class="brand" href="/parks">ZeroPark <span>{{t.brand}}</span></a>
      <nav>
        {{#park}}
        <a href="/parks/{{key}}?year={{year}}" {{#navOverview}}class="on"{{/navOverview}}>{{t.overview}}</a>
        <a href="/parks/{{key}}/sources?year={{year}}" {{#navSources}}class="on"{{/navSources}}>{{t.sources}}</a>
        <a href="/parks/{{key}}/live" {{#navLive}}class="on"{{/navLive}} id="nav-live">{{t.navLive}}</a>
        <a href="/parks/{{key}}/meters" {{#navMeters}}class="on"{{/navMeters}} id="nav-meters">{{t.navMeters}}</a>
        <a href="/parks/{{key}}/sinks-offsets?year={{year}}" {{#navSinks}}class="on"{{/navSinks}}>{{t.sinksOffsets}}</a>
        <a href="/parks/{{key}}/inventories?year={{year}}" {{#navInventories}}class="on"{{/navInventories}}>{{t.inventories}}</a>
        <a href="/parks/{{key}}/alerts?year={{year}}" {{#navAlerts}}class="on"{{/navAlerts}}>{{t.alerts}}</a>
        {{#canDispatch}}<a href="/parks/{{key}}/dispatch" {{#navDispatch}}class="on"{{/navDispatch}} id="nav-dispatch">{{t.navDispatch}}</a>
        <a href="/parks/{{key}}/plan?year={{year}}" {{#navPlan}}class="on"{{/navPlan}} id="nav-plan">{{t.navPlan}}</a>{{/canDispatch}}
        {{#canTrial}}<a href="/parks/{{key}}/trial" {{#navTrial}}class="on"{{/navTrial}} id="nav-trial">{{t.navTrial}}</a>
        <a href="/parks/{{key}}/tariff" {{#navTariff}}class="on"{{/navTariff}} id="nav-tariff">{{t.navTariff}}</a>
        <a href="/parks/{{key}}/evaluations" {{#navEvaluation}}class="on"{{/navEvaluation}} id="nav-evaluation">{{t.navEvaluation}}</a>{{/canTrial}}
        <a href="/parks/{{key}}/settings?year={{year}}" {{#navSettings}}class="on"{{/navSettings}}>{{t.settings}}</a>
        {{/park}}
      </nav>
      <div class="user">
        <a href="?lang={{otherLang}}" id="lang-switch">{{otherLangName}}</a>
        {{#user}}
        <a href="/account" id="user-name">{{displayName}}</a>
        <form method="post" action="/logout" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link">{{t.logout}}</button></form>
        {{/user}}
      </div>
    </header>
    <main>
    {{{body}}}
    </main>
    <footer>ZeroPark · T/IPIF 智慧零碳园区设计技术指南 · {{t.footer}}</footer>
    </body>
    </html>
    """

    static let login = """
    <section class="card narrow">
      <h1>{{t.login}}</h1>
      {{#error}}<p class="error" id="login-error">{{error}}</p>{{/error}}
      <form method="post" action="/login">
        <input type="hidden" name="_login" value="{{loginToken}}">
        <label>{{t.username}} <input name="username" id="username" autocomplete="username" required value="{{username}}"></label>
        <label>{{t.password}} <input name="password" id="password" type="password" autocomplete="current-password" required></label>
        <button type="submit" id="login-submit">{{t.login}}</button>
      </form>
      {{#hasPublished}}<h2>{{t.publicDisclosures}}</h2><ul>{{#published}}<li><a href="/public/{{key}}">{{name}}</a></li>{{/published}}</ul>{{/hasPublished}}
    </section>
    """

    static let parks = """
    <h1>{{t.parks}}</h1>
    <div class="grid">
    {{#parks}}
      <a class="card park" href="/parks/{{key}}?year={{defaultYear}}">
        <h2>{{name}}</h2>
        <p>{{typeName}} · {{province}} · {{roleName}}</p>
        {{#published}}<span class="badge ok">{{t.published}}</span>{{/published}}
      </a>
    {{/parks}}
    {{^parks}}<p>{{t.noParks}}</p>{{/parks}}
    </div>
    """

    static let overview = """
    <div class="heading">
      <h1>{{name}}</h1>
      <form method="get" class="inline"><label>{{t.year}} <select name="year" id="year-select">{{#years}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{value}}</option>{{/years}}</select></label> <button type="submit">{{t.show}}</button></form>
    </div>
    <p class="meta">{{typeName}} · {{province}} · {{areaText}} m² · {{t.period}} {{periodText}}{{#scopeNote}} · <strong>{{scopeNote}}</strong>{{/scopeNote}}</p>
    <p class="exports">{{t.export}}：<a href="/parks/{{parkKey}}/export.csv?year={{year}}" id="export-csv">CSV</a> · <a href="/parks/{{parkKey}}/export.xlsx?year={{year}}" id="export-xlsx">XLSX</a> · <a href="/parks/{{parkKey}}/export?year={{year}}" id="export-print">{{t.printable}}</a> · <a href="/parks/{{parkKey}}/export.pdf?year={{year}}" id="export-pdf">PDF</a></p>
    <div class="kpis">
      <div class="kpi"><span>{{t.emissions}}</span><strong id="kpi-emissions">{{emissions}}</strong><em>tCO2</em>{{#yoy}}<small>{{t.yoy}} {{yoy}}</small>{{/yoy}}{{#qualityNote}}<span class="badge warn" id="quality-note">{{qualityNote}}</span>{{/qualityNote}}</div>
      <div class="kpi"><span>{{t.sequestration}}</span><strong id="kpi-sinks">{{sequestration}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.offsets}}</span><strong id="kpi-offsets">{{offsets}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.net}}</span><strong id="kpi-net">{{net}}</strong><em>tCO2</em>
        {{#verdict}}<span class="badge {{kind}}" id="balance">{{label}}</span>{{/verdict}}</div>
    </div>
    {{#verdictNote}}<p class="note" id="verdict-note">{{verdictNote}}</p>{{/verdictNote}}
    <div class="kpis small">
      <div class="kpi"><span>{{t.perTce}}</span><strong>{{perTce}}</strong><em>tCO2/tce</em></div>
      <div class="kpi"><span>{{t.perM2}}</span><strong>{{perM2}}</strong><em>kgCO2/m²</em></div>
      <div class="kpi"><span>{{t.perOutput}}</span><strong>{{perOutput}}</strong><em>tCO2/{{t.tenThousandCny}}</em></div>
      <div class="kpi"><span>{{t.cleanShare}}</span><strong>{{cleanShare}}</strong><em>{{consumption}} tce</em></div>
      <div class="kpi"><span>{{t.locationBased}}</span><strong>{{locationBased}}</strong><em>tCO2</em></div>
      {{#combustionNonCO2}}<div class="kpi"><span>{{t.combustionNonCO2}}</span><strong>{{combustionNonCO2}}</strong><em>tCO2e</em></div>{{/combustionNonCO2}}
    </div>
    {{#intensityNote}}<p class="note" id="intensity-note">{{intensityNote}}</p>{{/intensityNote}}
    {{> basisCard}}
    <div class="charts">
      <section class="card"><h2>{{t.balance}}</h2>{{{waterfall}}}</section>
      <section class="card"><h2>{{t.bySystem}}</h2>{{{systemBar}}}</section>
      <section class="card"><h2>{{t.shares}}</h2>{{{donut}}}</section>
      <section class="card"><h2>{{t.monthly}}</h2>{{{monthly}}}<p class="note">{{monthlyNote}}</p></section>
    </div>
    <section class="card">
      <h2>{{t.topSources}}</h2>
      <table><thead><tr><th>{{t.source}}</th><th>{{t.system}}</th><th class="num">tCO2</th><th class="num">{{t.share}}</th></tr></thead>
      <tbody>{{#topSources}}<tr><td><a href="/parks/{{parkKey}}/sources/{{id}}?year={{year}}">{{name}}</a></td><td>{{system}}</td><td class="num">{{tco2}}{{#quality}} <span class="badge{{#qualityWarn}} warn{{/qualityWarn}}">{{quality}}</span>{{/quality}}</td><td class="num">{{share}}</td></tr>{{/topSources}}</tbody></table>
    </section>
    {{#hasWarnings}}<section class="card"><h2>{{t.warnings}}</h2><ul class="warnings">{{#warnings}}<li>{{message}} {{#clause}}<span class="clause">[{{clause}}]</span>{{/clause}}</li>{{/warnings}}</ul></section>{{/hasWarnings}}
    """

    static let sources = """
    <div class="heading"><h1>{{t.sources}} · {{name}}</h1>{{#canAdd}}<a class="button" href="/parks/{{parkKey}}/sources/new?year={{year}}" id="add-source">{{t.addSource}}</a>{{/canAdd}}</div>
    <table class="sources"><thead><tr><th>{{t.source}}</th><th>{{t.system}}</th><th>{{t.method}}</th><th>{{t.enterprise}}</th><th class="num">{{t.activity}}</th><th class="num">tCO2</th><th class="num">{{t.share}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td><a href="/parks/{{parkKey}}/sources/{{id}}?year={{year}}">{{id}}</a> {{name}}</td><td>{{system}}</td><td>{{method}}</td><td>{{enterprise}}</td><td class="num">{{activity}}</td><td class="num">{{tco2}}</td><td class="num">{{share}}</td></tr>{{/rows}}</tbody></table>
    <p class="exports">{{t.export}}：<a href="/parks/{{parkKey}}/export.csv?year={{year}}" id="export-csv">CSV</a> · <a href="/parks/{{parkKey}}/export.xlsx?year={{year}}" id="export-xlsx">XLSX</a> · <a href="/parks/{{parkKey}}/export?year={{year}}" id="export-print">{{t.printable}}</a> · <a href="/parks/{{parkKey}}/export.pdf?year={{year}}" id="export-pdf">PDF</a></p>
    {{#hasMissing}}<p class="note">{{t.noData}}: {{#missing}}<a href="/parks/{{parkKey}}/sources/{{.}}?year={{year}}">{{.}}</a> {{/missing}}</p>{{/hasMissing}}
    {{#canAdd}}<section class="card" id="activity-import"><h2>{{t.csvImport}}</h2>
    {{#imported}}<p class="ok" id="import-done">{{imported}}</p>{{/imported}}
    {{#formError}}<div class="error" id="form-error"><p>{{t.importRefused}}</p><ul>{{#importProblems}}<li>{{.}}</li>{{/importProblems}}</ul></div>{{/formError}}
    <p class="note">source,year,month,value,data_source,evidence — {{t.csvHelp}}</p>
    <p><a href="/parks/{{parkKey}}/activity-template.csv?year={{year}}" id="template-csv">{{t.templateCsv}}</a> · <a href="/parks/{{parkKey}}/activity-template.xlsx?year={{year}}" id="template-xlsx">{{t.templateXlsx}}</a></p>
    <form method="post" action="/parks/{{parkKey}}/activity-csv?year={{year}}" enctype="multipart/form-data" class="stack" id="activity-import-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <label>{{t.importFile}} <input type="file" name="file" id="import-file" accept=".csv,.xlsx"></label>
    <label>{{t.orPaste}} <textarea name="csv" rows="6" id="csv-text">{{csvText}}</textarea></label><button type="submit" id="csv-submit">{{t.importCsv}}</button></form></section>{{/canAdd}}
    """

    static let source = """
    <p class="crumbs"><a href="/parks/{{parkKey}}/sources?year={{year}}">{{t.sources}}</a> › {{id}}</p>
    <div class="heading"><h1>{{name}} <small>{{id}}</small></h1>
    {{#canEdit}}<div class="actions"><a class="button" href="/parks/{{parkKey}}/sources/{{id}}/edit?year={{year}}" id="edit-source">{{t.edit}}</a>
    <form method="post" action="/parks/{{parkKey}}/sources/{{id}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="danger">{{t.delete}}</button></form></div>{{/canEdit}}</div>
    <div class="kpis">
      <div class="kpi"><span>{{t.emissions}} {{year}}</span><strong id="source-tco2">{{tco2}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.locationBased}}</span><strong>{{location}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.activity}}</span><strong>{{activityTotal}}</strong><em>{{unit}}</em></div>
    </div>
    {{#trend}}<section class="card"><h2>{{t.monthly}}</h2>{{{trend}}}</section>{{/trend}}
    <section class="card" id="trace">
      <h2>{{t.traceability}}</h2>
      <dl>
        <dt>{{t.system}}</dt><dd>{{system}}</dd>
        <dt>{{t.method}}</dt><dd>{{method}}{{scopeText}}</dd>
        <dt>{{t.category}}</dt><dd>{{category}}</dd>
        <dt>{{t.formula}}</dt><dd><code>{{formula}}</code></dd>
        <dt>{{t.calculation}}</dt><dd><code id="calculation">{{calculation}}</code></dd>
        {{#electricity}}<dt>{{t.marketBased}}</dt><dd id="line-basis">{{basis}}{{#market}}：{{market}}{{/market}}<br><small>{{rule}}</small></dd>
        <dt>{{t.locationBased}}</dt><dd id="line-location-factor">{{location}}</dd>
        {{#certificates}}<dt>{{t.certificates}}</dt><dd>{{certificates}}</dd>{{/certificates}}{{/electricity}}
        {{#avoided}}<dt>{{t.avoided}}</dt><dd id="line-avoided">{{avoided}} tCO2（{{t.avoidedNote}}）</dd>{{/avoided}}
        {{#factors}}<dt>{{t.factor}}</dt><dd><strong>{{id}}</strong>{{#vintage}} ({{t.vintage}} {{vintage}}){{/vintage}} = {{value}} {{unit}} {{#overridden}}<span class="badge warn">{{t.override}}</span>{{/overridden}}<br><small>{{source}}</small></dd>{{/factors}}
        <dt>{{t.dataSource}}</dt><dd>{{dataSource}}</dd>
        {{#evidence}}<dt>{{t.evidence}}</dt><dd>{{evidence}}</dd>{{/evidence}}
        {{#enterprise}}<dt>{{t.enterprise}}</dt><dd>{{enterprise}}</dd>{{/enterprise}}
      </dl>
      {{#noData}}<p class="note">{{t.noDataYear}}</p>{{/noData}}
    </section>
    <section class="card">
      <h2>{{t.activityData}}</h2>
      <div class="scroll"><table><thead><tr><th>{{t.year}}</th><th>{{t.month}}</th><th class="num">{{t.value}} ({{unit}})</th><th>{{t.dataSource}}</th><th>{{t.recordedBy}}</th>{{#canEdit}}<th></th>{{/canEdit}}</tr></thead>
      <tbody id="activity-rows">{{#activity}}<tr id="activity-{{year}}-{{month}}"><td>{{year}}</td><td>{{monthText}}</td><td class="num">{{value}}</td><td>{{dataSource}}</td><td>{{recordedBy}} {{recordedAt}}</td>
      {{#canEdit}}<td class="actions"><a href="{{editHref}}" id="activity-edit-{{year}}-{{month}}">{{t.edit}}</a>
      <form method="post" action="/parks/{{parkKey}}/sources/{{id}}/activity/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="year" value="{{year}}"><input type="hidden" name="month" value="{{month}}"><button type="submit" class="link-dark" id="activity-delete-{{year}}-{{month}}">{{t.delete}}</button></form></td>{{/canEdit}}</tr>{{/activity}}
      {{^activity}}<tr><td colspan="6" class="note">{{t.noActivityThisYear}}</td></tr>{{/activity}}</tbody></table></div>
      <p class="note">{{#allYears}}<a href="{{yearHref}}" id="activity-year-only">{{t.activityThisYear}}</a>{{/allYears}}{{^allYears}}{{#otherYears}}<a href="{{allHref}}" id="activity-all-years">{{t.activityAllYears}}（{{otherYears}}）</a>{{/otherYears}}{{/allYears}}</p>
      {{#canEdit}}
      <h3>{{#editing}}{{t.editActivity}}{{/editing}}{{^editing}}{{t.addActivity}}{{/editing}}</h3>
      {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
      <form method="post" action="/parks/{{parkKey}}/sources/{{id}}/activity?year={{year}}" class="row" id="activity-form">
        <input type="hidden" name="_csrf" value="{{csrf}}">
        <label>{{t.year}} <input name="year" id="activity-year" value="{{formYear}}" inputmode="numeric" required></label>
        <label>{{t.month}} <select name="month" id="activity-month">{{#months}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/months}}</select></label>
        <label>{{t.value}} ({{unit}}) <input name="value" id="activity-value" value="{{formValue}}" inputmode="decimal" required></label>
        <label>{{t.dataSource}} <input name="data_source" id="activity-source" value="{{formDataSource}}"></label>
        <button type="submit" id="activity-submit">{{t.save}}</button>
      </form>
      {{/canEdit}}
    </section>
    <section class="card" id="comments">
      <h2>{{t.comments}}</h2>
      {{#comments}}<p class="comment"><strong>{{author}}</strong> <small>{{createdAt}}</small><br>{{text}}</p>{{/comments}}
      {{^comments}}<p class="note">{{t.noComments}}</p>{{/comments}}
      {{#canComment}}<form method="post" action="/parks/{{parkKey}}/comments?target=source:{{id}}&year={{year}}" class="row">
        <input type="hidden" name="_csrf" value="{{csrf}}"><input name="text" id="comment-text" required maxlength="4000" class="wide">
        <button type="submit" id="comment-submit">{{t.addComment}}</button></form>{{/canComment}}
    </section>
    """

    static let sourceForm = """
    <h1>{{heading}}</h1>
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <form method="post" action="{{action}}" class="stack card" id="source-form">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{t.key}} <input name="key" required value="{{form.key}}" pattern="[A-Za-z0-9._-]{1,64}" {{#editing}}readonly{{/editing}}></label>
      <label>{{t.name}} <input name="name" required value="{{form.name}}"></label>
      <label>{{t.system}} <select name="system">{{#systems}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/systems}}</select></label>
      <label>{{t.method}} <select name="method">{{#methods}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/methods}}</select></label>
      <label>{{t.unit}} <input name="unit" required value="{{form.unit}}" placeholder="MWh, t, GJ, 10^4 Nm3" list="units-list"></label>
      <label>{{t.fuelOrFactor}} <input name="fuel" value="{{form.fuel}}" placeholder="diesel, natural_gas" list="fuels-list"> <input name="factor" value="{{form.factor}}" placeholder="park.water_supply" list="factors-list"></label>
      <label>{{t.gasGwp}} <input name="gas" value="{{form.gas}}" placeholder="HFC-134a" list="gases-list"> <input name="gwp_set" value="{{form.gwpSet}}" placeholder="AR5" list="gwp-sets-list"></label>
      <label>{{t.enterprise}} <input name="enterprise" value="{{form.enterprise}}" list="enterprises-list"></label>
      {{#pickers}}<datalist id="units-list">{{#units}}<option value="{{value}}">{{/units}}</datalist>
      <datalist id="fuels-list">{{#fuels}}<option value="{{value}}" label="{{label}}">{{/fuels}}</datalist>
      <datalist id="factors-list">{{#factors}}<option value="{{value}}" label="{{label}}">{{/factors}}</datalist>
      <datalist id="gases-list">{{#gases}}<option value="{{value}}" label="{{label}}">{{/gases}}</datalist>
      <datalist id="gwp-sets-list">{{#gwpSets}}<option value="{{value}}" label="{{label}}">{{/gwpSets}}</datalist>
      <datalist id="enterprises-list">{{#enterprises}}<option value="{{value}}" label="{{label}}">{{/enterprises}}</datalist>{{/pickers}}
      <label>{{t.dataSource}} <input name="data_source" value="{{form.dataSource}}"></label>
      <label>{{t.evidence}} <input name="evidence" value="{{form.evidence}}"></label>
      <button type="submit" id="source-save">{{t.save}}</button>
    </form>
    """

    static let sinksOffsets = """
    <h1>{{t.sinksOffsets}} · {{name}}</h1>
    <p class="exports">{{t.exportTables}}：<a href="/parks/{{parkKey}}/sinks-offsets.csv?year={{year}}" id="export-sinks-offsets-csv">CSV</a> · <a href="/parks/{{parkKey}}/sinks-offsets.xlsx?year={{year}}" id="export-sinks-offsets-xlsx">XLSX</a></p>
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <section class="card"><h2>{{t.sinks}}</h2>
    <table><thead><tr><th>{{t.key}}</th><th>{{t.name}}</th><th>{{t.kind}}</th><th>{{t.detail}}</th><th class="num">tCO2 {{year}}</th></tr></thead>
    <tbody>{{#sinks}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{kind}}</td><td>{{detail}}</td><td class="num">{{tco2}}</td>
    {{#canEdit}}<td><a href="/parks/{{parkKey}}/sinks/{{id}}/edit?year={{year}}">{{t.edit}}</a> <form method="post" action="/parks/{{parkKey}}/sinks/{{id}}/delete?year={{year}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{t.delete}}</button></form></td>{{/canEdit}}</tr>{{/sinks}}</tbody></table>
    {{#canEdit}}<form method="post" action="/parks/{{parkKey}}/sinks?year={{year}}" class="row">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <input name="id" placeholder="{{t.key}}" required pattern="[A-Za-z0-9._-]{1,64}"> <input name="name" placeholder="{{t.name}}" required>
      <select name="kind"><option value="greenery">{{t.greenery}}</option><option value="ccus">CCUS</option></select>
      <input name="area_m2" placeholder="{{t.areaM2}}" inputmode="decimal"> <input name="rate" placeholder="{{t.rateUnit}}" inputmode="decimal">
      <input name="captured" placeholder="{{t.capturedT}}" inputmode="decimal"> <input name="source" placeholder="{{t.dataSource}}">
      <button type="submit">{{t.addSink}}</button></form>{{/canEdit}}
    </section>
    <section class="card"><h2>{{t.offsets}}</h2>
    <table id="offsets"><thead><tr><th>{{t.key}}</th><th>{{t.name}}</th><th>{{t.type}}</th><th class="num">{{t.claimedT}}</th><th class="num">{{t.countedT}}</th><th class="num">{{t.surplusT}}</th><th>{{t.counted}}</th><th>{{t.local}}</th><th>{{t.reason}}</th><th>{{t.warnings}}</th></tr></thead>
    <tbody>{{#offsets}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{type}}</td><td class="num">{{tco2}}</td><td class="num">{{countedTco2}}</td><td class="num">{{surplusTco2}}</td><td>{{counted}}</td><td>{{local}}</td><td>{{reason}}</td><td class="clause">{{warnings}}</td>
    {{#canEdit}}<td><a href="/parks/{{parkKey}}/offsets/{{id}}/edit?year={{year}}">{{t.edit}}</a> <form method="post" action="/parks/{{parkKey}}/offsets/{{id}}/delete?year={{year}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{t.delete}}</button></form></td>{{/canEdit}}</tr>{{/offsets}}</tbody></table>
    {{#canEdit}}<form method="post" action="/parks/{{parkKey}}/offsets?year={{year}}" class="row">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <input name="id" placeholder="{{t.key}}" required pattern="[A-Za-z0-9._-]{1,64}"> <input name="name" placeholder="{{t.name}}" required>
      <select name="type"><option>CCER</option><option>PHCER</option><option value="funded_project">{{t.fundedProject}}</option><option value="own_project">{{t.ownProject}}</option><option value="co_developed_project">{{t.coProject}}</option></select>
      <input name="tco2" placeholder="tCO2" inputmode="decimal" required> <input name="vintage" placeholder="{{t.offsetVintage}}" inputmode="numeric">
      <label>{{t.projectProvince}} <select name="project_province">{{#provinces}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/provinces}}</select></label> <label>{{t.retiredDate}} <input name="retired" type="date"></label>
      <input name="retired_for" placeholder="{{t.retiredFor}}"> <input name="commitment_years" placeholder="{{t.commitment}}" inputmode="numeric">
      <input name="registry_ref" placeholder="{{t.registry}}"> <input name="verification" placeholder="{{t.verification}}">
      <button type="submit">{{t.addOffset}}</button></form>{{/canEdit}}
    </section>
    <section class="card" id="certificates"><h2>{{t.greenCertificates}}</h2>
    <table><thead><tr><th>{{t.certificateId}}</th><th>{{t.source}}</th><th class="num">MWh</th><th>{{t.generatedIn}}</th><th>{{t.claimYear}}</th><th>{{t.retiredOn}}</th><th class="num">{{t.appliedMWh}}</th><th>{{t.status}}</th><th>{{t.reason}}</th></tr></thead>
    <tbody>{{#certificates}}<tr><td>{{id}}</td><td>{{source}}</td><td class="num">{{mwh}}</td><td>{{vintage}}</td><td>{{year}}</td><td>{{retired}}</td><td class="num">{{applied}}</td><td>{{status}}</td><td>{{reason}}</td>
    {{#canEdit}}<td><form method="post" action="/parks/{{parkKey}}/certificates/{{id}}/delete?year={{year}}" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{t.delete}}</button></form></td>{{/canEdit}}</tr>{{/certificates}}</tbody></table>
    <p class="note">{{t.certificateNote}}</p>
    {{#canEdit}}<form method="post" action="/parks/{{parkKey}}/certificates?year={{year}}" class="row" id="certificate-form">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <input name="id" placeholder="{{t.certificateId}}" required> <select name="source">{{#electricitySources}}<option>{{.}}</option>{{/electricitySources}}</select>
      <input name="mwh" placeholder="MWh" inputmode="decimal" required> <input name="vintage" placeholder="{{t.generatedIn}}" inputmode="numeric" required>
      <input name="retired" placeholder="{{t.retiredDate}}"> <input name="registry" placeholder="{{t.registry}}">
      <button type="submit">{{t.addCertificate}}</button></form>{{/canEdit}}
    </section>
    """

    static let inventories = """
    <h1>{{t.inventories}} · {{name}}</h1>
    {{#canEdit}}<form method="post" action="/parks/{{parkKey}}/inventories" class="row card"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{t.year}} <input name="year" value="{{year}}" inputmode="numeric"></label> <button type="submit" id="snapshot-submit">{{t.computeSnapshot}}</button></form>{{/canEdit}}
    {{#formError}}<p class="error">{{formError}}</p>{{/formError}}
    <form method="get" class="card"><table><thead><tr><th>A</th><th>B</th><th>#</th><th>{{t.year}}</th><th>{{t.createdAt}}</th><th>{{t.createdBy}}</th><th class="num">{{t.emissions}}</th><th class="num">{{t.net}}</th><th>{{t.inputHash}}</th><th>{{t.download}}</th></tr></thead>
    <tbody>{{#snapshots}}<tr><td><input type="radio" name="a" value="{{id}}"></td><td><input type="radio" name="b" value="{{id}}"></td><td>{{id}}</td><td>{{year}}</td><td>{{createdAt}}</td><td>{{createdBy}}</td><td class="num">{{emissions}}</td><td class="num">{{net}}</td><td><code title="{{inputHash}}">{{shortHash}}</code></td>
      <td><a href="/parks/{{parkKey}}/inventories/{{id}}/download?format=json">JSON</a> · <a href="/parks/{{parkKey}}/inventories/{{id}}/download?format=csv">CSV</a> · <a href="/parks/{{parkKey}}/inventories/{{id}}/download?format=yaml">{{t.inputs}}</a> · <a href="/parks/{{parkKey}}/inventories/{{id}}/restatement">{{t.restatement}}</a>
      · <a href="/parks/{{parkKey}}/inventories/{{id}}/report" id="report-{{id}}">{{t.report}}</a> (<a href="/parks/{{parkKey}}/inventories/{{id}}/report.pdf" id="report-pdf-{{id}}">PDF</a> · <a href="/parks/{{parkKey}}/inventories/{{id}}/report.xlsx" id="report-xlsx-{{id}}">XLSX</a>){{#libraryChanged}} <span class="badge warn">{{t.libraryChanged}} {{library}}</span>{{/libraryChanged}}</td></tr>{{/snapshots}}</tbody></table>
    <button type="submit">{{t.compare}}</button></form>
    {{#comparison}}<section class="card" id="comparison"><h2>{{t.compare}} #{{a}} ({{yearA}}) → #{{b}} ({{yearB}})</h2>
    <table><thead><tr><th>{{t.item}}</th><th class="num">A</th><th class="num">B</th><th class="num">Δ</th><th class="num">Δ%</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{label}}</td><td class="num">{{a}}</td><td class="num">{{b}}</td><td class="num">{{delta}}</td><td class="num">{{percent}}</td></tr>{{/rows}}</tbody></table></section>{{/comparison}}
    """

    static let restatement = """
    <p class="crumbs"><a href="{{back}}">← {{t.back2}}</a></p>
    <h1>{{title}}</h1>
    <p class="note">{{explanation}}</p>
    <p>{{#links}}{{#current}}<strong>{{label}}</strong>{{/current}}{{^current}}<a href="{{href}}">{{label}}</a>{{/current}} · {{/links}}{{t.factorLibrary}} {{beforeLibrary}} → {{afterLibrary}}{{#libraryChanged}} <span class="badge warn" id="library-changed">{{t.libraryChanged}}</span>{{/libraryChanged}}</p>
    {{#hasRuleChanges}}<p id="rule-changes">{{t.accountingRules}}：{{#ruleChanges}}<code>{{.}}</code> {{/ruleChanges}}</p>{{/hasRuleChanges}}
    {{#unchanged}}<p class="badge ok" id="restatement-unchanged">{{t.noChange}}</p>{{/unchanged}}
    <section class="card"><h2>{{t.totalsTitle}}</h2><table id="restatement-totals"><thead><tr><th>{{t.item}}</th><th class="num">{{t.beforeCol}}</th><th class="num">{{t.afterCol}}</th><th class="num">Δ</th><th class="num">Δ%</th></tr></thead>
    <tbody>{{#totals}}<tr><td>{{name}}</td><td class="num">{{before}}</td><td class="num">{{after}}</td><td class="num">{{delta}}</td><td class="num">{{percent}}</td></tr>{{/totals}}</tbody></table></section>
    <section class="card"><h2>{{t.linesTitle}}</h2>{{#noLines}}<p class="note">{{t.noChange}}</p>{{/noLines}}
    <table id="restatement-lines"><thead><tr><th>{{t.kind}}</th><th>{{t.item}}</th><th class="num">{{t.beforeCol}}</th><th class="num">{{t.afterCol}}</th><th class="num">Δ</th><th>{{t.why}}</th></tr></thead>
    <tbody>{{#lines}}<tr><td>{{kind}}</td><td>{{id}} {{name}}</td><td class="num">{{before}}</td><td class="num">{{after}}</td><td class="num">{{delta}}</td><td><ul>{{#reasons}}<li>{{.}}</li>{{/reasons}}</ul></td></tr>{{/lines}}</tbody></table></section>
    """

    static let disclosure = """
    <h1>{{name}} <small>{{t.disclosure}}</small></h1>
    <p class="meta">{{typeName}} · {{province}} · {{t.period}} {{periodText}} · 1.1.2(d)</p>
    {{#publication}}<p class="ok" id="disclosure-basis">{{t.disclosedSnapshot}} #{{id}}（{{year}}）· {{t.savedAt}} {{savedAt}} · {{t.publishedAt}} {{publishedAt}} ·
    <a href="/public/{{parkKey}}/report" id="disclosure-report">{{t.report}}</a><br><small>{{t.inputHash}} <code>{{inputHash}}</code> · {{t.outputHash}} <code>{{outputHash}}</code></small></p>{{/publication}}
    {{^publication}}<p class="warn" id="disclosure-live">{{t.liveDisclosureNote}}</p>{{/publication}}
    <div class="kpis">
      <div class="kpi"><span>{{t.emissions}}</span><strong>{{emissions}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.sequestration}}</span><strong>{{sequestration}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.offsets}}</span><strong>{{offsets}}</strong><em>tCO2</em></div>
      <div class="kpi"><span>{{t.net}}</span><strong>{{net}}</strong><em>tCO2</em></div>
    </div>
    {{#target}}<section class="card"><h2>{{t.target}}</h2><p>{{target}}</p></section>{{/target}}
    {{#hasCertificates}}<section class="card" id="disclosure-certificates"><h2>{{v.certificates}}</h2><div class="scroll"><table>
    <thead><tr><th>{{v.grade}}</th><th>{{v.period}}</th><th>{{v.until}}</th><th>{{v.status}}</th></tr></thead>
    <tbody>{{#certificates}}<tr><td><a href="/verify/{{id}}">{{grade}}</a></td><td>{{period}}</td><td>{{until}}</td><td><span class="badge {{statusClass}}">{{status}}</span></td></tr>{{/certificates}}</tbody></table></div></section>{{/hasCertificates}}
    {{> basisCard}}
    <div class="charts"><section class="card"><h2>{{t.balance}}</h2>{{{waterfall}}}</section><section class="card"><h2>{{t.bySystem}}</h2>{{{systemBar}}}</section></div>
    {{> chainHeads}}
    <section class="card"><h2>{{t.facilities}}</h2><table><thead><tr><th>{{t.source}}</th><th>{{t.system}}</th><th class="num">tCO2</th></tr></thead>
    <tbody>{{#sources}}<tr><td>{{name}}</td><td>{{system}}</td><td class="num">{{tco2}}</td></tr>{{/sources}}</tbody></table></section>
    <section class="card"><h2>{{t.projects}}</h2><ul>{{#sinks}}<li>{{name}} — {{tco2}} tCO2</li>{{/sinks}}</ul></section>
    {{#plan}}<section class="card" id="disclosure-plan"><h2>{{t.plannedProjects}}</h2><p class="note">{{t.planVersion}} {{version}} · {{t.balanceYear}} {{balanceYear}}</p>
    {{#hasProjects}}<div class="scroll"><table><thead><tr><th>{{t.name}}</th><th>{{t.kind}}</th><th>{{t.stage}}</th><th>{{t.startYear}}</th><th class="num">{{t.tonnesPerYear}}</th></tr></thead>
    <tbody>{{#projects}}<tr><td>{{name}}</td><td>{{category}}</td><td>{{stage}}</td><td>{{start}}</td><td class="num">{{tonnes}}</td></tr>{{/projects}}</tbody></table></div>{{/hasProjects}}</section>{{/plan}}
    <section class="card"><h2>{{t.offsets}}</h2><table><thead><tr><th>{{t.name}}</th><th>{{t.type}}</th><th class="num">{{t.claimedT}}</th><th class="num">{{t.countedT}}</th><th class="num">{{t.surplusT}}</th><th>{{t.counted}}</th><th>{{t.local}}</th></tr></thead>
    <tbody>{{#offsetRows}}<tr><td>{{name}}</td><td>{{type}}</td><td class="num">{{tco2}}</td><td class="num">{{countedTco2}}</td><td class="num">{{surplusTco2}}</td><td>{{counted}}</td><td>{{local}}</td></tr>{{/offsetRows}}</tbody></table></section>
    """

    static let sinkForm = """
    <h1>{{t.edit}} · {{form.id}}</h1>
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <form method="post" action="/parks/{{parkKey}}/sinks/{{form.id}}/edit?year={{year}}" class="stack card">
      <input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="kind" value="{{form.kind}}">
      <label>{{t.name}} <input name="name" required value="{{form.name}}"></label>
      {{#greenery}}<label>{{t.areaM2}} <input name="area_m2" value="{{form.area}}" inputmode="decimal" required></label>
      <label>{{t.rateUnit}} <input name="rate" value="{{form.rate}}" inputmode="decimal" required></label>{{/greenery}}
      {{^greenery}}<label>{{t.capturedT}} <input name="captured" value="{{form.captured}}" inputmode="decimal" required></label>{{/greenery}}
      <label>{{t.dataSource}} <input name="source" value="{{form.source}}"></label>
      <button type="submit">{{t.save}}</button>
    </form>
    """

    static let offsetForm = """
    <h1>{{t.edit}} · {{form.id}}</h1>
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <form method="post" action="/parks/{{parkKey}}/offsets/{{form.id}}/edit?year={{form.year}}" class="stack card">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{t.name}} <input name="name" required value="{{form.name}}"></label>
      <label>{{t.type}} <select name="type">{{#types}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/types}}</select></label>
      <label>tCO2 <input name="tco2" value="{{form.tco2}}" inputmode="decimal" required></label>
      <label>{{t.offsetVintage}} <input name="vintage" value="{{form.vintage}}" inputmode="numeric"></label>
      <label>{{t.projectProvince}} <select name="project_province">{{#provinces}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/provinces}}</select></label>
      <label>{{t.retiredDate}} <input name="retired" type="date" value="{{form.retired}}"></label>
      <label>{{t.retiredFor}} <input name="retired_for" value="{{form.retiredFor}}"></label>
      <label>{{t.commitment}} <input name="commitment_years" value="{{form.commitment}}" inputmode="numeric"></label>
      <label>{{t.registry}} <input name="registry_ref" value="{{form.registry}}"></label>
      <label>{{t.verification}} <input name="verification" value="{{form.verification}}"></label>
      <button type="submit">{{t.save}}</button>
    </form>
    """

    static let settings = """
    <h1>{{t.settings}} · {{name}}</h1>
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <section class="card" id="rules"><h2>{{t.accountingRules}}</h2>
    {{#canEdit}}<form method="post" action="/parks/{{parkKey}}/settings/rules" class="stack" id="rules-form"><input type="hidden" name="_csrf" value="{{csrf}}">{{/canEdit}}
      {{#rules}}<label>{{label}} <select name="{{key}}" {{^canEdit}}disabled{{/canEdit}}>{{#options}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/options}}</select></label>{{/rules}}
      {{#ruleInputs}}<label>{{label}} <input name="{{key}}" value="{{value}}" inputmode="{{mode}}" {{^canEdit}}disabled{{/canEdit}}></label>{{/ruleInputs}}
    {{#canEdit}}<button type="submit" id="rules-submit">{{t.save}}</button></form>{{/canEdit}}
    <p class="note">{{t.rulesNote}} (docs/accounting-rules.md)</p>
    </section>
    {{#isAdmin}}
    <section class="card"><h2>{{t.profile}}</h2>
    <form method="post" action="/parks/{{parkKey}}/settings/profile" class="stack" id="profile-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{t.name}} <input name="name" required value="{{profile.name}}"></label>
      <label>{{t.nameEn}} <input name="name_en" value="{{profile.nameEn}}"></label>
      <label>{{t.type}} <select name="type">{{#parkTypes}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/parkTypes}}</select></label>
      <label>{{t.province}} <select name="province">{{#provinces}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/provinces}}</select></label>
      <label>{{t.areaM2}} <input name="area_m2" required value="{{profile.area}}" inputmode="decimal" id="profile-area"></label>
      <label>{{t.outputValue}} <input name="output_value_cny" value="{{profile.output}}" inputmode="decimal"></label>
      <label>{{t.boundaryEvidence}} <textarea name="boundary_evidence" rows="3">{{profile.evidence}}</textarea></label>
      <button type="submit" id="profile-save">{{t.save}}</button></form>
    </section>
    {{/isAdmin}}
    {{#canEdit}}
    <section class="card"><h2>{{t.parkFactors}}</h2>
    <table><thead><tr><th>{{t.key}}</th><th class="num">{{t.value}}</th><th>{{t.unit}}</th><th>{{t.dataSource}}</th><th></th></tr></thead>
    <tbody>{{#factors}}<tr><td>{{id}}{{#overrides}} <span class="badge warn">{{t.override}}</span>{{/overrides}}</td><td class="num">{{value}}</td><td>{{unit}}</td><td>{{source}}</td>
      <td><form method="post" action="/parks/{{parkKey}}/settings/factors/{{id}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{t.delete}}</button></form></td></tr>{{/factors}}</tbody></table>
    <form method="post" action="/parks/{{parkKey}}/settings/factors" class="row"><input type="hidden" name="_csrf" value="{{csrf}}">
      <input name="id" placeholder="park.xxx / grid.guangdong" required pattern="[A-Za-z0-9._-]{1,64}"> <input name="value" placeholder="{{t.value}}" inputmode="decimal" required>
      <input name="unit" placeholder="tCO2/MWh" required> <input name="source" placeholder="{{t.dataSource}}" required>
      <button type="submit">{{t.save}}</button></form>
    </section>
    <section class="card"><h2>{{t.parkFuels}}</h2>
    <table><thead><tr><th>{{t.key}}</th><th>{{t.name}}</th><th>{{t.ncv}}</th><th>{{t.carbonContent}}</th><th>{{t.oxidationRate}}</th><th>{{t.biogenic}}</th><th>{{t.dataSource}}</th><th></th></tr></thead>
    <tbody>{{#fuels}}<tr><td>{{id}}</td><td>{{name}}</td><td>{{ncv}}</td><td>{{cc}}</td><td>{{oxidation}}</td><td>{{biogenic}}</td><td>{{source}}</td>
      <td><form method="post" action="/parks/{{parkKey}}/settings/fuels/{{id}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{t.delete}}</button></form></td></tr>{{/fuels}}</tbody></table>
    <form method="post" action="/parks/{{parkKey}}/settings/fuels" class="row"><input type="hidden" name="_csrf" value="{{csrf}}">
      <input name="id" placeholder="park.biogas" required pattern="[A-Za-z0-9._-]{1,64}"> <input name="name" placeholder="{{t.name}}" required>
      <input name="ncv" placeholder="{{t.ncv}}" inputmode="decimal" required> <input name="ncv_unit" placeholder="GJ/10^3 Nm3" required>
      <input name="cc" placeholder="{{t.carbonContent}}" inputmode="decimal" required> <input name="cc_unit" value="tC/TJ" required>
      <input name="oxidation" placeholder="{{t.oxidationRate}} 0.98" inputmode="decimal" required>
      <label class="check"><input type="checkbox" name="biogenic" value="true"> {{t.biogenic}}</label>
      <input name="source" placeholder="{{t.dataSource}}" required>
      <button type="submit">{{t.save}}</button></form>
    </section>
    {{/canEdit}}
    {{#isAdmin}}
    <section class="card"><h2>{{t.publication}}</h2>
    <form method="post" action="/parks/{{parkKey}}/settings/publication" class="stack"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label class="check"><input type="checkbox" name="published" value="true" {{#published}}checked{{/published}} id="published"> {{t.publishDisclosure}}</label>
      <label>{{t.target}} <input name="target" value="{{target}}" class="wide"></label>
      <button type="submit">{{t.save}}</button></form>
      {{#published}}<p class="note"><a href="/public/{{parkKey}}">/public/{{parkKey}}</a></p>{{/published}}
    <form method="post" action="/parks/{{parkKey}}/settings/published-snapshot" class="stack" id="published-snapshot-form"><input type="hidden" name="_csrf" value="{{csrf}}">
      <label>{{t.publishedSnapshot}} <select name="snapshot" id="published-snapshot"><option value="">{{t.liveDisclosure}}</option>{{#publishedSnapshots}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/publishedSnapshots}}</select></label>
      <button type="submit" id="published-snapshot-submit">{{t.save}}</button></form>
      {{#publishedSnapshot}}<p class="note" id="published-snapshot-state">#{{id}} · {{at}} · {{by}}</p>{{/publishedSnapshot}}
    </section>
    <section class="card"><h2>{{t.members}}</h2>
    <table><thead><tr><th>{{t.username}}</th><th>{{t.name}}</th><th>{{t.role}}</th><th>{{t.enterprise}}</th><th></th></tr></thead>
    <tbody>{{#members}}<tr id="member-{{username}}"><td>{{username}}</td><td>{{displayName}}</td><td>{{roleName}}</td><td>{{enterprise}}</td>
    <td><form method="post" action="/parks/{{parkKey}}/settings/members/{{username}}/remove" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link" id="remove-{{username}}">{{t.removeMember}}</button></form></td></tr>{{/members}}</tbody></table>
    <form method="post" action="/parks/{{parkKey}}/settings/members" class="row"><input type="hidden" name="_csrf" value="{{csrf}}">
      <input name="username" placeholder="{{t.username}}" required>
      <select name="role">{{#roles}}<option value="{{value}}">{{label}}</option>{{/roles}}</select>
      <input name="enterprise" placeholder="{{t.enterprise}}"><button type="submit">{{t.grant}}</button></form>
    </section>
    {{/isAdmin}}
    {{#canAudit}}<section class="card"><h2>{{t.auditLog}}</h2><p class="exports">{{t.exportAll}}：<a href="/parks/{{parkKey}}/audit.csv" id="export-audit">CSV</a> · <a href="/parks/{{parkKey}}/audit.xlsx" id="export-audit-xlsx">XLSX</a></p>
    <table class="audit"><thead><tr><th>{{t.createdAt}}</th><th>{{t.actor}}</th><th>{{t.action}}</th><th>{{t.entity}}</th><th>{{t.before}}</th><th>{{t.after}}</th></tr></thead>
    <tbody>{{#audit}}<tr><td>{{at}}</td><td>{{actor}}</td><td>{{action}}</td><td>{{entity}} <code>{{entityKey}}</code></td><td class="change">{{before}}</td><td class="change">{{after}}</td></tr>{{/audit}}</tbody></table></section>{{/canAudit}}
    {{^canEdit}}{{^canAudit}}<p class="note">{{t.noSettings}}</p>{{/canAudit}}{{/canEdit}}
    """

    static let message = """
    <section class="card narrow"><h1 id="message-title">{{heading}}</h1><p>{{text}}</p><p><a href="/parks">{{t.back}}</a></p></section>
    """
}
