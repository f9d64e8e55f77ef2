import Mustache

/// The dispatch page's template: the form (tariff, horizon, battery, PV scale, export terms, meters for
/// load and PV) and, after a run, the result table, monthly peaks and the server-drawn schedule chart.
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
    <p><button type="submit" id="dispatch-run">{{d.run}}</button></p>
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
    """
}
