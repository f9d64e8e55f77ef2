import Mustache

/// The plan page's template: the base year and the measures file (a textarea), and after a run the
/// measures with their economics, the MAC curve, the pathway chart and the year table. No JavaScript;
/// the form posts with the session's CSRF token.
///
/// Serves STANDARD.md 1.1.3(c), 1.1.5–1.1.7, 1.1.13.
enum PlanTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(page, named: "plan")
        try library.register(trial, named: "trial")
        return library
    }

    static let page = """
    <h1>{{p.title}} · {{name}}</h1>
    <p class="note">{{p.intro}}</p>
    {{#hasProblems}}<div class="error" id="form-error"><ul>{{#problems}}<li><code>{{field}}</code> {{message}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    <form method="post" action="/parks/{{parkKey}}/plan" id="plan-form" class="card stack">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <input type="hidden" name="basis" value="{{basis}}">
    {{#actuals}}<p class="note" id="plan-actuals">{{p.actualsBasis}} {{period}}</p>{{/actuals}}
    <label>{{p.baseYear}} <select name="year" id="plan-year">{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/years}}</select></label>
    <label for="plan-yaml">{{p.measuresFile}}</label>
    <textarea name="yaml" id="plan-yaml" rows="18" spellcheck="false">{{yaml}}</textarea>
    {{#template}}<p class="note">{{p.templateNote}}</p>{{/template}}
    <button type="submit" id="plan-run">{{p.run}}</button>
    </form>
    <details class="card" id="plan-catalogue"><summary>{{p.catalogue}}</summary><p class="note">{{p.catalogueNote}}</p>
    <div class="scroll"><table><thead><tr><th>{{p.categoryKey}}</th><th>{{p.measure}}</th><th>{{p.clause}}</th><th>{{p.addresses}}</th><th>{{p.rule}}</th><th>{{p.how}}</th><th>{{p.parkFigures}}</th></tr></thead>
    <tbody>{{#catalogue}}<tr id="catalogue-{{category}}"><td><code>{{category}}</code></td><td>{{name}}</td><td>{{clause}}</td><td>{{addresses}}</td><td><code>{{rule}}</code></td><td>{{note}}</td>
    <td>{{#park}}<span class="park-figures">{{figures}}</span><br><small>{{p.source}}：{{source}}{{#note}} · {{note}}{{/note}} · {{updated}}</small>
    <form method="post" action="/parks/{{parkKey}}/plan/catalogue" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><input type="hidden" name="category" value="{{category}}"><input type="hidden" name="remove" value="true"><button type="submit" class="link">{{p.removeFigures}}</button></form>{{/park}}{{^park}}—{{/park}}</td></tr>{{/catalogue}}</tbody></table></div>
    <h3>{{p.setFigures}}</h3><p class="note">{{p.setFiguresNote}}</p>
    <form method="post" action="/parks/{{parkKey}}/plan/catalogue" class="row" id="catalogue-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <label>{{p.measure}} <select name="category">{{#categories}}<option value="{{value}}">{{name}}</option>{{/categories}}</select></label>
    <label>{{p.unit}} <select name="unit">{{#units}}<option value="{{.}}">{{.}}</option>{{/units}}</select></label>
    <label>{{p.capexPerUnit}} <input name="capex_cny_per_unit" inputmode="decimal"></label>
    <label>{{p.opexPerUnit}} <input name="opex_cny_per_unit_year" inputmode="decimal"></label>
    <label>{{p.lifetime}} <input name="lifetime_years" inputmode="decimal"></label>
    <label>{{p.savingPercent}} <input name="saving_fraction" inputmode="decimal"></label>
    <label>{{p.source}} <input name="source" required maxlength="1000"></label>
    <label>{{p.noteLabel}} <input name="note" maxlength="1000"></label>
    <button type="submit" id="catalogue-save">{{p.saveFigures}}</button></form></details>
    {{#opened}}<p class="note" id="plan-opened">{{p.version}} {{version}} · {{createdAt}} · {{createdBy}} · {{reason}} · {{p.storedBalance}} {{balanceYear}} · {{p.recomputed}}</p>{{/opened}}
    {{#result}}
    <section class="card" id="plan-result"><h2>{{p.result}}</h2>
    <form method="post" action="/parks/{{parkKey}}/plan/save" class="inline" id="plan-save"><input type="hidden" name="_csrf" value="{{csrf}}">
    <input type="hidden" name="year" value="{{baseYear}}"><input type="hidden" name="yaml" value="{{yaml}}"><input type="hidden" name="basis" value="{{basis}}">
    <label>{{p.reason}} <input name="reason" id="plan-reason" required maxlength="1000"></label> <button type="submit" id="plan-save-button">{{p.save}}</button></form>
    <p><strong>{{p.balanceYear}}</strong> <span id="plan-balance">{{balanceYear}}</span> · {{p.withoutOffsets}} <span id="plan-balance-without">{{withoutOffsets}}</span>{{#netNegative}} · {{p.netNegative}} {{netNegative}}{{/netNegative}}</p>
    <h3>{{p.assessment}}</h3>
    <div class="scroll"><table id="plan-assessment"><thead><tr><th>{{p.sourceOrSink}}</th><th class="num">tCO2</th><th class="num">{{p.share}}</th><th>{{p.difficulty}}</th><th class="num">{{p.lowestMac}}</th><th>{{p.technologies}}</th><th>{{p.why}}</th></tr></thead>
    <tbody>{{#assessments}}<tr id="assess-{{id}}"><td>{{name}} <small>{{id}}</small>{{#sink}} <small>{{p.sinkTag}}</small>{{/sink}}</td><td class="num">{{tco2}}</td><td class="num">{{share}}</td><td class="difficulty-{{level}}">{{difficulty}}</td><td class="num">{{mac}}</td><td>{{technologies}}</td><td>{{reasons}}</td></tr>{{/assessments}}</tbody></table></div>
    <h3>{{p.measures}}</h3>
    <div class="scroll"><table id="plan-measures"><thead><tr><th class="num">{{p.order}}</th><th>{{p.measure}}</th><th>{{p.category}}</th><th class="num">{{p.start}}</th><th class="num">{{p.tonnes}}</th><th class="num">{{p.annualCost}}</th><th class="num">{{p.mac}}</th><th>{{p.missing}}</th></tr></thead>
    <tbody>{{#measures}}<tr id="measure-{{id}}"><td class="num">{{order}}</td><td>{{name}} <small>{{id}}</small></td><td>{{category}}</td><td class="num">{{start}}</td><td class="num">{{tonnes}}</td><td class="num">{{annualCost}}</td><td class="num">{{mac}}</td><td>{{missing}}</td></tr>{{/measures}}</tbody></table></div>
    <div class="charts">
    <section class="card"><h3>{{p.macChart}}</h3>{{{macChart}}}</section>
    <section class="card"><h3>{{p.pathChart}}</h3>{{{pathChart}}}</section>
    </div>
    <div class="scroll"><table id="plan-years"><thead><tr><th class="num">{{p.year}}</th><th class="num">{{p.bau}}</th><th class="num">{{p.reduced}}</th><th class="num">{{p.emissions}}</th><th class="num">{{p.sinks}}</th><th class="num">{{p.localOffsets}}</th><th class="num">{{p.otherOffsets}}</th><th class="num">{{p.net}}</th><th class="num">{{p.measureCost}}</th><th class="num">{{p.offsetCost}}</th></tr></thead>
    <tbody>{{#years}}<tr id="year-{{year}}"><td class="num">{{year}}</td><td class="num">{{bau}}</td><td class="num">{{reduced}}</td><td class="num">{{emissions}}</td><td class="num">{{sinks}}</td><td class="num">{{local}}</td><td class="num">{{other}}</td><td class="num">{{net}}</td><td class="num">{{measureCost}}</td><td class="num">{{offsetCost}}</td></tr>{{/years}}</tbody></table></div>
    </section>
    {{/result}}
    <section class="card" id="plan-improvement"><h2>{{p.improvement}}</h2><p class="note">{{p.improvementNote}}</p>
    <div class="scroll"><table id="improvement"><thead><tr><th class="num">{{p.year}}</th><th class="num">{{p.areaM2}}</th><th class="num">{{p.output10k}}</th><th class="num">{{p.outputPerM2}}</th><th class="num">{{p.emissions}}</th><th class="num">{{p.perOutput}}</th><th class="num">{{p.changeYoY}}</th><th>{{p.basis}}</th></tr></thead>
    <tbody>{{#improvement}}<tr id="improvement-{{year}}"{{#planned}} class="planned"{{/planned}}><td class="num">{{year}}</td><td class="num">{{area}}</td><td class="num">{{output}}</td><td class="num">{{perM2}}</td><td class="num">{{emissions}}</td><td class="num">{{perOutput}}</td><td class="num">{{change}}</td><td>{{basis}}</td></tr>{{/improvement}}</tbody></table></div>
    <form method="post" action="/parks/{{parkKey}}/plan/output" class="inline" id="output-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <label>{{p.year}} <input type="number" name="year" min="1990" max="2100" required value="{{outputYear}}"></label>
    <label>{{p.areaM2}} <input type="number" name="area_m2" min="0" step="any" required></label>
    <label>{{p.outputCny}} <input type="number" name="output_value_cny" min="0" step="any"></label>
    <label>{{p.dataSource}} <input name="data_source" required maxlength="1000"></label>
    <button type="submit" id="output-save">{{p.recordOutput}}</button></form>
    </section>
    <section class="card" id="plan-versions"><h2>{{p.versions}}</h2>
    {{^hasVersions}}<p>{{p.noVersions}}</p>{{/hasVersions}}
    {{#hasVersions}}<div class="scroll"><table><thead><tr><th class="num">{{p.version}}</th><th>{{p.savedAt}}</th><th>{{p.savedBy}}</th><th>{{p.reason}}</th><th class="num">{{p.baseYear}}</th><th class="num">{{p.storedBalance}}</th><th></th></tr></thead>
    <tbody>{{#versions}}<tr id="version-{{version}}"><td class="num">{{version}}</td><td>{{createdAt}}</td><td>{{createdBy}}</td><td>{{reason}}</td><td class="num">{{baseYear}}</td><td class="num">{{balanceYear}}</td><td><a href="/parks/{{parkKey}}/plan?version={{version}}">{{p.open}}</a> · <a href="/parks/{{parkKey}}/plans/{{version}}/years.csv" id="export-plan-years-{{version}}">{{t.yearsCsv}}</a> · <a href="/parks/{{parkKey}}/plans/{{version}}/years.xlsx" id="export-plan-years-xlsx-{{version}}">XLSX</a> · <a href="/parks/{{parkKey}}/plans/{{version}}/measures.csv" id="export-plan-measures-{{version}}">{{t.measuresCsv}}</a> · <a href="/parks/{{parkKey}}/plans/{{version}}/measures.xlsx" id="export-plan-measures-xlsx-{{version}}">XLSX</a></td></tr>{{/versions}}</tbody></table></div>
    <form method="get" action="/parks/{{parkKey}}/plan" class="inline" id="plan-compare-form">{{p.compare}}
    <select name="compare">{{#compareOptions}}<option value="{{version}}">{{version}}</option>{{/compareOptions}}</select> ↔
    <select name="with">{{#compareOptions}}<option value="{{version}}">{{version}}</option>{{/compareOptions}}</select> <button type="submit">{{p.compareRun}}</button></form>{{/hasVersions}}
    </section>
    {{#comparison}}<section class="card" id="plan-comparison"><h2>{{p.comparison}} {{a}} ↔ {{b}}</h2>
    <p>{{p.storedBalance}}: {{a}} → <strong id="compare-balance-a">{{balanceA}}</strong>；{{b}} → <strong id="compare-balance-b">{{balanceB}}</strong></p>
    <p class="note">{{a}}: {{reasonA}} · {{b}}: {{reasonB}}</p>
    <div class="scroll"><table><thead><tr><th>{{p.measure}}</th><th class="num">{{p.tonnes}} {{a}}</th><th class="num">{{p.tonnes}} {{b}}</th><th class="num">{{p.mac}} {{a}}</th><th class="num">{{p.mac}} {{b}}</th></tr></thead>
    <tbody>{{#rows}}<tr id="compare-{{id}}"><td>{{name}} <small>{{id}}</small></td><td class="num">{{tonnesA}}</td><td class="num">{{tonnesB}}</td><td class="num">{{macA}}</td><td class="num">{{macB}}</td></tr>{{/rows}}</tbody></table></div>
    </section>{{/comparison}}
    """

    /// The trial year: the declaration, findings, the monthly chart and table, offsets per year, the
    /// declaration form (editors) and the way to re-plan from actuals.
    static let trial = """
    <h1>{{r.title}} · {{name}}</h1>
    <p class="note">{{r.intro}}</p>
    {{#error}}<div class="error" id="form-error">{{error}}</div>{{/error}}
    {{^declared}}<p id="trial-none">{{r.none}}</p>{{/declared}}
    {{#declared}}
    <section class="card" id="trial-summary">
    <p><strong>{{r.period}}</strong> <span id="trial-period">{{start}} – {{end}}</span> · {{r.planVersion}} <a href="/parks/{{parkKey}}/plan?version={{planVersion}}" id="trial-plan">{{planVersion}}</a>
     · {{r.threshold}} <span id="trial-threshold">{{threshold}}</span> · {{r.through}} <span id="trial-through">{{through}}</span></p>
    <p class="note">{{r.declaredBy}} {{declaredBy}} · {{r.declaredAt}} {{declaredAt}}</p>
    </section>
    <section class="card" id="trial-findings"><h2>{{r.findings}}</h2>
    {{^anyCompared}}<p>{{r.noneCompared}}</p>{{/anyCompared}}
    {{#anyCompared}}{{^hasFindings}}<p id="trial-no-findings">{{r.noFindings}}</p>{{/hasFindings}}{{/anyCompared}}
    {{#hasFindings}}<ul>{{#findings}}<li class="{{css}}" id="finding-{{id}}"><strong>{{label}}</strong>：{{direction}} {{deviation}} tCO2（{{share}}）；{{r.plannedNet}} {{planned}}，{{r.actualNet}} {{actual}}。{{#hasCauses}}{{r.causes}}：{{#causes}}{{name}} {{deviation}}；{{/causes}}{{/hasCauses}}</li>{{/findings}}</ul>{{/hasFindings}}
    </section>
    <section class="card"><h2>{{r.chart}}</h2>{{{chart}}}</section>
    <p class="exports">{{t.exportAll}}：<a href="/parks/{{parkKey}}/trial.csv" id="export-trial">CSV</a> · <a href="/parks/{{parkKey}}/trial.xlsx" id="export-trial-xlsx">XLSX</a></p>
    <div class="scroll"><table id="trial-months"><thead><tr><th>{{r.month}}</th><th class="num">{{r.plannedEmissions}}</th><th class="num">{{r.plannedSinks}}</th><th class="num">{{r.plannedNet}}</th><th class="num">{{r.actualEmissions}}</th><th class="num">{{r.actualSinks}}</th><th class="num">{{r.actualNet}}</th><th class="num">{{r.deviation}}</th><th class="num">{{r.deviationShare}}</th><th>{{r.status}}</th></tr></thead>
    <tbody>{{#months}}<tr id="month-{{month}}"><td>{{month}}</td><td class="num">{{plannedEmissions}}</td><td class="num">{{plannedSinks}}</td><td class="num">{{plannedNet}}</td><td class="num">{{actualEmissions}}</td><td class="num">{{actualSinks}}</td><td class="num">{{actualNet}}</td><td class="num">{{deviation}}</td><td class="num">{{share}}</td><td>{{status}}</td></tr>{{/months}}</tbody></table></div>
    <h2>{{r.offsets}}</h2>
    <div class="scroll"><table id="trial-offsets"><thead><tr><th class="num">{{r.year}}</th><th class="num">{{r.plannedOffsets}}</th><th class="num">{{r.countedOffsets}}</th></tr></thead>
    <tbody>{{#offsets}}<tr><td class="num">{{year}}</td><td class="num">{{planned}}</td><td class="num">{{counted}}</td></tr>{{/offsets}}</tbody></table></div>
    {{/declared}}
    {{#canEdit}}
    {{#declared}}<section class="card" id="trial-replan"><h2>{{r.replan}}</h2><p class="note">{{r.replanNote}}</p>
    <p><a href="/parks/{{parkKey}}/plan?basis=actuals&amp;version={{planVersion}}" id="trial-replan-link">{{r.replan}}</a></p></section>{{/declared}}
    <section class="card" id="trial-declare"><h2>{{r.declare}}</h2>
    {{^hasVersions}}<p>{{r.needPlan}}</p>{{/hasVersions}}
    {{#hasVersions}}<form method="post" action="/parks/{{parkKey}}/trial" class="stack" id="trial-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <label>{{r.start}} <input type="date" name="start" id="trial-start" required value="{{formStart}}"></label>
    <label>{{r.end}} <input type="date" name="end" id="trial-end" value="{{formEnd}}"></label>
    <label>{{r.planVersion}} <select name="plan_version" id="trial-version">{{#versions}}<option value="{{version}}"{{#selected}} selected{{/selected}}>{{version}} · {{reason}}</option>{{/versions}}</select></label>
    <label>{{r.thresholdPercent}} <input type="number" name="threshold" id="trial-threshold-input" min="1" max="100" step="0.1" required value="{{formThreshold}}"></label>
    <button type="submit" id="trial-save">{{r.declareButton}}</button></form>{{/hasVersions}}
    </section>
    {{/canEdit}}
    """
}
