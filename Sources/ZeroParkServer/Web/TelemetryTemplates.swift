/// The telemetry pages' mustache templates (issue #8 §1, §10): meter registry and form, a meter's
/// day and year, the live dashboard, dead letters, and the ledger's daily heads on the disclosure.
/// Registered in `WebTemplates.library()`.
enum TelemetryTemplates {
    static let all: [(String, String)] = [
        ("meters", meters), ("meterForm", meterForm), ("meter", meter), ("live", live), ("deadLetters", deadLetters),
        ("chainHeads", chainHeads), ("meterFields", meterFields),
    ]

    static let meters = """
    <div class="heading"><h1>{{t.metersTitle}} · {{name}}</h1><span class="meta">{{t.today}} {{dayText}}</span></div>
    {{#scopeNote}}<p class="meta"><strong>{{scopeNote}}</strong></p>{{/scopeNote}}
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <p class="exports">{{t.exportAll}}：<a href="/parks/{{parkKey}}/meters.csv" id="export-meters">CSV</a> · <a href="/parks/{{parkKey}}/meters.xlsx" id="export-meters-xlsx">XLSX</a></p>
    <section class="card"><div class="scroll">
    <table class="meters" id="meter-table"><thead><tr><th>{{t.meterKey}}</th><th>{{t.name}}</th><th>{{t.quantity}}</th><th>{{t.unit}}</th>
    <th>{{t.readingKind}}</th><th class="num">{{t.intervalMin}}</th><th class="num">{{t.multiplier}}</th><th>{{t.enterprise}}</th><th>{{t.feeds}}</th>
    <th>{{t.parent}}</th><th>{{t.lastReading}}</th><th class="num">{{t.todayEnergy}}</th><th class="num">{{t.todayCompleteness}}</th>{{#canEdit}}<th></th>{{/canEdit}}</tr></thead>
    <tbody>{{#rows}}<tr id="meter-{{key}}"{{#sub}} class="sub"{{/sub}}>
    <td class="tree depth-{{depth}}">{{#sub}}└ {{/sub}}<a href="/parks/{{parkKey}}/meters/{{key}}">{{key}}</a></td><td>{{meterName}}</td><td>{{quantity}}</td><td>{{unit}}</td>
    <td>{{readingKind}}</td><td class="num">{{interval}}</td><td class="num">{{multiplier}}</td><td>{{enterprise}}</td><td>{{feeds}}</td><td>{{parent}}</td>
    <td>{{lastReading}}</td><td class="num">{{today}}</td><td class="num">{{completeness}}{{#warn}} <span class="badge warn" title="{{t.belowThreshold}}">⚠ {{t.belowThreshold}}</span>{{/warn}}</td>
    {{#canEdit}}<td class="actions"><a href="/parks/{{parkKey}}/meters/{{key}}/edit">{{t.edit}}</a> <form method="post" action="/parks/{{parkKey}}/meters/{{key}}/delete" class="inline"><input type="hidden" name="_csrf" value="{{csrf}}"><button type="submit" class="link-dark">{{t.delete}}</button></form></td>{{/canEdit}}</tr>
    {{#remainder}}<tr class="remainder"><td class="tree depth-{{depth}}" colspan="11">{{t.unmetered}} · {{key}}</td><td class="num" id="remainder-{{key}}">{{value}}</td><td class="num"></td>{{#canEdit}}<td></td>{{/canEdit}}</tr>{{/remainder}}
    {{/rows}}</tbody></table></div>
    {{^rows}}<p>{{t.noMeters}}</p>{{/rows}}
    </section>
    {{#canEdit}}<div class="charts">
    <section class="card"><h2>{{t.addMeter}}</h2>{{> meterFields}}</section>
    <section class="card"><h2>{{t.meterCsv}}</h2><p class="note">{{t.meterCsvHelp}}</p>
    <form method="post" action="/parks/{{parkKey}}/meters/import" class="stack" id="meter-csv-form"><input type="hidden" name="_csrf" value="{{csrf}}">
    <textarea name="csv" rows="8" id="meter-csv">{{csvText}}</textarea><button type="submit">{{t.importMeters}}</button></form></section>
    </div>{{/canEdit}}
    """

    /// The meter form's fields (add on the registry page, edit on its own page).
    static let meterFields = """
    {{#form}}<form method="post" action="{{action}}" class="stack" id="meter-form">
      <input type="hidden" name="_csrf" value="{{csrf}}">
      <label{{#err_key}} class="invalid"{{/err_key}}>{{t.meterKey}} <input name="key" required value="{{key}}" pattern="[A-Za-z0-9._-]{1,64}" {{#editing}}readonly{{/editing}}></label>
      <label{{#err_name}} class="invalid"{{/err_name}}>{{t.name}} <input name="name" required value="{{name}}"></label>
      <label{{#err_quantity}} class="invalid"{{/err_quantity}}>{{t.quantity}} <select name="quantity">{{#quantities}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/quantities}}</select></label>
      <label{{#err_unit}} class="invalid"{{/err_unit}}>{{t.unit}} <input name="unit" required value="{{unit}}" placeholder="kWh, Nm3, m3, t, mg/m3, °C"></label>
      <label{{#err_reading_kind}} class="invalid"{{/err_reading_kind}}>{{t.readingKind}} <select name="reading_kind">{{#kinds}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/kinds}}</select></label>
      <label{{#err_interval_minutes}} class="invalid"{{/err_interval_minutes}}>{{t.intervalMin}} <select name="interval_minutes">{{#intervals}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{value}}</option>{{/intervals}}</select></label>
      <label{{#err_multiplier}} class="invalid"{{/err_multiplier}}>{{t.multiplier}} <input name="multiplier" value="{{multiplier}}" inputmode="decimal"></label>
      <label{{#err_counter_modulus}} class="invalid"{{/err_counter_modulus}}>{{t.counterModulus}} <input name="counter_modulus" value="{{counterModulus}}" inputmode="decimal" placeholder="1000000"></label>
      <label{{#err_physical_min}} class="invalid"{{/err_physical_min}}>{{t.physicalMin}} <input name="physical_min" value="{{physicalMin}}" inputmode="decimal"></label>
      <label{{#err_physical_max}} class="invalid"{{/err_physical_max}}>{{t.physicalMax}} <input name="physical_max" value="{{physicalMax}}" inputmode="decimal"></label>
      <label{{#err_enterprise}} class="invalid"{{/err_enterprise}}>{{t.enterprise}} <select name="enterprise">{{#enterprises}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/enterprises}}</select></label>
      <label{{#err_feeds}} class="invalid"{{/err_feeds}}>{{t.feeds}} <select name="feeds">{{#feedChoices}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/feedChoices}}</select></label>
      <label{{#err_parent}} class="invalid"{{/err_parent}}>{{t.parent}} <select name="parent">{{#parents}}<option value="{{value}}" {{#selected}}selected{{/selected}}>{{label}}</option>{{/parents}}</select></label>
      <button type="submit" id="meter-save">{{t.save}}</button>
    </form>{{/form}}
    """

    static let meterForm = """
    <h1>{{t.editMeter}} · {{meterKey}}</h1>
    {{#formError}}<p class="error" id="form-error">{{formError}}</p>{{/formError}}
    <section class="card">{{> meterFields}}</section>
    <p><a href="/parks/{{parkKey}}/meters">{{t.allMeters}}</a></p>
    """

    static let meter = """
    <p class="crumbs"><a href="/parks/{{parkKey}}/meters">{{t.metersTitle}}</a> › {{meterKey}}</p>
    <div class="heading"><h1>{{meterName}} <small>{{meterKey}} · {{quantity}} · {{unit}} · {{readingKind}} · {{interval}} {{t.minutes}}</small></h1>
    <form method="get" class="inline" id="day-form"><label>{{t.day}} <input type="date" name="day" value="{{dayText}}"></label> <button type="submit">{{t.show}}</button></form></div>
    <p class="daynav"><a href="?day={{previousDay}}" id="previous-day">← {{t.previousDay}}</a> · <strong>{{dayText}}</strong> · <a href="?day={{nextDay}}" id="next-day">{{t.nextDay}} →</a> · <a href="/parks/{{parkKey}}/meters/{{meterKey}}">{{t.today}}</a>{{#canEdit}} · <a href="/parks/{{parkKey}}/meters/{{meterKey}}/edit">{{t.edit}}</a>{{/canEdit}}</p>
    <div class="kpis small" id="day-quality">
      <div class="kpi"><span>{{t.total}}</span><strong id="day-total">{{total}}</strong><em>{{unit}}</em></div>
      <div class="kpi"><span>{{t.completeness}}</span><strong id="day-completeness">{{completeness}}</strong><em>{{measured}} / {{expected}} {{t.slots}}</em>{{#warn}}<span class="badge warn" id="quality-warning">⚠ {{t.belowThreshold}}</span>{{/warn}}</div>
      <div class="kpi"><span>{{t.estimatedShare}}</span><strong>{{estimatedShare}}</strong><em>{{estimated}} {{t.slots}}</em></div>
      <div class="kpi"><span>{{t.flagged}}</span><strong>{{flagged}}</strong><em>{{t.slots}}</em></div>
      <div class="kpi"><span>{{t.revisions}}</span><strong>{{revisionCount}}</strong></div>
    </div>
    <section class="card"><h2>{{t.dayChart}}</h2>{{{dayChart}}}</section>
    <div class="charts">
    <section class="card"><h2>{{t.rawReadings}}</h2>{{#readings}}<div class="scroll"><table id="raw-readings"><thead><tr><th>{{t.time}}</th><th class="num">{{t.value}}</th><th>{{t.revisions}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{time}}</td><td class="num">{{value}}</td><td>{{revisions}}</td></tr>{{/rows}}</tbody></table></div>{{/readings}}{{^readings}}<p>{{t.noReadings}}</p>{{/readings}}</section>
    <section class="card"><h2>{{t.events}}</h2>{{#events}}<table id="meter-events"><thead><tr><th>{{t.time}}</th><th>{{t.kind}}</th><th>{{t.detail}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{time}}</td><td>{{kind}}</td><td><code>{{detail}}</code></td></tr>{{/rows}}</tbody></table>{{/events}}{{^events}}<p>{{t.noEvents}}</p>{{/events}}</section>
    </div>
    <section class="card"><h2>{{t.yearChart}}</h2>{{{yearChart}}}<p class="note">{{yearTotal}} · <a href="{{hourlyLink}}" id="hourly-link">{{t.hourlyLink}}</a></p></section>
    """

    static let live = """
    <div class="heading"><h1>{{t.liveTitle}} · {{name}}</h1><span class="meta">{{t.updatedAt}} <span id="live-updated">{{updated}}</span> · <a href="/parks/{{parkKey}}/live" id="live-reload">{{t.reload}}</a></span></div>
    <p class="note" id="live" data-events="/parks/{{parkKey}}/live/events?lang={{lang}}" data-stale="{{t.liveStale}}">{{t.liveNote}}{{#scopeNote}} · <strong>{{scopeNote}}</strong>{{/scopeNote}}</p>
    <div class="kpis">
      {{#kpis}}<div class="kpi"><span>{{label}}</span><strong id="{{id}}">{{value}}</strong><em>{{unit}}{{#warn}} <span class="badge warn">⚠ {{t.belowThreshold}}</span>{{/warn}}</em></div>{{/kpis}}
      <div class="kpi"><span>{{t.todayCompleteness}}</span><strong id="live-completeness">{{completeness}}</strong><em>{{t.meters}} {{meterCount}}</em></div>
    </div>
    <div class="charts">
    <section class="card"><h2>{{t.energyFlow}}</h2>{{{sankey}}}</section>
    <section class="card"><h2>{{t.hourlyTrend}}</h2>{{{trend}}}</section>
    </div>
    <div class="charts">
    <section class="card"><h2>{{t.currentPower}}</h2>{{#power}}<div class="scroll"><table id="live-power"><thead><tr><th>{{t.meterKey}}</th><th>{{t.quantity}}</th><th class="num">{{t.powerCol}}</th><th>{{t.at}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td><a href="/parks/{{parkKey}}/meters/{{key}}">{{name}}</a></td><td>{{quantity}}</td><td class="num" id="{{id}}">{{value}}</td><td id="{{id}}-at">{{at}}</td></tr>{{/rows}}</tbody></table></div>{{/power}}{{^power}}<p>{{t.noMeters}}</p>{{/power}}</section>
    <section class="card"><h2>{{t.byEnterprise}}</h2>{{#enterprises}}<table id="live-enterprises"><thead><tr><th>{{t.enterprise}}</th><th>{{t.quantity}}</th><th class="num">{{t.todayEnergy}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{enterprise}}</td><td>{{quantity}}</td><td class="num" id="{{id}}">{{value}}</td></tr>{{/rows}}</tbody></table>{{/enterprises}}{{^enterprises}}<p>—</p>{{/enterprises}}</section>
    </div>
    <section class="card" id="live-carbon"><h2>{{t.carbonBySystem}}</h2>{{#carbon}}{{{chart}}}<table id="live-carbon-rows"><tbody>{{#rows}}<tr><td>{{system}}</td><td class="num" id="{{id}}">{{value}} tCO2</td></tr>{{/rows}}</tbody></table>{{/carbon}}{{^carbon}}<p id="live-carbon-empty">{{t.noCarbonToday}}</p>{{/carbon}}</section>
    <script src="/static/live.js" defer></script>
    """

    static let deadLetters = """
    <h1>{{t.deadLetters}} · {{name}}</h1>
    <p class="note">{{t.deadLettersNote}}</p>
    <section class="card">{{#letters}}<div class="scroll"><table id="dead-letters"><thead><tr><th>{{t.received}}</th><th>{{t.topic}}</th><th class="num">{{t.size}}</th><th>{{t.reason}}</th><th>{{t.payload}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{received}}</td><td><code>{{topic}}</code></td><td class="num">{{size}}</td><td>{{reason}}</td><td><code class="excerpt">{{payload}}</code></td></tr>{{/rows}}</tbody></table></div>{{/letters}}
    {{^letters}}<p>{{t.noDeadLetters}}</p>{{/letters}}</section>
    """

    static let chainHeads = """
    <section class="card" id="chain-heads"><h2>{{t.chainTitle}}</h2><p class="note">{{t.chainNote}}</p>
    {{#chain}}<div class="scroll"><table><thead><tr><th>{{t.day}}</th><th class="num">{{t.links}}</th><th>{{t.chainHead}}</th></tr></thead>
    <tbody>{{#rows}}<tr><td>{{day}}</td><td class="num">{{links}}</td><td><code class="hash" title="{{link}}">{{short}}</code></td></tr>{{/rows}}</tbody></table></div>{{/chain}}
    {{^chain}}<p>{{t.noChain}}</p>{{/chain}}</section>
    """
}

/// The telemetry pages' styles, appended to /static/app.css.
enum TelemetryStyle {
    static let css = """
    .scroll{overflow-x:auto;max-width:100%}
    table.meters td.tree{white-space:nowrap}.depth-1{padding-left:22px}.depth-2{padding-left:38px}.depth-3{padding-left:54px}.depth-4{padding-left:70px}
    tr.remainder td{color:#5b6b61;font-size:13px;background:#fafcfb}
    label.invalid{color:#8a1c12}label.invalid input,label.invalid select{border-color:#b3261e;background:#fdecea}
    .daynav{margin:0 0 12px}code.hash{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,monospace}
    code.excerpt{display:block;max-width:28em;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px}
    textarea{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
    """
}
