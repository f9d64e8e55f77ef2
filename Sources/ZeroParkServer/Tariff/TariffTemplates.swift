import Mustache

/// The energy cost page's template: the tariff form (editors) or the tariff as set, then the period
/// form and the bill — by period, by month with maximum demand, the total and the data completeness.
/// No JavaScript.
///
/// Serves STANDARD.md 1.1.36.
enum TariffTemplates {
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        try library.register(page, named: "tariff")
        return library
    }

    static let page = """
    <h1>{{e.title}} · {{name}}</h1>
    <p class="note">{{e.intro}}</p>
    {{#hasProblems}}<div class="error" id="tariff-error"><ul>{{#problems}}<li>{{message}}</li>{{/problems}}</ul></div>{{/hasProblems}}
    {{#saved}}<p class="ok" id="tariff-saved">{{e.saved}}</p>{{/saved}}
    <section class="card"><h2>{{e.tariffHeading}}</h2>
    {{#setting}}<p id="tariff-current">{{tariffName}} <code>{{tariffID}}</code> · {{e.updated}} {{updatedAt}} · {{e.by}} {{updatedBy}}</p>{{/setting}}
    {{^setting}}<p class="note" id="tariff-none">{{e.noTariff}}</p>{{/setting}}
    {{#canEdit}}<form method="post" action="/parks/{{parkKey}}/tariff" id="tariff-form">
    <input type="hidden" name="_csrf" value="{{csrf}}">
    <p><label>{{e.tariff}} <select name="tariff">{{#tariffs}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{id}}</option>{{/tariffs}}</select></label>
    <label>{{e.effectiveFrom}} <input name="effective_from" value="{{form.effective_from}}" placeholder="YYYY-MM-DD"></label></p>
    <p><label>{{e.basePrice}} <input name="base_price" value="{{form.base_price}}"></label> <small>{{e.basePriceNote}}</small></p>
    <p><label>{{e.userClass}} <input name="user_class" value="{{form.user_class}}"></label>
    <label>{{e.demandCharge}} <input name="demand_charge" value="{{form.demand_charge}}"></label></p>
    <p><label>{{e.exportPrice}} <input name="export_price" value="{{form.export_price}}"></label>
    <label>{{e.exportLimit}} <input name="export_limit" value="{{form.export_limit}}"></label>
    <label class="check"><input type="checkbox" name="surplus_only" value="true"{{#surplusOnly}} checked{{/surplusOnly}}> {{e.surplusOnly}}</label></p>
    <p><label>{{e.holidays}} <input name="holidays" value="{{form.holidays}}"></label></p>
    <p><button type="submit" id="tariff-save">{{e.save}}</button></p>
    </form>{{/canEdit}}
    </section>
    <section class="card" id="energy-cost"><h2>{{e.costHeading}}</h2>
    <form method="get" action="/parks/{{parkKey}}/tariff" class="inline">
    <label>{{e.from}} <input type="date" name="from" value="{{from}}"></label> <label>{{e.to}} <input type="date" name="to" value="{{to}}"></label>
    <button type="submit">{{e.show}}</button></form>
    {{#costError}}<p class="error" id="cost-error">{{costError}}</p>{{/costError}}
    {{#cost}}
    <p>{{tariffName}} <code>{{tariffID}}</code>{{#citations}} · {{e.source}}：{{document}}《{{title}}》{{/citations}}</p>
    <p>{{e.metersUsed}}：{{meters}} · {{e.completeness}}：<strong id="cost-completeness">{{completeness}}</strong></p>
    {{#incomplete}}<p class="warn">{{incomplete}}</p>{{/incomplete}}
    <div class="scroll"><table id="cost-periods"><thead><tr><th>{{e.period}}</th><th class="num">{{e.kwh}}</th><th class="num">{{e.cny}}</th><th class="num">{{e.avgPrice}}</th></tr></thead><tbody>
    {{#periods}}<tr><td>{{name}}</td><td class="num">{{kwh}}</td><td class="num">{{cny}}</td><td class="num">{{avg}}</td></tr>{{/periods}}
    <tr><th>{{e.total}}</th><td class="num">{{kwh}}</td><td class="num">{{energy}}</td><td class="num">{{energyAvg}}</td></tr>
    </tbody></table></div>
    <div class="scroll"><table id="cost-months"><thead><tr><th>{{e.month}}</th><th class="num">{{e.kwh}}</th><th class="num">{{e.energyTotal}}</th><th class="num">{{e.maxDemand}}</th><th>{{e.maxDemandAt}}</th><th class="num">{{e.demandRate}}</th><th class="num">{{e.demandCharge2}}</th></tr></thead><tbody>
    {{#months}}<tr><td>{{month}}</td><td class="num">{{kwh}}</td><td class="num">{{energy}}</td><td class="num">{{maxDemand}}</td><td>{{at}}</td><td class="num">{{rate}}</td><td class="num">{{demand}}</td></tr>{{/months}}
    </tbody></table></div>
    <p id="cost-total"><strong>{{e.total}}：{{total}} {{yuan}}</strong>（{{e.avgPrice}} {{totalAvg}}）</p>
    <p class="exports">{{t.exportTables}}：<a href="/parks/{{parkKey}}/energy-cost.csv?from={{from}}&amp;to={{to}}" id="export-cost-csv">CSV</a> · <a href="/parks/{{parkKey}}/energy-cost.xlsx?from={{from}}&amp;to={{to}}" id="export-cost-xlsx">XLSX</a></p>
    <p class="note">{{e.demandNote}}</p>
    {{/cost}}
    </section>
    """
}
