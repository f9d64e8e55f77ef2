import Mustache

/// The dispatch page's template: the form (study, tariff, horizon, battery, PV scale, export terms, meters
/// for load and PV, the sizing and rolling settings) and, after a run, the study's result: for dispatch
/// the result table, monthly peaks and schedule chart; for sizing the chosen sizes, annual economics,
/// MAC rows, plan measures and the schedule with the sized assets; for rolling the forecast scores, the
/// realised cost against perfect foresight and the baseline, and the realised schedule.
/// No JavaScript; the form posts with the session's CSRF token.
///
/// Serves STANDARD.md 1.1.37 and 1.1.20(e)(f).
enum DispatchTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(page, named: "dispatch")
        return library
    }

    static let page = """
    <h1>{{d.title}} · {{name}}</h1>
    <p class="note">{{d.intro}}</p>
    {{#hasProblems}}<div class="error" id="form-error"><ul>{{#problems}}<li><code>{{field}}</code> {{message}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    <form method="post" action="/parks/{{parkKey}}/dispatch" id="dispatch-form" class="card">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <p><label>{{d.study}} <select name="study" id="dispatch-study">{{#studies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/studies}}</select></label></p>
    <p class="note">{{d.studyNote}}</p>
    <h2>{{d.tariff}}</h2>
    <p><label>{{d.tariff}} <select name="tariff">{{#tariffs}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{id}}</option>{{/tariffs}}</select></label>
    <label>{{d.effectiveFrom}} <input name="effective_from" value="{{form.effective_from}}" placeholder="YYYY-MM-DD"></label></p>
    <p><label>{{d.basePrice}} <input name="base_price" value="{{form.base_price}}"></label> <small>{{d.basePriceNote}}</small></p>
    <p><label>{{d.userClass}} <input name="user_class" value="{{form.user_class}}"></label>
    <label>{{d.demandCharge}} <input name="demand_charge" value="{{form.demand_charge}}"></label></p>
    <p><label>{{d.exportPrice}} <input name="export_price" value="{{form.export_price}}"></label>
    <label>{{d.exportLimit}} <input name="export_limit" value="{{form.export_limit}}"></label>
    <label><input type="checkbox" name="surplus_only" value="true"{{#surplusOnly}} checked{{/surplusOnly}}> {{d.surplusOnly}}</label></p>
    <h2>{{d.horizon}}</h2>
    <p><label>{{d.start}} <input name="start" value="{{form.start}}" placeholder="YYYY-MM-DD"></label>
    <label>{{d.days}} <input name="days" value="{{form.days}}"></label>
    <label>{{d.step}} <select name="step">{{#steps}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/steps}}</select></label></p>
    <h2>{{d.battery}}</h2>
    <p><label>{{d.capacity}} <input name="capacity" value="{{form.capacity}}"></label>
    <label>{{d.power}} <input name="power" value="{{form.power}}"></label>
    <label>{{d.efficiency}} <input name="efficiency" value="{{form.efficiency}}"></label></p>
    <p><label>{{d.minSoC}} <input name="min_soc" value="{{form.min_soc}}"></label>
    <label>{{d.maxSoC}} <input name="max_soc" value="{{form.max_soc}}"></label>
    <label>{{d.cycleCost}} <input name="cycle_cost" value="{{form.cycle_cost}}"></label></p>
    <h2>{{d.meters}}</h2>
    {{^hasMeters}}<p class="note">{{d.noMeters}}</p>{{/hasMeters}}
    {{#hasMeters}}<table><thead><tr><th></th><th>{{d.loadMeters}}</th><th>{{d.pvMeters}}</th></tr></thead><tbody>
    {{#meters}}<tr><td>{{name}} <code>{{key}}</code> ({{unit}})</td><td><input type="checkbox" name="load_{{key}}" value="true"{{#load}} checked{{/load}}></td><td><input type="checkbox" name="pv_{{key}}" value="true"{{#pv}} checked{{/pv}}></td></tr>{{/meters}}
    </tbody></table>{{/hasMeters}}
    <p class="note">{{d.loadNote}}</p>
    <p><label>{{d.pvScale}} <input name="pv_scale" value="{{form.pv_scale}}"></label>
    <label>{{d.gridFactor}} <input name="grid_factor" value="{{form.grid_factor}}"></label></p>
    <fieldset id="sizing-fields"><legend>{{d.sizing}}</legend>
    <p class="note">{{d.sizingNote}}</p>
    <p class="note"><strong>{{d.sizingCostNote}}</strong></p>
    {{#catalogueCosts}}<p class="note" id="sizing-catalogue">{{catalogueCosts}}</p>{{/catalogueCosts}}
    <p class="note">{{d.sizingBatteryNote}}</p>
    <p><label>{{d.discountRate}} <input name="sizing_discount_rate" value="{{form.sizing_discount_rate}}"></label>
    <label>{{d.analysisYears}} <input name="sizing_analysis_years" value="{{form.sizing_analysis_years}}"></label></p>
    <h3>{{d.newPV}}</h3>
    <p><label>{{d.maxKWp}} <input name="sizing_pv_max_kwp" value="{{form.sizing_pv_max_kwp}}"></label>
    <label>{{d.capexPerKWp}} <input name="sizing_pv_capex_cny_per_kwp" value="{{form.sizing_pv_capex_cny_per_kwp}}"></label>
    <label>{{d.omPerKWpYear}} <input name="sizing_pv_om_cny_per_kwp_year" value="{{form.sizing_pv_om_cny_per_kwp_year}}"></label>
    <label>{{d.lifetimeYears}} <input name="sizing_pv_lifetime_years" value="{{form.sizing_pv_lifetime_years}}"></label></p>
    <p><label>{{d.referenceKWp}} <input name="sizing_pv_reference_kwp" value="{{form.sizing_pv_reference_kwp}}"></label> <small>{{d.referenceKWpNote}}</small></p>
    <h3>{{d.newBattery}}</h3>
    <p><label>{{d.maxKWh}} <input name="sizing_battery_max_kwh" value="{{form.sizing_battery_max_kwh}}"></label>
    <label>{{d.maxKW}} <input name="sizing_battery_max_kw" value="{{form.sizing_battery_max_kw}}"></label>
    <label>{{d.lifetimeYears}} <input name="sizing_battery_lifetime_years" value="{{form.sizing_battery_lifetime_years}}"></label></p>
    <p><label>{{d.capexPerKWh}} <input name="sizing_battery_capex_cny_per_kwh" value="{{form.sizing_battery_capex_cny_per_kwh}}"></label>
    <label>{{d.omPerKWhYear}} <input name="sizing_battery_om_cny_per_kwh_year" value="{{form.sizing_battery_om_cny_per_kwh_year}}"></label></p>
    <p><label>{{d.capexPerKW}} <input name="sizing_battery_capex_cny_per_kw" value="{{form.sizing_battery_capex_cny_per_kw}}"></label>
    <label>{{d.omPerKWYear}} <input name="sizing_battery_om_cny_per_kw_year" value="{{form.sizing_battery_om_cny_per_kw_year}}"></label></p>
    </fieldset>
    <fieldset id="rolling-fields"><legend>{{d.rolling}}</legend>
    <p class="note">{{d.rollingNote}}</p>
    <p><label>{{d.horizonHours}} <input name="rolling_horizon_hours" value="{{form.rolling_horizon_hours}}"></label>
    <label>{{d.historyDays}} <input name="rolling_history_days" value="{{form.rolling_history_days}}"></label></p>
    <p><label>{{d.loadForecast}} <select name="rolling_load_forecast">{{#loadForecasts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/loadForecasts}}</select></label>
    <label>{{d.pvForecast}} <select name="rolling_pv_forecast">{{#pvForecasts}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/pvForecasts}}</select></label></p>
    <p><label>{{d.latitude}} <input name="rolling_latitude" value="{{form.rolling_latitude}}"></label>
    <label>{{d.longitude}} <input name="rolling_longitude" value="{{form.rolling_longitude}}"></label> <small>{{d.clearSkyNote}}</small></p>
    </fieldset>
    <p><button type="submit" id="dispatch-run">{{d.run}}</button> <span class="exports">{{d.runExport}}：<button type="submit" name="export" value="csv" class="link-dark" id="dispatch-export-csv">CSV</button> · <button type="submit" name="export" value="xlsx" class="link-dark" id="dispatch-export-xlsx">XLSX</button></span></p>
    </form>
    {{#result}}
    <section class="card" id="dispatch-result"><h2>{{d.result}}</h2>
    <p>{{tariffName}} <code>{{tariffID}}</code>{{#citations}} · {{d.source}}：{{document}}《{{title}}》{{/citations}}</p>
    <table><thead><tr><th>{{d.item}}</th><th>{{d.optimised}}</th><th>{{d.baseline}}</th><th>{{d.difference}}</th></tr></thead><tbody>
    {{#rows}}<tr><td>{{label}}</td><td class="num">{{optimised}}</td><td class="num">{{baseline}}</td><td class="num">{{difference}}</td></tr>{{/rows}}
    </tbody></table>
    <p id="dispatch-saving"><strong>{{d.saving}}：{{saving}}</strong>{{#avoided}} · {{d.avoided}}：{{avoided}} tCO2{{/avoided}}</p>
    {{#factor}}<p class="note">{{factor}}</p>{{/factor}}
    <table><thead><tr><th>{{d.month}}</th><th>{{d.optimised}} {{d.peak}}</th><th>{{d.baseline}} {{d.peak}}</th></tr></thead><tbody>
    {{#peaks}}<tr><td>{{month}}</td><td class="num">{{optimised}}</td><td class="num">{{baseline}}</td></tr>{{/peaks}}</tbody></table>
    <h3>{{d.chart}}</h3>
    <div id="dispatch-chart">{{{chart}}}</div>
    </section>
    {{/result}}
    {{#sizingResult}}
    <section class="card" id="sizing-result"><h2>{{d.sizingResult}}</h2>
    <p>{{tariffName}} <code>{{tariffID}}</code>{{#citations}} · {{d.source}}：{{document}}《{{title}}》{{/citations}}</p>
    {{#existingLeftOut}}<p class="note">{{d.existingBatteryLeftOut}}</p>{{/existingLeftOut}}
    <table id="sizing-sizes"><thead><tr><th>{{d.asset}}</th><th>{{d.chosen}}</th><th>{{d.allowed}}</th></tr></thead><tbody>
    {{#sizes}}<tr><td>{{asset}}</td><td class="num">{{chosen}}</td><td>{{allowed}}</td></tr>{{/sizes}}
    </tbody></table>
    {{#scaled}}<p class="note">{{scaled}}</p>{{/scaled}}
    <table id="sizing-economics"><thead><tr><th>{{d.economics}}</th><th>{{d.value}}</th></tr></thead><tbody>
    {{#economics}}<tr><td>{{label}}</td><td class="num">{{value}}</td></tr>{{/economics}}
    </tbody></table>
    {{#hasMAC}}<h3>{{d.mac}}</h3>
    <table id="sizing-mac"><thead><tr><th>{{d.measure}}</th><th>{{d.importAvoided}}</th><th>{{d.tonnesPerYear}}</th><th>{{d.cnyPerTonne}}</th><th>{{d.capexShort}}</th><th>{{d.life}}</th></tr></thead><tbody>
    {{#mac}}<tr><td>{{measure}}</td><td class="num">{{mwh}}</td><td class="num">{{tonnes}}</td><td class="num">{{perTonne}}</td><td class="num">{{capex}}</td><td class="num">{{life}}</td></tr>{{/mac}}
    </tbody></table>{{/hasMAC}}
    {{#factor}}<p class="note">{{factor}}</p>{{/factor}}
    <h3>{{d.planYaml}}</h3>
    <p>{{d.planYamlNote}} <a href="/parks/{{parkKey}}/plan" id="sizing-plan-link">{{d.planPage}}</a></p>
    <div class="scroll"><pre id="sizing-plan-yaml">{{planYAML}}</pre></div>
    <h3>{{d.sizedChart}}</h3>
    <div id="sizing-chart">{{{chart}}}</div>
    </section>
    {{/sizingResult}}
    {{#rollingResult}}
    <section class="card" id="rolling-result"><h2>{{d.rollingResult}}</h2>
    <p>{{tariffName}} <code>{{tariffID}}</code>{{#citations}} · {{d.source}}：{{document}}《{{title}}》{{/citations}}</p>
    <p>{{settings}}</p>
    {{#hasScores}}<h3>{{d.forecastScores}}</h3>
    <table id="rolling-scores"><thead><tr><th>{{d.forecast}}</th><th>{{d.method}}</th><th>{{d.daysShort}}</th><th>nMAE</th><th>MAPE</th><th>{{d.naiveNMAE}}</th><th>{{d.naiveMAPE}}</th><th>{{d.beats}}</th></tr></thead><tbody>
    {{#scores}}<tr><td>{{name}}</td><td>{{method}}</td><td class="num">{{days}}</td><td class="num">{{nmae}}</td><td class="num">{{mape}}</td><td class="num">{{baselineNMAE}}</td><td class="num">{{baselineMAPE}}</td><td>{{beats}}</td></tr>{{/scores}}
    </tbody></table>
    <p class="note">{{d.mapeNote}}</p>{{/hasScores}}
    <table id="rolling-costs"><thead><tr><th>{{d.operation}}</th><th>{{d.energy}}</th><th>{{d.demand}}</th><th>{{d.exportShort}}</th><th>{{d.cycle}}</th><th>{{d.total}}</th></tr></thead><tbody>
    {{#costs}}<tr><td>{{label}}</td><td class="num">{{energy}}</td><td class="num">{{demand}}</td><td class="num">{{export}}</td><td class="num">{{cycle}}</td><td class="num">{{total}}</td></tr>{{/costs}}
    </tbody></table>
    <p id="rolling-gap"><strong>{{d.gap}}：{{gap}}</strong></p>
    {{#captured}}<p id="rolling-captured">{{d.captured}}：{{captured}}</p>{{/captured}}
    <p id="rolling-solves">{{d.solves}}：{{solves}}</p>
    {{#overLimit}}<p class="note">{{overLimit}}</p>{{/overLimit}}
    <h3>{{d.rollingChart}}</h3>
    <div id="rolling-chart">{{{chart}}}</div>
    </section>
    {{/rollingResult}}
    """
}
